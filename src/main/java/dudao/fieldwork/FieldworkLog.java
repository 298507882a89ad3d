package dudao.fieldwork;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.campaign.Campaigns;
import dudao.campaign.GroupId;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.KeyPlaceKind;
import dudao.campaign.PhaseKind;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.Region;
import dudao.directory.RegionCode;
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.directory.Unit;
import dudao.directory.UnitId;
import dudao.directory.Units;
import dudao.platform.BadInput;
import dudao.platform.StaleRecord;
import dudao.platform.Today;
import dudao.platform.WorkflowViolation;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups' daily work: figures per day (a second submission corrects them, with a reason, audited), visits,
 * coverage, and who has not reported. Only a group's own members record for it, and only on days of its posting.
 */
@Service
@Transactional
public class FieldworkLog {

    /** The case-handling departments (政法办案部门) coverage counts. */
    static final Set<String> DEPARTMENT_KINDS = Set.of("POLICE", "PROCURATORATE", "COURT");

    private final JdbcClient jdbc;
    private final InspectionGroups groups;
    private final Rounds rounds;
    private final Campaigns campaigns;
    private final Regions regions;
    private final Units units;
    private final AuditTrail audit;
    private final Clock clock;
    private final Today today;

    FieldworkLog(
            JdbcClient jdbc,
            InspectionGroups groups,
            Rounds rounds,
            Campaigns campaigns,
            Regions regions,
            Units units,
            AuditTrail audit,
            Clock clock,
            Today today) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.regions = regions;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.today = today;
    }

    /**
     * Submits the group's figures for a day, or corrects them when they were submitted before (a correction needs a
     * reason; if the caller names the version it corrects, a newer one refuses it). The day's counts are replaced
     * as a whole: a kind left out is zero.
     */
    public DayRecord record(GroupId groupId, LocalDate day, DayFigures figures, Staff by) {
        var group = ownGroup(groupId, by);
        checkDay(group, day);
        var round = rounds.require(group.round());
        var dayPhase = round.phaseOn(day).map(p -> p.kind()).orElse(PhaseKind.DISTRICT_LEVEL);
        var counts = figures.parse(dayPhase);
        var now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        var existing = jdbc.sql("select id, version from fieldwork_day where group_id = ? and day = ? for update")
                .params(groupId.value(), Date.valueOf(day))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)})
                .optional();
        if (existing.isEmpty()) {
            if (figures.version() != null && figures.version() != 0) {
                throw new StaleRecord();
            }
            long id = jdbc.sql("""
                    insert into fieldwork_day (group_id, day, recorded_by, recorded_at) values (?, ?, ?, ?)
                    on conflict (group_id, day) do nothing returning id""")
                    .params(groupId.value(), Date.valueOf(day), by.id().value(), Timestamp.from(now))
                    .query(Long.class)
                    .optional()
                    .orElseThrow(StaleRecord::new);
            insertCounts(id, counts);
            audit.record(
                    "FIELDWORK_SUBMIT",
                    "group",
                    groupId.value(),
                    Outcome.SUCCESS,
                    "day=" + day + " " + describe(counts));
        } else {
            long id = existing.get()[0];
            int version = (int) existing.get()[1];
            var reason = figures.reason() == null ? "" : figures.reason().trim();
            if (reason.isEmpty()) {
                throw new BadInput("reason", "fieldwork.correction.reasonRequired");
            }
            if (figures.version() != null && figures.version() != version) {
                throw new StaleRecord();
            }
            var before = describe(countsOf(id));
            jdbc.sql("delete from fieldwork_count where day_id = ?").param(id).update();
            insertCounts(id, counts);
            var after = describe(counts);
            jdbc.sql("update fieldwork_day set recorded_by = ?, recorded_at = ?, version = version + 1 where id = ?")
                    .params(by.id().value(), Timestamp.from(now), id)
                    .update();
            jdbc.sql("""
                    insert into fieldwork_correction (day_id, reason, before, after, corrected_by, corrected_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, reason, before, after, by.id().value(), Timestamp.from(now))
                    .update();
            audit.record(
                    "FIELDWORK_CORRECT",
                    "group",
                    groupId.value(),
                    Outcome.SUCCESS,
                    "day=" + day + " reason=" + reason + " before: " + before + " after: " + after);
        }
        return day(groupId, day, by.jurisdiction()).orElseThrow();
    }

    /** The group's record of a day, if it has submitted one. */
    @Transactional(readOnly = true)
    public Optional<DayRecord> day(GroupId groupId, LocalDate day, Jurisdiction scope) {
        groups.require(groupId, scope);
        return jdbc.sql("""
                select d.id, d.recorded_at, d.version, s.username from fieldwork_day d join staff s on s.id = d.recorded_by
                where d.group_id = ? and d.day = ?""")
                .params(groupId.value(), Date.valueOf(day))
                .query((rs, n) ->
                        new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getString(4)})
                .optional()
                .map(row -> new DayRecord(
                        groupId,
                        day,
                        countsOf((Long) row[0]),
                        (String) row[3],
                        (Instant) row[1],
                        (Integer) row[2],
                        corrections((Long) row[0])));
    }

    /** The days the group has submitted, first to last. */
    @Transactional(readOnly = true)
    public List<LocalDate> submittedDays(GroupId groupId, Jurisdiction scope) {
        groups.require(groupId, scope);
        return jdbc.sql("select day from fieldwork_day where group_id = ? order by day")
                .param(groupId.value())
                .query((rs, n) -> rs.getDate(1).toLocalDate())
                .list();
    }

    /** Records a visit of the group on a day of its posting, to a place in its district. */
    public long recordVisit(GroupId groupId, NewVisit visit, Staff by) {
        var group = ownGroup(groupId, by);
        checkDay(group, visit.day());
        if (visit.placeKind() == null || visit.mode() == null) {
            throw new BadInput(visit.mode() == null ? "mode" : "placeKind", "validation.required");
        }
        var district = Jurisdiction.of(regions.find(group.region()).orElseThrow());
        String place = visit.place() == null || visit.place().isBlank()
                ? null
                : visit.place().trim();
        RegionCode region = null;
        boolean listed = Boolean.TRUE.equals(visit.listedKeyArea());
        if (visit.region() != null && !visit.region().isBlank()) {
            var node = regions.find(new RegionCode(visit.region().trim()))
                    .filter(district::contains)
                    .orElseThrow(() -> new BadInput("region", "fieldwork.visit.outsideDistrict"));
            region = node.code();
            place = place == null ? node.name() : place;
            var campaign = rounds.require(group.round()).campaign();
            var code = node.code();
            listed |= campaigns.keyPlaces(campaign, district).stream()
                    .anyMatch(k -> k.region().equals(code) && k.kind() == KeyPlaceKind.LISTED_AREA);
        }
        UnitId unit = null;
        if (visit.unit() != null) {
            var found = units.within(district, null, null).stream()
                    .filter(u -> u.id().value() == visit.unit())
                    .findFirst()
                    .orElseThrow(() -> new BadInput("unit", "fieldwork.visit.outsideDistrict"));
            unit = found.id();
            place = place == null ? found.name() : place;
        }
        if (place == null) {
            throw new BadInput("place", "fieldwork.visit.placeRequired");
        }
        long id = jdbc.sql("""
                insert into visit (group_id, day, region_code, unit_id, place, place_kind, mode, listed_key_area,
                                   findings, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        groupId.value(),
                        Date.valueOf(visit.day()),
                        region == null ? null : region.value(),
                        unit == null ? null : unit.value(),
                        place,
                        visit.placeKind().name(),
                        visit.mode().name(),
                        listed,
                        visit.findings() == null || visit.findings().isBlank()
                                ? null
                                : visit.findings().trim(),
                        by.id().value(),
                        Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .single();
        audit.record(
                "VISIT_RECORD",
                "group",
                groupId.value(),
                Outcome.SUCCESS,
                "day=" + visit.day() + " " + visit.mode() + " " + visit.placeKind() + " " + place);
        return id;
    }

    /** The group's visits, newest day first. */
    @Transactional(readOnly = true)
    public List<Visit> visits(GroupId groupId, Jurisdiction scope) {
        groups.require(groupId, scope);
        return jdbc.sql("""
                select id, group_id, day, region_code, unit_id, place, place_kind, mode, listed_key_area, findings
                from visit where group_id = ? order by day desc, id desc""")
                .param(groupId.value())
                .query((rs, n) -> new Visit(
                        rs.getLong(1),
                        new GroupId(rs.getLong(2)),
                        rs.getDate(3).toLocalDate(),
                        rs.getString(4) == null ? null : new RegionCode(rs.getString(4)),
                        rs.getObject(5) == null ? null : new UnitId(rs.getLong(5)),
                        rs.getString(6),
                        PlaceKind.valueOf(rs.getString(7)),
                        VisitMode.valueOf(rs.getString(8)),
                        rs.getBoolean(9),
                        rs.getString(10)))
                .list();
    }

    /** The townships and villages of the group's district: the places a visit can name, and that earn coverage. */
    @Transactional(readOnly = true)
    public List<Region> places(GroupId groupId, Jurisdiction scope) {
        var group = groups.require(groupId, scope);
        return regions.within(Jurisdiction.of(regions.find(group.region()).orElseThrow()), null).stream()
                .filter(r -> r.level() == RegionLevel.TOWNSHIP || r.level() == RegionLevel.VILLAGE)
                .toList();
    }

    /** The case-handling departments (公安, 检察院, 法院) of the group's district that coverage counts. */
    @Transactional(readOnly = true)
    public List<Unit> departments(GroupId groupId, Jurisdiction scope) {
        return departments(groups.require(groupId, scope));
    }

    private List<Unit> departments(InspectionGroup group) {
        var district = Jurisdiction.of(regions.find(group.region()).orElseThrow());
        return units.within(district, group.region(), null).stream()
                .filter(u -> u.region().equals(group.region()) && DEPARTMENT_KINDS.contains(u.kind()))
                .toList();
    }

    /**
     * The share of the group's district it has visited: its townships, the campaign's listed key areas and weak
     * villages there, and its case-handling departments, counted from the visit records.
     */
    @Transactional(readOnly = true)
    public Coverage coverage(GroupId groupId, Jurisdiction scope) {
        var group = groups.require(groupId, scope);
        var district = Jurisdiction.of(regions.find(group.region()).orElseThrow());
        var campaign = rounds.require(group.round()).campaign();
        var visits = visits(groupId, scope);
        var regionsVisited = visits.stream()
                .map(Visit::region)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        var unitsVisited = visits.stream()
                .map(Visit::unit)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        var townships = regions.within(district, RegionLevel.TOWNSHIP).stream()
                .map(r -> r.code())
                .collect(Collectors.toSet());
        var keyPlaces = campaigns.keyPlaces(campaign, district);
        var listed = keyPlaces.stream()
                .filter(k -> k.kind() == KeyPlaceKind.LISTED_AREA)
                .map(k -> k.region())
                .collect(Collectors.toSet());
        var weak = keyPlaces.stream()
                .filter(k -> k.kind() == KeyPlaceKind.WEAK_VILLAGE)
                .map(k -> k.region())
                .collect(Collectors.toSet());
        var departments = departments(group).stream().map(u -> u.id()).collect(Collectors.toSet());
        return new Coverage(
                part(townships, regionsVisited),
                part(listed, regionsVisited),
                part(weak, regionsVisited),
                part(departments, unitsVisited));
    }

    /** The groups of the round posted on the day (in the jurisdiction) that have not submitted its figures. */
    @Transactional(readOnly = true)
    public List<InspectionGroup> notReported(RoundId round, LocalDate day, Jurisdiction scope) {
        var reported = new HashSet<>(jdbc.sql("""
                select d.group_id from fieldwork_day d join inspection_group g on g.id = d.group_id
                where g.round_id = ? and d.day = ?""")
                .params(round.value(), Date.valueOf(day))
                .query(Long.class)
                .list());
        return groups.ofRound(round, scope).stream()
                .filter(g -> g.postedOn(day) && !reported.contains(g.id().value()))
                .toList();
    }

    private static <T> Coverage.Part part(Set<T> targets, Set<T> visited) {
        return new Coverage.Part(
                (int) targets.stream().filter(visited::contains).count(), targets.size());
    }

    private InspectionGroup ownGroup(GroupId groupId, Staff by) {
        var group = groups.require(groupId, by.jurisdiction());
        if (!group.hasMember(by.id())) {
            throw new WorkflowViolation("fieldwork.notOwnGroup", group.number());
        }
        return group;
    }

    /** The rule for a day: inside the group's posting, and not in the future. */
    static void checkDay(InspectionGroup group, LocalDate day, LocalDate today) {
        if (day == null) {
            throw new BadInput("date", "validation.required");
        }
        if (!group.postedOn(day)) {
            throw new BadInput("date", "fieldwork.date.outsidePosting", group.postedFrom(), group.postedUntil());
        }
        if (day.isAfter(today)) {
            throw new BadInput("date", "fieldwork.date.future");
        }
    }

    private void checkDay(InspectionGroup group, LocalDate day) {
        checkDay(group, day, today.date());
    }

    private void insertCounts(long dayId, List<Count> counts) {
        for (var count : counts) {
            jdbc.sql("insert into fieldwork_count (day_id, kind, phase, amount) values (?, ?, ?, ?)")
                    .params(dayId, count.kind().name(), count.phase().name(), count.amount())
                    .update();
        }
    }

    private List<Count> countsOf(long dayId) {
        return jdbc
                .sql("select kind, phase, amount from fieldwork_count where day_id = ?")
                .param(dayId)
                .query((rs, n) -> new Count(
                        FieldworkKind.valueOf(rs.getString(1)), PhaseKind.valueOf(rs.getString(2)), rs.getInt(3)))
                .list()
                .stream()
                .sorted(Comparator.comparing((Count c) -> c.kind()).thenComparing(c -> c.phase()))
                .toList();
    }

    private List<DayRecord.Correction> corrections(long dayId) {
        return jdbc.sql("""
                select c.reason, c.before, c.after, s.username, c.corrected_at
                from fieldwork_correction c join staff s on s.id = c.corrected_by where c.day_id = ? order by c.id""")
                .param(dayId)
                .query((rs, n) -> new DayRecord.Correction(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    static String describe(List<Count> counts) {
        return counts.stream()
                .sorted(Comparator.comparing((Count c) -> c.kind()).thenComparing(c -> c.phase()))
                .map(c -> c.kind() + "/" + c.phase() + "=" + c.amount())
                .collect(Collectors.joining(", "));
    }
}
