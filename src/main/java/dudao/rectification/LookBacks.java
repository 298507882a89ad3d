package dudao.rectification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dudao.deadlines.Deadlines;
import dudao.directory.Staff;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduled look-backs (回头看): some days after a problem is closed ({@code dudao.rectification.look-back-after-days}),
 * it is due for a re-check, which then shows in the to-do list of the group and the city office over it until someone
 * records the result — no relapse ({@link ProblemList#passLookBack}) or a relapse ({@link ProblemList#reopen}). A
 * db-scheduler task issues them like the deadlines' sweep, on the real clock; a look-back is unique per problem and
 * cycle in the database, so two nodes issue each one once.
 */
@Service
public class LookBacks {

    static final String TASK = "rectification-look-back";

    /** An issued look-back that is waiting for its result. */
    public record Due(ProblemId problem, int cycle, String title, LocalDate closedOn, LocalDate dueOn) {}

    private final JdbcClient jdbc;
    private final ProblemRepository repository;
    private final Deadlines deadlines;
    private final RectificationProperties properties;
    private final Clock clock;

    LookBacks(
            JdbcClient jdbc,
            ProblemRepository repository,
            Deadlines deadlines,
            RectificationProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.deadlines = deadlines;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Issues every look-back due on or before the given day (closed in the current cycle at least the configured days
     * before it, and not further back than the catch-up horizon) that was not issued before; returns how many this call
     * issued. Each gets a timeline entry in the same transaction.
     */
    @Transactional
    public int issueDue(LocalDate day) {
        int after = properties.lookBackAfterDays();
        var horizon = day.minus(properties.lookBackCatchUp());
        var zone = deadlines.zone().getId();
        var issuedAt = issuedAt(day);
        var issued = jdbc.sql("""
                insert into problem_look_back (problem_id, cycle, closed_on, due_on, region_path, issued_at)
                select p.id, p.cycle, c.closed_on, c.closed_on + ?, p.region_path, ?
                from problem p
                join lateral (select max((e.at at time zone ?)::date) as closed_on from problem_event e
                              where e.problem_id = p.id and e.cycle = p.cycle and e.step = 'ACCEPTED') c on true
                where p.status = 'CLOSED' and c.closed_on is not null
                  and c.closed_on + ? <= ? and c.closed_on + ? >= ?
                on conflict (problem_id, cycle) do nothing
                returning problem_id, cycle, due_on""")
                .params(after, Timestamp.from(issuedAt), zone, after, day, after, horizon)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class)})
                .list();
        for (var row : issued) {
            var due = (LocalDate) row[2];
            repository.appendEntry(
                    new ProblemId((Long) row[0]),
                    new TimelineEntry(
                            Step.LOOK_BACK_DUE,
                            (Integer) row[1],
                            null,
                            "system",
                            null,
                            issuedAt,
                            null,
                            due,
                            null,
                            null));
        }
        return issued.size();
    }

    /** Look-backs waiting for a result within the reader's jurisdiction, the oldest due first. */
    @Transactional(readOnly = true)
    public List<Due> open(Staff reader, int limit) {
        return jdbc.sql("""
                select l.problem_id, l.cycle, p.title, l.closed_on, l.due_on from problem_look_back l
                join problem p on p.id = l.problem_id
                where l.done_at is null and l.region_path like ? order by l.due_on, l.problem_id limit ?""")
                .params(reader.jurisdiction().likePattern(), limit)
                .query((rs, n) -> new Due(
                        new ProblemId(rs.getLong(1)),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** Now, for a run of today; the start of the working day for a run that replays a past day. */
    private Instant issuedAt(LocalDate day) {
        var now = clock.instant();
        return deadlines.dayOf(now).equals(day)
                ? now
                : day.atTime(9, 0).atZone(deadlines.zone()).toInstant();
    }

    /** The recurring task that issues the day's look-backs, as of the day the given clock says. */
    static RecurringTask<Void> task(Consumer<LocalDate> issue, Duration interval, Clock clock, ZoneId zone) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(interval))
                .execute((instance, context) -> issue.accept(LocalDate.now(clock.withZone(zone))));
    }

    /** Contributes the task to the application's db-scheduler (the deadlines module runs it). */
    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        RecurringTask<Void> lookBackTask(LookBacks lookBacks, Deadlines deadlines, Clock clock) {
            return task(lookBacks::issueDue, Duration.ofHours(1), clock, deadlines.zone());
        }
    }
}
