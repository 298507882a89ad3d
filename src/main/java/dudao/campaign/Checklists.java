package dudao.campaign;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.Staff;
import dudao.directory.StaffId;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.WorkflowViolation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist of a district: each focus area's items, assessed by the group stationed there as meets, partly or
 * fails. A failing item is a {@link Finding}, announced with {@link ChecklistItemFailed}.
 */
@Service
@Transactional
public class Checklists {

    private static final String FINDING = """
            select a.id, g.round_id, g.id as group_id, g.number, g.region_code, r.name as region_name, f.id as area_id,
                   f.name as area_name, i.id as item_id, i.text, a.notes, a.evidence, a.assessed_by, a.assessed_at
            from checklist_assessment a
            join inspection_group g on g.id = a.group_id
            join region r on r.code = g.region_code
            join checklist_item i on i.id = a.item_id
            join focus_area f on f.id = i.focus_area_id
            where a.result = 'FAILS'""";

    private final JdbcClient jdbc;
    private final InspectionGroups groups;
    private final Rounds rounds;
    private final Campaigns campaigns;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Checklists(
            JdbcClient jdbc,
            InspectionGroups groups,
            Rounds rounds,
            Campaigns campaigns,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One row of a district's checklist: the item and, once assessed, how the district stands; a failing row is a
     * finding, with its id (from which a problem is raised).
     */
    public record Row(
            FocusAreaId focusArea,
            String focusAreaName,
            ChecklistItemId item,
            String itemText,
            AssessmentResult result,
            String notes,
            String evidence,
            Instant assessedAt,
            FindingId finding) {}

    /**
     * Records (or changes) the group's assessment of an item for its district. Only the group's own members assess,
     * and a failing item needs a note that says what fails.
     */
    public Optional<FindingId> assess(
            GroupId groupId, ChecklistItemId itemId, AssessmentResult result, String notes, String evidence, Staff by) {
        var group = groups.require(groupId, by.jurisdiction());
        if (!group.hasMember(by.id())) {
            throw new WorkflowViolation("checklist.assess.notMember");
        }
        if (result == null) {
            throw new BadInput("result", "validation.required");
        }
        var campaign = rounds.require(group.round()).campaign();
        var item = campaigns.require(campaign).focusAreas().stream()
                .flatMap(a -> a.items().stream())
                .filter(i -> i.id().equals(itemId))
                .findFirst()
                .orElseThrow(() -> new NotFound("checklist.item.notFound"));
        var note = notes == null || notes.isBlank() ? null : notes.trim();
        if (result == AssessmentResult.FAILS && note == null) {
            throw new BadInput("notes", "checklist.fails.notesRequired");
        }
        if (note != null && note.length() > 2000) {
            throw new BadInput("notes", "validation.tooLong");
        }
        if (evidence != null && evidence.length() > 2000) {
            throw new BadInput("evidence", "validation.tooLong");
        }
        var now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        var previous = jdbc.sql("select result from checklist_assessment where group_id = ? and item_id = ?")
                .params(groupId.value(), itemId.value())
                .query(String.class)
                .optional();
        long id = jdbc.sql("""
                insert into checklist_assessment (group_id, item_id, result, notes, evidence, assessed_by, assessed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (group_id, item_id) do update set result = excluded.result, notes = excluded.notes,
                    evidence = excluded.evidence, assessed_by = excluded.assessed_by,
                    assessed_at = excluded.assessed_at, version = checklist_assessment.version + 1
                returning id""")
                .params(
                        groupId.value(),
                        itemId.value(),
                        result.name(),
                        note,
                        evidence == null || evidence.isBlank() ? null : evidence.trim(),
                        by.id().value(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        audit.record(
                "CHECKLIST_ASSESS",
                "group",
                groupId.value(),
                Outcome.SUCCESS,
                "item=" + item.id() + " " + previous.orElse("none") + "→" + result);
        if (result == AssessmentResult.FAILS && !previous.map("FAILS"::equals).orElse(false)) {
            var finding = new FindingId(id);
            events.publishEvent(new ChecklistItemFailed(
                    finding, group.round(), groupId, group.region(), item.focusArea(), by.id(), now));
            return Optional.of(finding);
        }
        return result == AssessmentResult.FAILS ? Optional.of(new FindingId(id)) : Optional.empty();
    }

    /** The district's checklist as its group sees it: every item of the campaign, assessed or not. */
    @Transactional(readOnly = true)
    public List<Row> of(GroupId groupId, Jurisdiction scope) {
        var group = groups.require(groupId, scope);
        var campaign = rounds.require(group.round()).campaign();
        return jdbc.sql("""
                select f.id, f.name, i.id, i.text, a.result, a.notes, a.evidence, a.assessed_at, a.id
                from checklist_item i join focus_area f on f.id = i.focus_area_id
                left join checklist_assessment a on a.item_id = i.id and a.group_id = ?
                where f.campaign_id = ? order by f.position, i.position""")
                .params(groupId.value(), campaign.value())
                .query((rs, n) -> {
                    var result = rs.getString(5);
                    var at = rs.getTimestamp(8);
                    return new Row(
                            new FocusAreaId(rs.getLong(1)),
                            rs.getString(2),
                            new ChecklistItemId(rs.getLong(3)),
                            rs.getString(4),
                            result == null ? null : AssessmentResult.valueOf(result),
                            rs.getString(6),
                            rs.getString(7),
                            at == null ? null : at.toInstant(),
                            "FAILS".equals(result) ? new FindingId(rs.getLong(9)) : null);
                })
                .list();
    }

    /** The findings of a round in the jurisdiction, by group number and item. */
    @Transactional(readOnly = true)
    public List<Finding> findings(RoundId round, Jurisdiction scope) {
        return jdbc.sql(FINDING + " and g.round_id = ? and r.path like ? order by g.number, f.position, i.position")
                .params(round.value(), scope.likePattern())
                .query((rs, n) -> map(rs))
                .list();
    }

    /** A finding, if it is still failing and lies in the jurisdiction. */
    @Transactional(readOnly = true)
    public Finding finding(FindingId id, Jurisdiction scope) {
        return jdbc.sql(FINDING + " and a.id = ? and r.path like ?")
                .params(id.value(), scope.likePattern())
                .query((rs, n) -> map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("checklist.finding.notFound"));
    }

    private static Finding map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Finding(
                new FindingId(rs.getLong("id")),
                new RoundId(rs.getLong("round_id")),
                new GroupId(rs.getLong("group_id")),
                rs.getInt("number"),
                new RegionCode(rs.getString("region_code")),
                rs.getString("region_name"),
                new FocusAreaId(rs.getLong("area_id")),
                rs.getString("area_name"),
                new ChecklistItemId(rs.getLong("item_id")),
                rs.getString("text"),
                rs.getString("notes"),
                rs.getString("evidence"),
                new StaffId(rs.getLong("assessed_by")),
                rs.getTimestamp("assessed_at").toInstant());
    }
}
