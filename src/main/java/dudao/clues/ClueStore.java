package dudao.clues;

import dudao.directory.Staff;
import dudao.platform.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads and saves the {@link Clue} aggregate; a clue outside the reader's visibility is "not found". */
@Component
class ClueStore {

    private final JdbcClient jdbc;

    ClueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The clue, locked for the rest of the transaction, if the staff member may see it. */
    Clue lock(ClueId id, Staff me) {
        var visible = ClueVisibility.of(me);
        var params = new ArrayList<Object>();
        params.add(id.value());
        params.addAll(visible.params());
        return jdbc.sql("select c.* from clue c where c.id = ? and " + visible.sql() + " for update of c")
                .params(params)
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("clue.notFound"));
    }

    /** The clue whatever its visibility (for checks the module makes on its own behalf). */
    Optional<Clue> find(ClueId id) {
        return jdbc.sql("select c.* from clue c where c.id = ?")
                .param(id.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    void save(Clue c) {
        jdbc.sql("""
                update clue set status = ?, scope = ?, sub_category = ?, triaged_at = ?, transfer_department = ?,
                       transfer_letter = ?, transferred_at = ?, handling_unit_id = ?, time_limit_days = ?, due_on = ?,
                       assigned_at = ?, verify_methods = ?, findings = ?, result = ?, verified_at = ?,
                       review_comment = ?, reviewed_at = ?, send_backs = ?, replied_at = ?, closed_at = ?,
                       merged_into = ?, merged_at = ?, status_before_merge = ?, key_clue = ?, study_conclusion = ?,
                       version = version + 1
                where id = ?""")
                .params(
                        c.status().name(),
                        name(c.scope()),
                        name(c.subCategory()),
                        ts(c.triagedAt()),
                        c.transferDepartment(),
                        c.transferLetter(),
                        ts(c.transferredAt()),
                        c.handlingUnit(),
                        c.timeLimitDays(),
                        c.dueOn(),
                        ts(c.assignedAt()),
                        c.methods().isEmpty()
                                ? null
                                : c.methods().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        c.findings(),
                        name(c.result()),
                        ts(c.verifiedAt()),
                        c.reviewComment(),
                        ts(c.reviewedAt()),
                        c.sendBacks(),
                        ts(c.repliedAt()),
                        ts(c.closedAt()),
                        c.mergedInto() == null ? null : c.mergedInto().value(),
                        ts(c.mergedAt()),
                        name(c.statusBeforeMerge()),
                        c.keyClue(),
                        c.studyConclusion(),
                        c.id().value())
                .update();
    }

    /** One line of the clue's timeline; the note never holds the reporter's identity. */
    void event(ClueId id, Instant at, String actor, String action, String note) {
        jdbc.sql("insert into clue_event (clue_id, at, actor, action, note) values (?, ?, ?, ?, ?)")
                .params(id.value(), Timestamp.from(at), actor, action, note)
                .update();
    }

    static Clue map(ResultSet rs) throws SQLException {
        var clue = new Clue(
                new ClueId(rs.getLong("id")),
                rs.getString("region_path"),
                rs.getBoolean("has_contact"),
                rs.getBoolean("officials_named"),
                ClueStatus.valueOf(rs.getString("status")));
        var methods = rs.getString("verify_methods");
        Set<VerifyMethod> methodSet = methods == null
                ? Set.of()
                : Arrays.stream(methods.split(","))
                        .map(VerifyMethod::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(VerifyMethod.class)));
        long merged = rs.getLong("merged_into");
        clue.restore(new Clue.Stored(
                enumOf(Scope.class, rs.getString("scope")),
                enumOf(ActivityCategory.class, rs.getString("sub_category")),
                instant(rs, "triaged_at"),
                rs.getString("transfer_department"),
                rs.getString("transfer_letter"),
                instant(rs, "transferred_at"),
                (Long) rs.getObject("handling_unit_id"),
                (Integer) rs.getObject("time_limit_days"),
                rs.getObject("due_on", java.time.LocalDate.class),
                instant(rs, "assigned_at"),
                methodSet,
                rs.getString("findings"),
                enumOf(VerifyResult.class, rs.getString("result")),
                instant(rs, "verified_at"),
                rs.getString("review_comment"),
                instant(rs, "reviewed_at"),
                rs.getInt("send_backs"),
                instant(rs, "replied_at"),
                instant(rs, "closed_at"),
                merged == 0 ? null : new ClueId(merged),
                instant(rs, "merged_at"),
                enumOf(ClueStatus.class, rs.getString("status_before_merge")),
                rs.getBoolean("key_clue"),
                rs.getString("study_conclusion")));
        return clue;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
