package dudao.deadlines;

import dudao.platform.Today;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's API: watch a deadline (or move it), stop watching, read the ladder issued so far, and sweep — issue
 * every rung that has come due. A rung is unique per watch, cycle, deadline and rung in the database, so a sweep run
 * twice (two nodes, a retry after a crash) issues nothing twice; a supervision notice takes its number in the same
 * transaction, so a number is never skipped.
 */
@Service
public class Deadlines {

    private static final String STEP_COLUMNS = """
            s.id, w.subject_type, w.subject_id, s.rung, s.cycle, s.due, s.issued_on, s.issued_at, s.respond_by,
            s.number, s.unit_id, s.title, s.href""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeadlinesProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate perWatch;
    private final Today businessDay;

    Deadlines(
            JdbcClient jdbc,
            Clock clock,
            Today businessDay,
            DeadlinesProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.businessDay = businessDay;
        this.properties = properties;
        this.events = events;
        this.perWatch = new TransactionTemplate(transactions);
    }

    /**
     * The business day: what is overdue, which colour a warning shows, which deadline lies in the past. It is the
     * platform's {@link Today}, so the demo, fixed on the last day of the round it replays, shows its open problems as
     * they stood then. The scheduler does not read it: it sweeps on the real clock ({@link #clockDay()}).
     */
    public LocalDate today() {
        return businessDay.date();
    }

    /** The real clock's day where the campaign runs: the day the scheduled sweep issues rungs for. */
    public LocalDate clockDay() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /**
     * The business day of a transition made at the given moment: the business day when the moment falls on the real
     * clock's day (a transition made now), else the moment's own day (demo data and imports replaying the past).
     */
    public LocalDate businessDayOf(java.time.Instant at) {
        var day = dayOf(at);
        return day.equals(clockDay()) ? today() : day;
    }

    /** The time zone in which days begin and end. */
    public java.time.ZoneId zone() {
        return properties.zone();
    }

    /** The day a moment falls on where the campaign runs. */
    public LocalDate dayOf(java.time.Instant at) {
        return LocalDate.ofInstant(at, properties.zone());
    }

    /** The policy of a campaign, or the default. */
    @Transactional(readOnly = true)
    public DeadlinePolicy policy(Long campaignId) {
        if (campaignId == null) {
            return properties.defaultPolicy();
        }
        return jdbc.sql("""
                select yellow_days, reminder_before_days, notice_after_days, notice_response_days,
                       accountability_response_days
                from deadline_policy where campaign_id = ?""")
                .param(campaignId)
                .query((rs, n) ->
                        new DeadlinePolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional()
                .orElse(properties.defaultPolicy());
    }

    /** Sets a campaign's own thresholds (the campaign module calls this when a campaign is configured). */
    @Transactional
    public void setPolicy(long campaignId, DeadlinePolicy policy) {
        jdbc.sql("""
                insert into deadline_policy (campaign_id, yellow_days, reminder_before_days, notice_after_days,
                                             notice_response_days, accountability_response_days)
                values (?, ?, ?, ?, ?, ?)
                on conflict (campaign_id) do update set
                  yellow_days = excluded.yellow_days, reminder_before_days = excluded.reminder_before_days,
                  notice_after_days = excluded.notice_after_days, notice_response_days = excluded.notice_response_days,
                  accountability_response_days = excluded.accountability_response_days""")
                .params(
                        campaignId,
                        policy.yellowDays(),
                        policy.reminderBeforeDays(),
                        policy.noticeAfterDays(),
                        policy.noticeResponseDays(),
                        policy.accountabilityResponseDays())
                .update();
    }

    /** The warning of a deadline today under a campaign's policy. */
    public Warning warning(LocalDate due, Long campaignId) {
        return Warning.of(due, today(), policy(campaignId));
    }

    /** The first day the warning of this deadline is yellow (stored by owners that filter lists by colour). */
    public LocalDate yellowFrom(LocalDate due, Long campaignId) {
        return due.minusDays(policy(campaignId).yellowDays());
    }

    /** Starts watching a deadline, or moves it (an extension, a new cycle); rungs issued before are kept. */
    @Transactional
    public void watch(Watch watch) {
        jdbc.sql("""
                insert into deadline_watch (subject_type, subject_id, cycle, due, campaign_id, region_path, unit_id,
                                            title, href, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)
                on conflict (subject_type, subject_id) do update set
                  cycle = excluded.cycle, due = excluded.due, campaign_id = excluded.campaign_id,
                  region_path = excluded.region_path, unit_id = excluded.unit_id, title = excluded.title,
                  href = excluded.href, active = true""")
                .params(
                        watch.subject().type(),
                        watch.subject().id(),
                        watch.cycle(),
                        watch.due(),
                        watch.campaignId(),
                        watch.regionPath(),
                        watch.unitId(),
                        watch.title(),
                        watch.href())
                .update();
    }

    /** Stops the ladder (the work was reported back or closed); {@link #watch} starts it again. */
    @Transactional
    public void stop(Subject subject) {
        jdbc.sql("update deadline_watch set active = false where subject_type = ? and subject_id = ?")
                .params(subject.type(), subject.id())
                .update();
    }

    /** Every rung issued for a subject, oldest first. */
    @Transactional(readOnly = true)
    public List<IssuedStep> steps(Subject subject) {
        return jdbc.sql("select " + STEP_COLUMNS + " from deadline_step s join deadline_watch w on w.id = s.watch_id"
                        + " where w.subject_type = ? and w.subject_id = ? order by s.id")
                .params(subject.type(), subject.id())
                .query((rs, n) -> step(rs))
                .list();
    }

    /** Rungs issued to a unit, newest first (their home page). */
    @Transactional(readOnly = true)
    public List<IssuedStep> forUnit(long unitId, int limit) {
        return jdbc.sql("select " + STEP_COLUMNS + " from deadline_step s join deadline_watch w on w.id = s.watch_id"
                        + " where s.unit_id = ? and w.active order by s.issued_at desc, s.id desc limit ?")
                .params(unitId, limit)
                .query((rs, n) -> step(rs))
                .list();
    }

    /** Notices and accountability records in a jurisdiction whose subject is still open, newest first. */
    @Transactional(readOnly = true)
    public List<IssuedStep> escalationsWithin(String likePattern, int limit) {
        return jdbc.sql("select " + STEP_COLUMNS + " from deadline_step s join deadline_watch w on w.id = s.watch_id"
                        + " where s.region_path like ? and w.active"
                        + " and s.rung in ('SUPERVISION_NOTICE', 'ACCOUNTABILITY')"
                        + " order by s.issued_at desc, s.id desc limit ?")
                .params(likePattern, limit)
                .query((rs, n) -> step(rs))
                .list();
    }

    /** Issues every rung due on the real clock's day; returns how many this call issued. */
    public int sweep() {
        return sweep(clockDay());
    }

    /**
     * Issues every rung due on or before the given day, each watch in its own transaction so that one failure stops
     * nothing else and locks are held briefly.
     */
    public int sweep(LocalDate today) {
        int before = Math.max(
                properties.defaultPolicy().reminderBeforeDays(),
                jdbc.sql("select coalesce(max(reminder_before_days), 0) from deadline_policy")
                        .query(Integer.class)
                        .single());
        // Only deadlines near or past, and not those whose ladder is complete.
        var candidates =
                jdbc.sql("""
                select w.id from deadline_watch w
                where w.active and w.due <= ?
                  and not exists (select 1 from deadline_step s where s.watch_id = w.id and s.cycle = w.cycle
                                  and s.due = w.due and s.rung = 'ACCOUNTABILITY')
                order by w.due, w.id""").param(today.plusDays(before)).query(Long.class).list();
        int issued = 0;
        for (long id : candidates) {
            Integer n = perWatch.execute(tx -> issueDue(id, today));
            issued += n == null ? 0 : n;
        }
        return issued;
    }

    private record WatchRow(long id, Watch watch, boolean active) {}

    private int issueDue(long watchId, LocalDate today) {
        var row = jdbc.sql("""
                select id, subject_type, subject_id, cycle, due, campaign_id, region_path, unit_id, title, href, active
                from deadline_watch where id = ? for update""")
                .param(watchId)
                .query((rs, n) -> new WatchRow(
                        rs.getLong("id"),
                        new Watch(
                                new Subject(rs.getString("subject_type"), rs.getLong("subject_id")),
                                rs.getInt("cycle"),
                                rs.getObject("due", LocalDate.class),
                                (Long) rs.getObject("campaign_id"),
                                rs.getString("region_path"),
                                (Long) rs.getObject("unit_id"),
                                rs.getString("title"),
                                rs.getString("href")),
                        rs.getBoolean("active")))
                .optional();
        if (row.isEmpty() || !row.get().active()) {
            return 0;
        }
        var w = row.get();
        var due = w.watch().due();
        var policy = policy(w.watch().campaignId());
        // A rung whose day lies further back than the catch-up horizon is not sent: had the sweep run, it would have
        // gone out then, and records imported or restored from long ago must not flood units with stale notices.
        var horizon = today.minus(properties.catchUp());
        int issued = 0;
        var beforeOn = due.minusDays(policy.reminderBeforeDays());
        if (!beforeOn.isAfter(today)
                && !due.isBefore(today)
                && !beforeOn.isBefore(horizon)
                && issue(w, Rung.REMINDER_BEFORE, today, due)) {
            issued++;
        }
        var afterOn = due.plusDays(1);
        if (!afterOn.isAfter(today)
                && !afterOn.isBefore(horizon)
                && issue(w, Rung.REMINDER_AFTER, today, due.plusDays(policy.noticeAfterDays()))) {
            issued++;
        }
        var noticeOn = due.plusDays(policy.noticeAfterDays());
        if (!noticeOn.isAfter(today)) {
            if (!noticeOn.isBefore(horizon)
                    && issue(w, Rung.SUPERVISION_NOTICE, today, today.plusDays(policy.noticeResponseDays()))) {
                issued++;
            }
            var notice = existing(w.id(), w.watch().cycle(), due, Rung.SUPERVISION_NOTICE);
            if (notice.isPresent()
                    && notice.get().respondBy().isBefore(today)
                    && !notice.get().respondBy().plusDays(1).isBefore(horizon)
                    && issue(w, Rung.ACCOUNTABILITY, today, today.plusDays(policy.accountabilityResponseDays()))) {
                issued++;
            }
        }
        return issued;
    }

    /** Now, for a sweep of today; the end of the working day for a sweep that replays a past day. */
    private java.time.Instant issuedAt(LocalDate day) {
        var now = clock.instant();
        return dayOf(now).equals(day)
                ? now
                : day.atTime(18, 0).atZone(properties.zone()).toInstant();
    }

    /** Issues one rung unless it was issued before; false when it was. */
    private boolean issue(WatchRow w, Rung rung, LocalDate today, LocalDate respondBy) {
        var watch = w.watch();
        var id = jdbc.sql("""
                insert into deadline_step (watch_id, cycle, due, rung, issued_on, issued_at, respond_by, unit_id,
                                           region_path, title, href)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (watch_id, cycle, due, rung) do nothing
                returning id""")
                .params(
                        w.id(),
                        watch.cycle(),
                        watch.due(),
                        rung.name(),
                        today,
                        Timestamp.from(issuedAt(today)),
                        respondBy,
                        watch.unitId(),
                        watch.regionPath(),
                        watch.title(),
                        watch.href())
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return false;
        }
        if (rung == Rung.SUPERVISION_NOTICE) {
            // Gap-free: the counter row is locked until this transaction ends and rolls back with it.
            int year = today.getYear();
            int seq = jdbc.sql("""
                    insert into supervision_notice_counter (year, last) values (?, 1)
                    on conflict (year) do update set last = supervision_notice_counter.last + 1
                    returning last""").param(year).query(Integer.class).single();
            jdbc.sql("update deadline_step set number = ?, notice_year = ?, notice_seq = ? where id = ?")
                    .params(properties.noticeIssuer() + "〔" + year + "〕" + seq + "号", year, seq, id.get())
                    .update();
        }
        var step = jdbc.sql("select " + STEP_COLUMNS
                        + " from deadline_step s join deadline_watch w on w.id = s.watch_id where s.id = ?")
                .param(id.get())
                .query((rs, n) -> step(rs))
                .single();
        events.publishEvent(new DeadlineStepIssued(step));
        return true;
    }

    private Optional<IssuedStep> existing(long watchId, int cycle, LocalDate due, Rung rung) {
        return jdbc.sql("select " + STEP_COLUMNS + " from deadline_step s join deadline_watch w on w.id = s.watch_id"
                        + " where s.watch_id = ? and s.cycle = ? and s.due = ? and s.rung = ?")
                .params(watchId, cycle, due, rung.name())
                .query((rs, n) -> step(rs))
                .optional();
    }

    private static IssuedStep step(ResultSet rs) throws SQLException {
        return new IssuedStep(
                rs.getLong("id"),
                new Subject(rs.getString("subject_type"), rs.getLong("subject_id")),
                Rung.valueOf(rs.getString("rung")),
                rs.getInt("cycle"),
                rs.getObject("due", LocalDate.class),
                rs.getObject("issued_on", LocalDate.class),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getObject("respond_by", LocalDate.class),
                rs.getString("number"),
                (Long) rs.getObject("unit_id"),
                rs.getString("title"),
                rs.getString("href"));
    }
}
