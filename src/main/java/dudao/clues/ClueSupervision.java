package dudao.clues;

import dudao.deadlines.Deadlines;
import dudao.deadlines.Subject;
import dudao.deadlines.Watch;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision (督办) of clues through the deadlines module, as for problems: two deadlines a clue can have, each with the
 * same ladder of warnings, reminders, supervision notices and accountability.
 *
 * <ul>
 *   <li>{@value #HANDLING}: the handling unit's time limit, watched while the clue is assigned and its verification is
 *       owed (a review that sends it back owes it again, under the same limit);
 *   <li>{@value #REPLY}: the national platform's 30-day rule (12337), a first reply within {@code reply-days} of
 *       receipt to a reporter who left a way to be reached, watched until that reply.
 * </ul>
 *
 * <p>Intake does not call this class: {@link #watchNewReplies} picks up reachable clues not yet watched, in batches,
 * from a recurring task (and every step of a clue keeps both deadlines in step with it), so the intake transaction does
 * no extra work and no way of recording a clue can forget the rule.
 */
@Service
@Transactional
class ClueSupervision {

    static final String HANDLING = "clue";
    static final String REPLY = "cluereply";

    private final Deadlines deadlines;
    private final JdbcClient jdbc;
    private final ClueProperties properties;

    ClueSupervision(Deadlines deadlines, JdbcClient jdbc, ClueProperties properties) {
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The day by which a reporter who left contact must have had a first reply. */
    LocalDate replyDue(java.time.Instant receivedAt) {
        return receivedAt.atZone(ClueIntake.CHINA).toLocalDate().plusDays(properties.replyDays());
    }

    /** Keeps both deadlines in step with the clue after one of its steps (inside the step's transaction). */
    void after(Clue clue) {
        var header = jdbc.sql("select serial, received_at from clue where id = ?")
                .param(clue.id().value())
                .query((rs, n) -> new Header(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .single();
        var handling = new Subject(HANDLING, clue.id().value());
        if (clue.status() == ClueStatus.ASSIGNED && clue.dueOn() != null) {
            deadlines.watch(new Watch(
                    handling,
                    1,
                    clue.dueOn(),
                    null,
                    watchPath(clue.districtPath(), clue.officialsNamed()),
                    clue.handlingUnit(),
                    header.serial() + " 线索核查",
                    "/clues/" + clue.id().value()));
        } else {
            deadlines.stop(handling);
        }
        if (owesReply(clue.hasContact(), clue.repliedAt() != null, clue.status())) {
            watchReply(
                    clue.id().value(),
                    header,
                    watchPath(clue.districtPath(), clue.officialsNamed()),
                    clue.handlingUnit());
        } else {
            deadlines.stop(new Subject(REPLY, clue.id().value()));
        }
        jdbc.sql("update clue set reply_watched = true where id = ? and has_contact and not reply_watched")
                .param(clue.id().value())
                .update();
    }

    /**
     * Starts the 30-day watch of reachable clues recorded since the last call, at most {@code batch} of them; returns
     * how many clues it looked at. Rows a step holds are skipped (the step keeps the watch in step itself).
     */
    int watchNewReplies(int batch) {
        var rows = jdbc.sql("""
                select id, serial, received_at, region_path, officials_named, handling_unit_id,
                       replied_at is not null as replied, status
                from clue where has_contact and not reply_watched
                order by id limit ? for update skip locked""")
                .param(batch)
                .query((rs, n) -> new Pending(
                        rs.getLong("id"),
                        new Header(
                                rs.getString("serial"),
                                rs.getTimestamp("received_at").toInstant()),
                        watchPath(rs.getString("region_path"), rs.getBoolean("officials_named")),
                        (Long) rs.getObject("handling_unit_id"),
                        rs.getBoolean("replied"),
                        ClueStatus.valueOf(rs.getString("status"))))
                .list();
        for (var p : rows) {
            if (owesReply(true, p.replied(), p.status())) {
                watchReply(p.id(), p.header(), p.regionPath(), p.unit());
            }
            jdbc.sql("update clue set reply_watched = true where id = ?")
                    .param(p.id())
                    .update();
        }
        return rows.size();
    }

    private void watchReply(long id, Header header, String regionPath, Long unit) {
        deadlines.watch(new Watch(
                new Subject(REPLY, id),
                1,
                replyDue(header.receivedAt()),
                null,
                regionPath,
                unit,
                header.serial() + " 答复举报人",
                "/clues/" + id));
    }

    /**
     * Where the deadline is filed, which decides whose home page shows its notices: the clue's district, except for a
     * clue naming officials, which its district must not learn of even by a notice's serial number; that one is filed
     * at the city (the city office sees its notices, the handling unit its own reminders).
     */
    static String watchPath(String districtPath, boolean officialsNamed) {
        return officialsNamed ? districtPath.substring(0, districtPath.indexOf('/', 1) + 1) : districtPath;
    }

    private static boolean owesReply(boolean hasContact, boolean replied, ClueStatus status) {
        return hasContact && !replied && status != ClueStatus.CLOSED && status != ClueStatus.MERGED;
    }

    private record Header(String serial, java.time.Instant receivedAt) {}

    private record Pending(long id, Header header, String regionPath, Long unit, boolean replied, ClueStatus status) {}
}
