/**
 * Time limits and the escalation ladder shared by rectification and clues: graded warnings (green, yellow, red) with
 * thresholds set per campaign, a reminder before and after the deadline, then a numbered supervision notice
 * (督办通知书, gap-free per year), then an accountability record (问责), each rung with its own deadline. A module
 * hands a deadline to {@link dudao.deadlines.Deadlines#watch}; a db-scheduler task sweeps the watched deadlines so
 * that, however many application nodes run, each rung is issued exactly once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines")
package dudao.deadlines;
