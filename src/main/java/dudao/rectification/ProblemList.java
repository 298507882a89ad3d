package dudao.rectification;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.campaign.Campaigns;
import dudao.campaign.GroupId;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.clues.ClueDetail;
import dudao.clues.ClueId;
import dudao.clues.ClueList;
import dudao.clues.VerifyResult;
import dudao.deadlines.Deadlines;
import dudao.deadlines.Subject;
import dudao.deadlines.Warning;
import dudao.deadlines.Watch;
import dudao.directory.Region;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.directory.UnitId;
import dudao.directory.Units;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.Paged;
import dudao.platform.StaleRecord;
import dudao.platform.UserFacingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem list: record problems, move them through their workflow, and read them — always within the caller's
 * jurisdiction (a unit's handler sees only the problems assigned to the unit). Each transition loads the aggregate,
 * lets it decide, stores it only if nobody changed it meanwhile (optimistic locking), audits it and keeps the deadline
 * ladder in step, all in one transaction.
 */
@Service
@Transactional
public class ProblemList {

    static final String SUBJECT = "problem";

    private final ProblemRepository repository;
    private final JdbcClient jdbc;
    private final Rounds rounds;
    private final InspectionGroups groups;
    private final Campaigns campaigns;
    private final Regions regions;
    private final Units units;
    private final Deadlines deadlines;
    private final EvidenceFiles evidence;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClueList clues;

    ProblemList(
            ProblemRepository repository,
            JdbcClient jdbc,
            Rounds rounds,
            InspectionGroups groups,
            Campaigns campaigns,
            Regions regions,
            Units units,
            Deadlines deadlines,
            EvidenceFiles evidence,
            AuditTrail audit,
            Clock clock,
            ClueList clues) {
        this.clues = clues;
        this.repository = repository;
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.groups = groups;
        this.campaigns = campaigns;
        this.regions = regions;
        this.units = units;
        this.deadlines = deadlines;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /** 交办: the lead unit, any assisting units, the deadline. */
    public record Assignment(Long leadUnit, List<Long> assistingUnits, LocalDate deadline) {}

    public ProblemId record(NewProblem input, Staff by) {
        return record(input, by, clock.instant());
    }

    /** The verdicts under which a clue proved true enough to raise a problem to rectify. */
    static final java.util.Set<VerifyResult> TRUE_ENOUGH =
            java.util.EnumSet.of(VerifyResult.TRUE, VerifyResult.PARTLY_TRUE, VerifyResult.CASE_OPENED);

    /** A clue the caller may see that was verified true: what a problem raised from it starts with. */
    public ClueDetail provenClue(long clueId, Staff by) {
        var clue = clues.detail(new ClueId(clueId), by);
        if (clue.row().result() == null || !TRUE_ENOUGH.contains(clue.row().result())) {
            throw new BadInput("clue", "problem.clue.notTrue", clue.row().serial());
        }
        return clue;
    }

    /**
     * Records a problem raised from a clue verified true: its source is the clue, whose id the problem keeps. The
     * clue must be one the recorder may see.
     */
    public ProblemId recordFromClue(NewProblem input, long clueId, Staff by) {
        provenClue(clueId, by);
        var id = record(
                new NewProblem(
                        input.round(),
                        input.group(),
                        input.region(),
                        input.focusArea(),
                        Source.CLUE,
                        input.title(),
                        input.description(),
                        input.responsibility(),
                        input.suggestion(),
                        input.evidence()),
                by,
                clock.instant());
        jdbc.sql("update problem set clue_id = ? where id = ?")
                .params(clueId, id.value())
                .update();
        return id;
    }

    /** The clue a problem was raised from, if any (the problem must be visible to the caller). */
    @Transactional(readOnly = true)
    public Optional<Long> clueOf(ProblemId id, Staff by) {
        header(id, by);
        return jdbc
                .sql("select clue_id from problem where id = ? and clue_id is not null")
                .param(id.value())
                .query(Long.class)
                .list()
                .stream()
                .findFirst();
    }

    /** Records a problem at a given moment (demo data and imports replay the past through the same rules). */
    ProblemId record(NewProblem input, Staff by, Instant at) {
        if (!Transition.RECORDERS.contains(by.role())) {
            throw new AccessDeniedException("record");
        }
        var round = rounds.find(new RoundId(input.round()))
                .orElseThrow(() -> new BadInput("round", "problem.round.unknown"));
        var region = regionInScope(input.region(), by);
        InspectionGroup group;
        if (input.group() == null) {
            group = groups.of(by.id(), round.id())
                    .or(() -> groups.stationedIn(round.id(), region.code()))
                    .orElseThrow(() -> new BadInput("group", "problem.group.required"));
        } else {
            group = groups.find(new GroupId(input.group()))
                    .filter(g -> g.round().equals(round.id()))
                    .orElseThrow(() -> new BadInput("group", "problem.group.unknown"));
        }
        if (by.is(Role.GROUP_LEADER, Role.GROUP_MEMBER) && !group.hasMember(by.id())) {
            throw new BadInput("group", "problem.group.notYours");
        }
        if (!region.path().startsWith(group.regionPath())) {
            throw new BadInput("region", "problem.region.outsideGroup", group.regionName());
        }
        if (input.focusArea() != null
                && campaigns.require(round.campaign()).focusAreas().stream()
                        .noneMatch(f -> f.id().value() == input.focusArea())) {
            throw new BadInput("focusArea", "problem.focusArea.unknown");
        }
        var problem = Problem.record(participant(by), at);
        var id = repository.insert(
                new ProblemRepository.Header(
                        round.campaign().value(),
                        round.id().value(),
                        group.id().value(),
                        region.code().value(),
                        region.path(),
                        input.focusArea(),
                        input.source() == null ? Source.MANUAL : input.source(),
                        input.title().strip(),
                        input.description().strip(),
                        blankToNull(input.responsibility()),
                        blankToNull(input.suggestion()),
                        blankToNull(input.evidence())),
                problem,
                by.id());
        audit.record("PROBLEM_RECORD", SUBJECT, id.value(), Outcome.SUCCESS, "group=" + group.number());
        return id;
    }

    public void assign(ProblemId id, Assignment assignment, Long expectedVersion, Staff by) {
        assign(id, assignment, expectedVersion, by, clock.instant());
    }

    void assign(ProblemId id, Assignment assignment, Long expectedVersion, Staff by, Instant at) {
        if (!Transition.ASSIGN.allowedFor(by)) {
            throw new AccessDeniedException(Transition.ASSIGN.path());
        }
        var header = header(id, by);
        var district = districtPath(header.regionPath());
        UnitId lead = assignment.leadUnit() == null ? null : checkedUnit(assignment.leadUnit(), district, "leadUnit");
        var assisting = new ArrayList<UnitId>();
        for (var unit : assignment.assistingUnits() == null ? List.<Long>of() : assignment.assistingUnits()) {
            assisting.add(checkedUnit(unit, district, "assistingUnits"));
        }
        transition(
                id,
                Transition.ASSIGN,
                expectedVersion,
                by,
                p -> p.assign(lead, assisting, assignment.deadline(), participant(by), at, today(at)));
    }

    public void acknowledge(ProblemId id, Long expectedVersion, Staff by) {
        acknowledge(id, expectedVersion, by, clock.instant());
    }

    void acknowledge(ProblemId id, Long expectedVersion, Staff by, Instant at) {
        transition(id, Transition.ACKNOWLEDGE, expectedVersion, by, p -> p.acknowledge(participant(by), at));
    }

    public void submitFeedback(
            ProblemId id, String measures, List<EvidenceUpload> files, Long expectedVersion, Staff by) {
        submitFeedback(id, measures, files, expectedVersion, by, clock.instant());
    }

    void submitFeedback(
            ProblemId id, String measures, List<EvidenceUpload> files, Long expectedVersion, Staff by, Instant at) {
        var uploads = files == null ? List.<EvidenceUpload>of() : files;
        var types = evidence.check(uploads);
        var entryIds = transition(
                id, Transition.FEEDBACK, expectedVersion, by, p -> p.submitFeedback(measures, participant(by), at));
        evidence.store(id, entryIds.get(entryIds.size() - 1), uploads, types, by.id(), at);
    }

    public void accept(ProblemId id, String note, Long expectedVersion, Staff by) {
        accept(id, note, expectedVersion, by, clock.instant());
    }

    void accept(ProblemId id, String note, Long expectedVersion, Staff by, Instant at) {
        transition(id, Transition.ACCEPT, expectedVersion, by, p -> p.accept(note, participant(by), at));
    }

    public void reject(ProblemId id, String reason, Long expectedVersion, Staff by) {
        reject(id, reason, expectedVersion, by, clock.instant());
    }

    void reject(ProblemId id, String reason, Long expectedVersion, Staff by, Instant at) {
        transition(id, Transition.REJECT, expectedVersion, by, p -> p.reject(reason, participant(by), at));
    }

    public void requestExtension(ProblemId id, LocalDate newDeadline, String reason, Long expectedVersion, Staff by) {
        requestExtension(id, newDeadline, reason, expectedVersion, by, clock.instant());
    }

    void requestExtension(
            ProblemId id, LocalDate newDeadline, String reason, Long expectedVersion, Staff by, Instant at) {
        transition(
                id,
                Transition.EXTEND,
                expectedVersion,
                by,
                p -> p.requestExtension(newDeadline, reason, participant(by), at, today(at)));
    }

    public void approveExtension(ProblemId id, Long expectedVersion, Staff by) {
        approveExtension(id, expectedVersion, by, clock.instant());
    }

    void approveExtension(ProblemId id, Long expectedVersion, Staff by, Instant at) {
        transition(id, Transition.APPROVE_EXTENSION, expectedVersion, by, p -> p.approveExtension(participant(by), at));
    }

    public void declineExtension(ProblemId id, String reason, Long expectedVersion, Staff by) {
        declineExtension(id, reason, expectedVersion, by, clock.instant());
    }

    void declineExtension(ProblemId id, String reason, Long expectedVersion, Staff by, Instant at) {
        transition(
                id,
                Transition.DECLINE_EXTENSION,
                expectedVersion,
                by,
                p -> p.declineExtension(reason, participant(by), at));
    }

    public void reopen(ProblemId id, String reason, LocalDate newDeadline, Long expectedVersion, Staff by) {
        reopen(id, reason, newDeadline, expectedVersion, by, clock.instant());
    }

    void reopen(ProblemId id, String reason, LocalDate newDeadline, Long expectedVersion, Staff by, Instant at) {
        transition(
                id,
                Transition.REOPEN,
                expectedVersion,
                by,
                p -> p.reopen(reason, newDeadline, participant(by), at, today(at)));
    }

    /** 回头看 found no relapse: recorded on the timeline, and the scheduled look-back leaves the to-do lists. */
    public void passLookBack(ProblemId id, String note, Long expectedVersion, Staff by) {
        passLookBack(id, note, expectedVersion, by, clock.instant());
    }

    void passLookBack(ProblemId id, String note, Long expectedVersion, Staff by, Instant at) {
        transition(id, Transition.PASS_LOOK_BACK, expectedVersion, by, p -> p.passLookBack(note, participant(by), at));
    }

    private List<Long> transition(
            ProblemId id, Transition transition, Long expectedVersion, Staff by, Consumer<Problem> change) {
        if (!transition.allowedFor(by)) {
            throw new AccessDeniedException(transition.path());
        }
        var header = header(id, by);
        var problem = repository.load(id).orElseThrow(NotFound::record);
        if (expectedVersion != null && expectedVersion != problem.version()) {
            throw new StaleRecord();
        }
        try {
            change.accept(problem);
        } catch (UserFacingException refused) {
            audit.record("PROBLEM_" + transition.name(), SUBJECT, id.value(), Outcome.DENIED, refused.messageKey());
            throw refused;
        }
        var yellowFrom =
                problem.deadline() == null ? null : deadlines.yellowFrom(problem.deadline(), header.campaignId());
        var entryIds = repository.save(problem, yellowFrom);
        var last = problem.added().get(problem.added().size() - 1);
        audit.record(
                "PROBLEM_" + transition.name(),
                SUBJECT,
                id.value(),
                Outcome.SUCCESS,
                "status=" + problem.status() + " cycle=" + problem.cycle() + " deadline=" + problem.deadline()
                        + (last.unit() == null ? "" : " unit=" + last.unit()));
        syncDeadline(problem, header);
        if (transition == Transition.PASS_LOOK_BACK || transition == Transition.REOPEN) {
            // The look-back of the cycle that was closed has its result (a reopened problem is in the next cycle).
            var closedCycle = transition == Transition.REOPEN ? problem.cycle() - 1 : problem.cycle();
            jdbc.sql("update problem_look_back set done_at = now() where problem_id = ? and cycle = ?"
                            + " and done_at is null")
                    .params(id.value(), closedCycle)
                    .update();
        }
        return entryIds;
    }

    /** Keeps the ladder in step: it runs while the units owe work, and stops while a verifier does or once closed. */
    private void syncDeadline(Problem problem, Header header) {
        var subject = new Subject(SUBJECT, problem.id().value());
        if (problem.status() == ProblemStatus.ASSIGNED || problem.status() == ProblemStatus.RECTIFYING) {
            var lead = problem.lead();
            deadlines.watch(new Watch(
                    subject,
                    problem.cycle(),
                    problem.deadline(),
                    header.campaignId(),
                    header.regionPath(),
                    lead == null ? null : lead.unit().value(),
                    header.title(),
                    "/problems/" + problem.id().value()));
        } else {
            deadlines.stop(subject);
        }
    }

    /** What the service needs of a problem the caller may see; “not found” when outside their scope. */
    record Header(long campaignId, String regionPath, String title) {}

    private Header header(ProblemId id, Staff by) {
        var scope = Scope.of(by);
        return jdbc.sql("select campaign_id, region_path, title from problem p where p.id = ? and p.region_path like ?"
                        + scope.unitClause())
                .params(scope.params(id.value()))
                .query((rs, n) -> new Header(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElseThrow(NotFound::record);
    }

    /** A caller's scope in SQL: the jurisdiction, and for a unit's handler the unit. */
    record Scope(String likePattern, Long unit) {
        static Scope of(Staff staff) {
            Long unit = staff.role() == Role.UNIT_HANDLER
                    ? (staff.unit() == null ? -1L : staff.unit().value())
                    : null;
            return new Scope(staff.jurisdiction().likePattern(), unit);
        }

        String unitClause() {
            return unit == null
                    ? ""
                    : " and exists (select 1 from problem_unit su where su.problem_id = p.id and su.unit_id = ?)";
        }

        List<Object> params(Object first) {
            var params = new ArrayList<Object>();
            params.add(first);
            params.add(likePattern);
            if (unit != null) {
                params.add(unit);
            }
            return params;
        }
    }

    @Transactional(readOnly = true)
    public ProblemView require(ProblemId id, Staff by) {
        var scope = Scope.of(by);
        var today = deadlines.today();
        // Names come from the modules that own them (campaign, directory), not from joins on their tables.
        var view = jdbc.sql("select p.* from problem p where p.id = ? and p.region_path like ?" + scope.unitClause())
                .params(scope.params(id.value()))
                .query((rs, n) -> view(rs, today))
                .optional()
                .orElseThrow(NotFound::record);
        return view;
    }

    private ProblemView view(ResultSet rs, LocalDate today) throws SQLException {
        var id = rs.getLong("id");
        var status = ProblemStatus.valueOf(rs.getString("status"));
        var deadline = rs.getObject("deadline", LocalDate.class);
        var campaignId = rs.getLong("campaign_id");
        var focusAreaId = (Long) rs.getObject("focus_area_id");
        var groupNumber = groups.find(new GroupId(rs.getLong("group_id")))
                .map(InspectionGroup::number)
                .orElse(0);
        var regionName = regions.find(new RegionCode(rs.getString("region_code")))
                .map(Region::name)
                .orElse(rs.getString("region_code"));
        var focusAreaName = focusAreaId == null
                ? null
                : campaigns.require(new dudao.campaign.CampaignId(campaignId)).focusAreas().stream()
                        .filter(f -> f.id().value() == focusAreaId)
                        .map(dudao.campaign.Campaign.FocusArea::name)
                        .findFirst()
                        .orElse(null);
        var timeline = timeline(id);
        // Who recorded the problem, as the timeline's first entry names them.
        var recordedBy = timeline.stream()
                .filter(e -> e.step() == Step.RECORDED)
                .map(ProblemView.Entry::byName)
                .findFirst()
                .orElse(null);
        boolean owing = status == ProblemStatus.ASSIGNED || status == ProblemStatus.RECTIFYING;
        Problem.Extension extension = null;
        if (rs.getObject("ext_requested_by") != null) {
            extension = new Problem.Extension(
                    new dudao.directory.StaffId(rs.getLong("ext_requested_by")),
                    new UnitId(rs.getLong("ext_unit")),
                    rs.getObject("ext_new_deadline", LocalDate.class),
                    rs.getString("ext_reason"));
        }
        return new ProblemView(
                new ProblemId(id),
                rs.getLong("version"),
                campaignId,
                rs.getLong("round_id"),
                rs.getLong("group_id"),
                groupNumber,
                rs.getString("region_code"),
                regionName,
                rs.getString("region_path"),
                focusAreaId,
                focusAreaName,
                Source.valueOf(rs.getString("source")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("responsibility"),
                rs.getString("suggestion"),
                rs.getString("evidence"),
                status,
                rs.getInt("cycle"),
                deadline,
                owing && deadline != null ? Warning.of(deadline, today, deadlines.policy(campaignId)) : null,
                owing && deadline != null && deadline.isBefore(today),
                rs.getTimestamp("recorded_at").toInstant(),
                recordedBy,
                unitsOf(id),
                extension,
                timeline);
    }

    private List<ProblemView.UnitView> unitsOf(long id) {
        return jdbc
                .sql("select pu.unit_id, pu.lead, pu.status from problem_unit pu where pu.problem_id = ?")
                .param(id)
                .query((rs, n) -> new ProblemView.UnitView(
                        rs.getLong(1), unitName(rs.getLong(1)), rs.getBoolean(2), UnitStatus.valueOf(rs.getString(3))))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing((ProblemView.UnitView u) -> !u.lead())
                        .thenComparing(ProblemView.UnitView::name))
                .toList();
    }

    private String unitName(long unitId) {
        return units.require(new UnitId(unitId), dudao.directory.Jurisdiction.wholeCity())
                .name();
    }

    private List<ProblemView.Entry> timeline(long id) {
        var files = new LinkedHashMap<Long, List<ProblemView.EvidenceFile>>();
        jdbc.sql("select id, event_id, file_name, content_type, size_bytes from problem_evidence where problem_id = ?"
                        + " order by id")
                .param(id)
                .query(rs -> {
                    files.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new ProblemView.EvidenceFile(
                                    rs.getLong(1), rs.getString(3), rs.getString(4), rs.getLong(5)));
                });
        var unitNames = new java.util.HashMap<Long, String>();
        return jdbc.sql("""
                select e.id, e.step, e.cycle, e.by_name, e.unit_id, e.at, e.status, e.deadline, e.previous_deadline,
                       e.text
                from problem_event e where e.problem_id = ? order by e.at, e.id""")
                .param(id)
                .query((rs, n) -> new ProblemView.Entry(
                        rs.getLong("id"),
                        Step.valueOf(rs.getString("step")),
                        rs.getInt("cycle"),
                        rs.getString("by_name"),
                        rs.getObject("unit_id") == null
                                ? null
                                : unitNames.computeIfAbsent(rs.getLong("unit_id"), this::unitName),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("status") == null ? null : ProblemStatus.valueOf(rs.getString("status")),
                        rs.getObject("deadline", LocalDate.class),
                        rs.getObject("previous_deadline", LocalDate.class),
                        rs.getString("text"),
                        files.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /**
     * 回头看: a random sample of the round's closed problems within the caller's jurisdiction, for the city office to
     * re-check; a relapse found is then recorded with {@link #reopen}. The draw is audited so it can be shown to be
     * random rather than chosen.
     */
    public List<ProblemRow> lookBackSample(RoundId round, int size, Staff by) {
        if (by.role() != Role.CITY_OFFICE) {
            throw new AccessDeniedException("look-back");
        }
        if (size < 1 || size > 200) {
            throw new BadInput("size", "problem.lookBack.size");
        }
        var today = deadlines.today();
        var sample = jdbc
                .sql("""
                select""" + " " + ROW_COLUMNS + " " + """
                from problem p
                where p.round_id = ? and p.status = 'CLOSED' and p.region_path like ?
                order by random() limit ?""")
                .params(round.value(), by.jurisdiction().likePattern(), size)
                .query((rs, n) -> row(rs, today))
                .list()
                .stream()
                .map(new Names()::row)
                .toList();
        audit.record(
                "PROBLEM_LOOKBACK_SAMPLE",
                SUBJECT,
                "round-" + round.value(),
                Outcome.SUCCESS,
                "drawn=" + sample.stream().map(r -> Long.toString(r.id())).toList());
        return sample;
    }

    /** An evidence file of a problem the caller may see; the read is audited. */
    public Optional<EvidenceFiles.Stored> evidenceFile(ProblemId id, long evidenceId, Staff by) {
        header(id, by);
        var file = evidence.find(id, evidenceId);
        file.ifPresent(
                f -> audit.record("PROBLEM_EVIDENCE_READ", SUBJECT, id.value(), Outcome.SUCCESS, "file=" + evidenceId));
        return file;
    }

    @Transactional(readOnly = true)
    public Paged<ProblemRow> find(ProblemFilter filter, Staff by, Paged.Request page) {
        var today = deadlines.today();
        var params = new ArrayList<Object>();
        var where = where(filter, by, today, params);
        long total = jdbc.sql("select count(*) from problem p" + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var items = jdbc
                .sql("""
                select""" + " " + ROW_COLUMNS + " " + """
                from problem p""" + where + " order by " + LIST_ORDER + " limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> row(rs, today))
                .list()
                .stream()
                .map(new Names()::row)
                .toList();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    /** How many rows the database hands over at a time while {@link #each} reads its cursor. */
    static final int FETCH_SIZE = 500;

    /**
     * Every problem of the filter that the caller may see, in list order, one at a time and at most {@code max} of
     * them (the ledger export): the list's query with the list's scope, run once, without a count or an offset, and
     * read through a cursor in a read-only transaction, so the rows never sit in memory all at once.
     */
    @Transactional(readOnly = true)
    public void each(ProblemFilter filter, Staff by, int max, Consumer<ProblemRow> consumer) {
        var today = deadlines.today();
        var params = new ArrayList<Object>();
        var where = where(filter, by, today, params);
        params.add(max);
        var names = new Names();
        jdbc.sql("select " + ROW_COLUMNS + " from problem p" + where + " order by " + LIST_ORDER + " limit ?")
                .withFetchSize(FETCH_SIZE)
                .params(params)
                .query(rs -> {
                    consumer.accept(names.row(row(rs, today)));
                });
    }

    /** The order of the list, and so of its pages and of the ledger export. */
    private static final String LIST_ORDER = "p.recorded_at desc, p.id desc";

    /** The list's where clause: the caller's scope, then the filter; its parameters are added to {@code params}. */
    private String where(ProblemFilter filter, Staff by, LocalDate today, List<Object> params) {
        var scope = Scope.of(by);
        var where = new StringBuilder(" where p.region_path like ?");
        params.add(scope.likePattern());
        if (scope.unit() != null) {
            where.append(" and exists (select 1 from problem_unit su where su.problem_id = p.id and su.unit_id = ?)");
            params.add(scope.unit());
        }
        if (filter.round() != null) {
            where.append(" and p.round_id = ?");
            params.add(filter.round());
        }
        if (filter.group() != null) {
            where.append(" and p.group_id = ?");
            params.add(filter.group());
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            var region = regionInScope(filter.region(), by);
            where.append(" and p.region_path like ?");
            params.add(region.path() + "%");
        }
        if (filter.unit() != null) {
            where.append(" and exists (select 1 from problem_unit fu where fu.problem_id = p.id and fu.unit_id = ?)");
            params.add(filter.unit());
        }
        if (filter.focusArea() != null) {
            where.append(" and p.focus_area_id = ?");
            params.add(filter.focusArea());
        }
        if (filter.status() != null) {
            where.append(" and p.status = ?");
            params.add(filter.status().name());
        }
        String owing = "p.status in ('ASSIGNED', 'RECTIFYING')";
        if (filter.warning() != null) {
            switch (filter.warning()) {
                case RED -> where.append(" and " + owing + " and p.deadline < ?");
                case YELLOW -> where.append(" and " + owing + " and p.deadline >= ? and p.yellow_from <= ?");
                case GREEN -> where.append(" and " + owing + " and p.deadline >= ? and p.yellow_from > ?");
            }
            params.add(today);
            if (filter.warning() != Warning.RED) {
                params.add(today);
            }
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" and " + owing + " and p.deadline < ?");
            params.add(today);
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            where.append(" and not (" + owing + " and p.deadline < ?)");
            params.add(today);
        }
        return where.toString();
    }

    /** The columns of a list row: the problem's own; the names come from the modules that own them ({@link Names}). */
    private static final String ROW_COLUMNS = """
            p.id, p.title, p.campaign_id, p.group_id, p.region_code, p.focus_area_id,
            (select lu.unit_id from problem_unit lu where lu.problem_id = p.id and lu.lead) as lead_unit_id,
            p.status, p.cycle, p.deadline, p.yellow_from, p.version""";

    /** A list row as the problem table holds it, before the names are looked up. */
    private record RawRow(
            long id,
            String title,
            long campaignId,
            long groupId,
            String regionCode,
            Long focusAreaId,
            Long leadUnitId,
            ProblemStatus status,
            int cycle,
            LocalDate deadline,
            Warning warning,
            boolean overdue,
            long version) {}

    private static RawRow row(ResultSet rs, LocalDate today) throws SQLException {
        var status = ProblemStatus.valueOf(rs.getString("status"));
        var deadline = rs.getObject("deadline", LocalDate.class);
        var yellowFrom = rs.getObject("yellow_from", LocalDate.class);
        boolean owing = (status == ProblemStatus.ASSIGNED || status == ProblemStatus.RECTIFYING) && deadline != null;
        Warning warning = null;
        if (owing) {
            warning = deadline.isBefore(today)
                    ? Warning.RED
                    : yellowFrom != null && !today.isBefore(yellowFrom) ? Warning.YELLOW : Warning.GREEN;
        }
        return new RawRow(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getLong("campaign_id"),
                rs.getLong("group_id"),
                rs.getString("region_code"),
                (Long) rs.getObject("focus_area_id"),
                (Long) rs.getObject("lead_unit_id"),
                status,
                rs.getInt("cycle"),
                deadline,
                warning,
                owing && deadline.isBefore(today),
                rs.getLong("version"));
    }

    /**
     * Names of groups, regions, focus areas and units through their modules' APIs, each looked up once per list (a
     * page holds few distinct ones).
     */
    private final class Names {
        private final java.util.Map<Long, Integer> groupNumbers = new java.util.HashMap<>();
        private final java.util.Map<String, String> regionNames = new java.util.HashMap<>();
        private final java.util.Map<Long, java.util.Map<Long, String>> focusAreas = new java.util.HashMap<>();
        private final java.util.Map<Long, String> unitNames = new java.util.HashMap<>();

        ProblemRow row(RawRow r) {
            return new ProblemRow(
                    r.id(),
                    r.title(),
                    groupNumbers.computeIfAbsent(
                            r.groupId(),
                            g -> groups.find(new GroupId(g))
                                    .map(InspectionGroup::number)
                                    .orElse(0)),
                    regionNames.computeIfAbsent(
                            r.regionCode(),
                            c -> regions.find(new RegionCode(c))
                                    .map(Region::name)
                                    .orElse(c)),
                    r.focusAreaId() == null
                            ? null
                            : focusAreas
                                    .computeIfAbsent(r.campaignId(), ProblemList.this::focusAreaNames)
                                    .get(r.focusAreaId()),
                    r.leadUnitId() == null
                            ? null
                            : unitNames.computeIfAbsent(r.leadUnitId(), ProblemList.this::unitName),
                    r.status(),
                    r.cycle(),
                    r.deadline(),
                    r.warning(),
                    r.overdue(),
                    r.version());
        }
    }

    private java.util.Map<Long, String> focusAreaNames(long campaignId) {
        var names = new java.util.HashMap<Long, String>();
        campaigns
                .require(new dudao.campaign.CampaignId(campaignId))
                .focusAreas()
                .forEach(f -> names.put(f.id().value(), f.name()));
        return names;
    }

    private Region regionInScope(String code, Staff by) {
        try {
            return regions.require(new RegionCode(code.trim()), by.jurisdiction());
        } catch (NotFound e) {
            throw new BadInput("region", "problem.region.outside");
        }
    }

    private UnitId checkedUnit(long id, String districtPath, String field) {
        dudao.directory.Unit unit;
        try {
            unit = units.require(new UnitId(id), dudao.directory.Jurisdiction.wholeCity());
        } catch (NotFound e) {
            throw new BadInput(field, "problem.unit.unknown");
        }
        if (!unit.regionPath().startsWith(districtPath)) {
            throw new BadInput(field, "problem.unit.outsideRegion", unit.name());
        }
        return unit.id();
    }

    /** The path of the district a region lies in ({@code /500000/500116/}), or the region's own above that. */
    static String districtPath(String regionPath) {
        var parts = regionPath.split("/");
        return parts.length > 3 ? "/" + parts[1] + "/" + parts[2] + "/" : regionPath;
    }

    /** The business day a transition's date rules (a deadline in the past) are checked against. */
    private LocalDate today(Instant at) {
        return deadlines.businessDayOf(at);
    }

    static Participant participant(Staff staff) {
        return new Participant(staff.id(), staff.displayName(), staff.unit());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
