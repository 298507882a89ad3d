package dudao.rectification;

import dudao.directory.StaffId;
import dudao.directory.UnitId;
import dudao.platform.StaleRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads and stores the {@link Problem} aggregate: its row, its units and the timeline entries it added. */
@Repository
class ProblemRepository {

    private final JdbcClient jdbc;

    ProblemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is fixed when a problem is recorded. */
    record Header(
            long campaignId,
            long roundId,
            long groupId,
            String regionCode,
            String regionPath,
            Long focusAreaId,
            Source source,
            String title,
            String description,
            String responsibility,
            String suggestion,
            String evidence) {}

    Optional<Problem> load(ProblemId id) {
        var units = jdbc.sql(
                        "select unit_id, lead, status from problem_unit where problem_id = ? order by lead desc, unit_id")
                .param(id.value())
                .query((rs, n) -> new UnitAssignment(
                        new UnitId(rs.getLong(1)), rs.getBoolean(2), UnitStatus.valueOf(rs.getString(3))))
                .list();
        return jdbc.sql("""
                select id, version, status, cycle, deadline, feedback_by, feedback_unit, ext_requested_by, ext_unit,
                       ext_new_deadline, ext_reason
                from problem where id = ?""").param(id.value()).query((rs, n) -> map(rs, units)).optional();
    }

    private static Problem map(ResultSet rs, List<UnitAssignment> units) throws SQLException {
        Problem.Feedback feedback = null;
        if (rs.getObject("feedback_by") != null) {
            feedback = new Problem.Feedback(
                    new StaffId(rs.getLong("feedback_by")), new UnitId(rs.getLong("feedback_unit")));
        }
        Problem.Extension extension = null;
        if (rs.getObject("ext_requested_by") != null) {
            extension = new Problem.Extension(
                    new StaffId(rs.getLong("ext_requested_by")),
                    new UnitId(rs.getLong("ext_unit")),
                    rs.getObject("ext_new_deadline", LocalDate.class),
                    rs.getString("ext_reason"));
        }
        return new Problem(
                new ProblemId(rs.getLong("id")),
                rs.getLong("version"),
                ProblemStatus.valueOf(rs.getString("status")),
                rs.getInt("cycle"),
                rs.getObject("deadline", LocalDate.class),
                units,
                feedback,
                extension);
    }

    /** Inserts a just-recorded problem and its first timeline entry; returns the new id. */
    ProblemId insert(Header h, Problem problem, StaffId recordedBy) {
        var first = problem.added().get(0);
        long id = jdbc.sql("""
                insert into problem (campaign_id, round_id, group_id, region_code, region_path, focus_area_id, source,
                                     title, description, responsibility, suggestion, evidence, status, cycle,
                                     recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        h.campaignId(),
                        h.roundId(),
                        h.groupId(),
                        h.regionCode(),
                        h.regionPath(),
                        h.focusAreaId(),
                        h.source().name(),
                        h.title(),
                        h.description(),
                        h.responsibility(),
                        h.suggestion(),
                        h.evidence(),
                        problem.status().name(),
                        problem.cycle(),
                        recordedBy.value(),
                        Timestamp.from(first.at()))
                .query(Long.class)
                .single();
        var pid = new ProblemId(id);
        appendEntries(pid, problem.added());
        return pid;
    }

    /**
     * Stores the problem's new state if nobody changed it since it was loaded, and appends its new timeline entries;
     * returns the ids of those entries in order.
     */
    List<Long> save(Problem problem, LocalDate yellowFrom) {
        var feedback = problem.pendingFeedback();
        var extension = problem.pendingExtension();
        int updated = jdbc.sql("""
                update problem set status = ?, cycle = ?, deadline = ?, yellow_from = ?, feedback_by = ?,
                                   feedback_unit = ?, ext_requested_by = ?, ext_unit = ?, ext_new_deadline = ?,
                                   ext_reason = ?, version = version + 1
                where id = ? and version = ?""")
                .params(
                        problem.status().name(),
                        problem.cycle(),
                        problem.deadline(),
                        yellowFrom,
                        feedback == null ? null : feedback.submittedBy().value(),
                        feedback == null ? null : feedback.unit().value(),
                        extension == null ? null : extension.requestedBy().value(),
                        extension == null ? null : extension.unit().value(),
                        extension == null ? null : extension.newDeadline(),
                        extension == null ? null : extension.reason(),
                        problem.id().value(),
                        problem.version())
                .update();
        if (updated == 0) {
            throw new StaleRecord();
        }
        jdbc.sql("delete from problem_unit where problem_id = ?")
                .param(problem.id().value())
                .update();
        for (var unit : problem.units()) {
            jdbc.sql("insert into problem_unit (problem_id, unit_id, lead, status) values (?, ?, ?, ?)")
                    .params(
                            problem.id().value(),
                            unit.unit().value(),
                            unit.lead(),
                            unit.status().name())
                    .update();
        }
        return appendEntries(problem.id(), problem.added());
    }

    private List<Long> appendEntries(ProblemId id, List<TimelineEntry> entries) {
        var ids = new ArrayList<Long>();
        for (var e : entries) {
            ids.add(appendEntry(id, e));
        }
        return ids;
    }

    long appendEntry(ProblemId id, TimelineEntry e) {
        return jdbc.sql("""
                insert into problem_event (problem_id, step, cycle, by_staff, by_name, unit_id, at, status, deadline,
                                           previous_deadline, text)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        id.value(),
                        e.step().name(),
                        e.cycle(),
                        e.by() == null ? null : e.by().value(),
                        e.byName(),
                        e.unit() == null ? null : e.unit().value(),
                        Timestamp.from(e.at()),
                        e.status() == null ? null : e.status().name(),
                        e.deadline(),
                        e.previousDeadline(),
                        e.text())
                .query(Long.class)
                .single();
    }
}
