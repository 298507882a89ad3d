package dudao.clues;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.campaign.Campaigns;
import dudao.campaign.RoundId;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.directory.UnitId;
import dudao.directory.Units;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.Today;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a clue's handling. Each loads the clue within the actor's visibility (another district's clue is "not
 * found"), locks it, lets the {@link Clue} aggregate decide, and records the step on the clue's timeline and in the
 * audit trail, all in one transaction.
 */
@Service
@Transactional
public class ClueHandling {

    /** The roles that may read the reporter's identity (a group leader only for their district, by jurisdiction). */
    static final Set<Role> MAY_REVEAL = Set.of(Role.CITY_OFFICE, Role.DISCIPLINE, Role.GROUP_LEADER);

    private final ClueStore store;
    private final Units units;
    private final WorkingCalendar calendar;
    private final ClueProperties properties;
    private final Campaigns campaigns;
    private final ClueKeys keys;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Today today;
    private final ClueSupervision supervision;

    ClueHandling(
            ClueStore store,
            Units units,
            WorkingCalendar calendar,
            ClueProperties properties,
            Campaigns campaigns,
            ClueKeys keys,
            JdbcClient jdbc,
            AuditTrail audit,
            Clock clock,
            Today today,
            ClueSupervision supervision) {
        this.store = store;
        this.units = units;
        this.calendar = calendar;
        this.properties = properties;
        this.campaigns = campaigns;
        this.keys = keys;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.today = today;
        this.supervision = supervision;
    }

    public void triage(ClueId id, Scope scope, ActivityCategory subCategory, Staff by) {
        var clue = store.lock(id, by);
        var now = now();
        clue.triage(scope, subCategory, now);
        done(clue, by, now, "triage", scope + "/" + subCategory);
    }

    public void transfer(ClueId id, String department, String letter, Staff by) {
        var clue = store.lock(id, by);
        var now = now();
        clue.transfer(department.trim(), letter.trim(), now);
        done(clue, by, now, "transfer", department.trim());
    }

    /**
     * Assigns to a unit inside the actor's jurisdiction; without a given limit, the limit the clue's campaign sets for
     * its scope, or, for a clue recorded for no round (or a campaign without that category), the configured one.
     */
    public void assign(ClueId id, UnitId unitId, Integer days, Staff by) {
        var clue = store.lock(id, by);
        var unit = units.require(unitId, by.jurisdiction());
        int limit = days == null ? timeLimit(id, clue.scope()) : days;
        if (limit < 1 || limit > 365) {
            throw new BadInput("days", "clue.assign.days");
        }
        var now = now();
        // The limit runs from the campaign's today (the demo replays 2018); the demo loader, without one, from its
        // clock.
        var from = today == null ? now.atZone(ClueIntake.CHINA).toLocalDate() : today.date();
        var due = calendar.addWorkingDays(from, limit);
        clue.assign(unit.id().value(), unit.regionPath(), limit, due, now);
        done(clue, by, now, "assign", unit.name() + " · " + limit + " · " + due);
    }

    private int timeLimit(ClueId id, Scope scope) {
        if (scope != null) {
            var round = jdbc.sql("select round_id from clue where id = ?")
                    .param(id.value())
                    .query(Long.class)
                    .optional();
            if (round.isPresent()) {
                var configured = campaigns.clueTimeLimit(new RoundId(round.get()), scope.name());
                if (configured.isPresent()) {
                    return configured.get();
                }
            }
        }
        return properties.timeLimitFor(scope);
    }

    public void verify(ClueId id, Set<VerifyMethod> methods, String findings, VerifyResult result, Staff by) {
        var clue = store.lock(id, by);
        var now = now();
        clue.verify(
                by.unit() == null ? null : by.unit().value(),
                by.role() == Role.DISCIPLINE,
                methods,
                findings.trim(),
                result,
                now);
        done(clue, by, now, "verify", result.name());
    }

    public void review(ClueId id, boolean accept, String comment, Staff by) {
        var clue = store.lock(id, by);
        var now = now();
        clue.review(accept, comment == null ? null : comment.trim(), now);
        done(clue, by, now, accept ? "review-accept" : "review-send-back", comment);
    }

    /** A reply the reporter reads with the receipt code. */
    public void reply(ClueId id, String message, Staff by) {
        var clue = store.lock(id, by);
        var now = now();
        clue.reply(now);
        jdbc.sql("insert into clue_message (clue_id, at, author, body) values (?, ?, ?, ?)")
                .params(id.value(), Timestamp.from(now), by.username(), message.trim())
                .update();
        done(clue, by, now, "reply", null);
    }

    public void close(ClueId id, Staff by) {
        var clue = store.lock(id, by);
        var now = now();
        clue.close(now);
        done(clue, by, now, "close", null);
    }

    /** Merges the clue into {@code into}, which the actor must be able to see as well. */
    public void merge(ClueId id, ClueId into, Staff by) {
        // Lock in id order so that two opposite merges cannot deadlock.
        Clue clue;
        Clue target;
        if (id.value() <= into.value()) {
            clue = store.lock(id, by);
            target = store.lock(into, by);
        } else {
            target = store.lock(into, by);
            clue = store.lock(id, by);
        }
        var now = now();
        clue.mergeInto(target, now);
        store.save(clue);
        supervision.after(clue);
        store.event(id, now, by.username(), "merge", serialOf(into));
        store.event(into, now, by.username(), "merged-in", serialOf(id));
        audit.record("clue-merge", "clue", id, Outcome.SUCCESS, "into=" + into);
    }

    public void split(ClueId id, Staff by) {
        var clue = store.lock(id, by);
        var from = clue.mergedInto();
        var now = now();
        clue.split();
        store.save(clue);
        supervision.after(clue);
        store.event(id, now, by.username(), "split", serialOf(from));
        store.event(from, now, by.username(), "split-off", serialOf(id));
        audit.record("clue-split", "clue", id, Outcome.SUCCESS, "from=" + from);
    }

    /** Puts the clue on (or takes it off) the key-clue list, with the joint study's conclusions. */
    public void study(ClueId id, boolean key, String conclusion, Staff by) {
        var clue = store.lock(id, by);
        var now = now();
        clue.study(key, conclusion == null || conclusion.isBlank() ? null : conclusion.trim());
        done(clue, by, now, key ? "study-key" : "study", null);
    }

    /**
     * The reporter's identity in clear, for a role that needs it and a reason the reader gives; the reveal and its
     * reason go to the audit trail (the identity never does).
     */
    public ReporterIdentity revealIdentity(ClueId id, String reason, Staff by) {
        if (!MAY_REVEAL.contains(by.role())) {
            throw new AccessDeniedException("reveal-identity");
        }
        if (reason == null || reason.trim().length() < 4) {
            throw new BadInput("reason", "clue.reveal.reason");
        }
        store.lock(id, by);
        var row = jdbc.sql("""
                select anonymous, reporter_key, reporter_name, reporter_phone, reporter_id_number, reporter_address
                from clue where id = ?""")
                .param(id.value())
                .query((rs, n) -> {
                    var wrapped = rs.getBytes("reporter_key");
                    if (wrapped == null) {
                        return new ReporterIdentity(true, null, null, null, null);
                    }
                    var dataKey = keys.unwrap(wrapped, id.value());
                    return new ReporterIdentity(
                            rs.getBoolean("anonymous"),
                            keys.decrypt(dataKey, id.value(), "reporter_name", rs.getBytes("reporter_name")),
                            keys.decrypt(dataKey, id.value(), "reporter_phone", rs.getBytes("reporter_phone")),
                            keys.decrypt(dataKey, id.value(), "reporter_id_number", rs.getBytes("reporter_id_number")),
                            keys.decrypt(dataKey, id.value(), "reporter_address", rs.getBytes("reporter_address")));
                })
                .single();
        store.event(id, now(), by.username(), "reveal-identity", reason.trim());
        audit.record("reveal-identity", "clue", id, Outcome.SUCCESS, "reason=" + reason.trim());
        return row;
    }

    private void done(Clue clue, Staff by, Instant now, String action, String note) {
        store.save(clue);
        supervision.after(clue);
        store.event(clue.id(), now, by.username(), action, note);
        audit.record("clue-" + action, "clue", clue.id(), Outcome.SUCCESS, note);
    }

    private String serialOf(ClueId id) {
        return jdbc.sql("select serial from clue where id = ?")
                .param(id.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("clue.notFound"));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
