package dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.DudaoTest;
import dudao.campaign.DemoCampaign;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.deadlines.Deadlines;
import dudao.deadlines.Rung;
import dudao.deadlines.Subject;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.directory.StaffAccounts;
import dudao.directory.Units;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.Paged;
import dudao.platform.StaleRecord;
import dudao.platform.UserFacingException;
import dudao.platform.WorkflowViolation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The problem list on real PostgreSQL: the lifecycle, its refusals, scoping, locking, the ladder and the figures. */
@DudaoTest
class ProblemListTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    @Autowired
    ProblemList problems;

    @Autowired
    RectificationStatistics statistics;

    @Autowired
    Deadlines deadlines;

    @Autowired
    Rounds rounds;

    @Autowired
    Units units;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    Principals principals;
    Staff group16;
    Staff police;
    Staff city;
    Staff banan;
    RoundId round;
    long jiangjinPolice;
    long jiangjinCourt;
    long bananPolice;
    LocalDate today;

    @BeforeEach
    void demo() {
        principals = new Principals(accounts, regions);
        group16 = principals.staff("group16");
        police = principals.staff("jiangjin-police");
        city = principals.staff("city");
        banan = principals.staff("banan");
        round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id();
        jiangjinPolice = units.named(new RegionCode("500116"), "江津区公安局")
                .orElseThrow()
                .id()
                .value();
        jiangjinCourt = units.named(new RegionCode("500116"), "江津区人民法院")
                .orElseThrow()
                .id()
                .value();
        bananPolice = units.named(new RegionCode("500113"), "巴南区公安局")
                .orElseThrow()
                .id()
                .value();
        // The real clock's day: these tests' records are made now, and their sweeps must stay clear of the demo's
        // July 2018 (the business day of the test profile, see businessDay* below).
        today = deadlines.clockDay();
    }

    ProblemId recordInJiangjin(String title) {
        return problems.record(
                new NewProblem(
                        round.value(),
                        null,
                        "500116",
                        null,
                        Source.FIELDWORK,
                        title,
                        "描述：" + title,
                        "江津区公安局主要负责人",
                        "建立台账，逐一整改",
                        "走访群众反映"),
                group16);
    }

    ProblemId assignedToPolice(String title) {
        var id = recordInJiangjin(title);
        problems.assign(
                id,
                new ProblemList.Assignment(jiangjinPolice, List.of(jiangjinCourt), today.plusDays(10)),
                null,
                group16);
        return id;
    }

    @Test
    void runsTheWholeLifecycleWithRejectionThenCloseOut() {
        var id = assignedToPolice("娱乐场所涉黑线索排查不彻底");
        problems.acknowledge(id, null, police);
        problems.submitFeedback(id, "已开展专项排查", List.of(new EvidenceUpload("排查报告.pdf", PDF)), null, police);
        problems.reject(id, "排查范围不全，缺少两个街道", null, group16);
        assertThat(problems.require(id, group16).status()).isEqualTo(ProblemStatus.RECTIFYING);
        problems.submitFeedback(id, "已补充排查两个街道", List.of(), null, police);
        problems.accept(id, "核查属实", null, group16);

        var view = problems.require(id, group16);
        assertThat(view.status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(view.units()).extracting(ProblemView.UnitView::status).containsOnly(UnitStatus.DONE);
        assertThat(view.timeline())
                .extracting(ProblemView.Entry::step)
                .containsExactly(
                        Step.RECORDED,
                        Step.ASSIGNED,
                        Step.ACKNOWLEDGED,
                        Step.FEEDBACK_SUBMITTED,
                        Step.REJECTED,
                        Step.FEEDBACK_SUBMITTED,
                        Step.ACCEPTED);
        var firstFeedback = view.timeline().get(3);
        assertThat(firstFeedback.byName()).isEqualTo(police.displayName());
        assertThat(firstFeedback.unitName()).isEqualTo("江津区公安局");
        assertThat(firstFeedback.files())
                .extracting(ProblemView.EvidenceFile::contentType)
                .containsExactly("application/pdf");
        assertThat(view.timeline().get(4).text()).isEqualTo("排查范围不全，缺少两个街道");
        assertThat(problems.evidenceFile(id, firstFeedback.files().get(0).id(), police))
                .isPresent();
    }

    @Test
    void auditsEveryTransition() {
        var id = assignedToPolice("审计测试");
        var actions = jdbc.sql(
                        "select action from audit_entry where object_type = 'problem' and object_id = ? order by id")
                .param(id.toString())
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("PROBLEM_RECORD", "PROBLEM_ASSIGN");
    }

    @Test
    void refusesDeadlineInThePastAndChangesNothing() {
        var id = recordInJiangjin("期限测试");
        assertThatThrownBy(() -> problems.assign(
                        id,
                        new ProblemList.Assignment(
                                jiangjinPolice, List.of(), deadlines.today().minusDays(1)),
                        null,
                        group16))
                .isInstanceOf(BadInput.class)
                .hasMessage("problem.deadline.past");
        var view = problems.require(id, group16);
        assertThat(view.status()).isEqualTo(ProblemStatus.RECORDED);
        assertThat(view.version()).isZero();
    }

    @Test
    void refusesUnitOutsideTheProblemsDistrictAndChangesNothing() {
        var id = recordInJiangjin("单位测试");
        assertThatThrownBy(() -> problems.assign(
                        id, new ProblemList.Assignment(bananPolice, List.of(), today.plusDays(5)), null, group16))
                .isInstanceOf(BadInput.class)
                .hasMessage("problem.unit.outsideRegion");
        assertThatThrownBy(() -> problems.assign(
                        id,
                        new ProblemList.Assignment(jiangjinPolice, List.of(bananPolice), today.plusDays(5)),
                        null,
                        group16))
                .isInstanceOf(BadInput.class);
        assertThat(problems.require(id, group16).status()).isEqualTo(ProblemStatus.RECORDED);
    }

    @Test
    void refusesRegionOutsideTheRecordersJurisdiction() {
        assertThatThrownBy(() -> problems.record(
                        new NewProblem(round.value(), null, "500113", null, null, "t", "d", null, null, null), group16))
                .isInstanceOf(BadInput.class)
                .hasMessage("problem.region.outside");
    }

    @Test
    void refusesTransitionFromTheWrongStateAndChangesNothing() {
        var id = recordInJiangjin("状态测试");
        assertThatThrownBy(() -> problems.accept(id, null, null, group16))
                .isInstanceOf(WorkflowViolation.class)
                .hasMessage("problem.accept.notSubmitted");
        assertThat(problems.require(id, group16).version()).isZero();
    }

    @Test
    void hidesAnotherDistrictsProblem() {
        var id = recordInJiangjin("区域测试");
        assertThatThrownBy(() -> problems.require(id, banan)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> problems.assign(
                        id, new ProblemList.Assignment(jiangjinPolice, List.of(), today.plusDays(3)), null, banan))
                .isInstanceOf(NotFound.class);
        assertThat(problems.find(ProblemFilter.none(), banan, new Paged.Request(0, 500))
                        .items())
                .extracting(ProblemRow::id)
                .doesNotContain(id.value());
        assertThat(problems.require(id, group16).status()).isEqualTo(ProblemStatus.RECORDED);
    }

    @Test
    void unitSeesOnlyProblemsAssignedToIt() {
        var notYet = recordInJiangjin("尚未交办");
        var assigned = assignedToPolice("已交办公安");
        assertThatThrownBy(() -> problems.require(notYet, police)).isInstanceOf(NotFound.class);
        assertThat(problems.require(assigned, police).title()).isEqualTo("已交办公安");
        var ids = problems.find(ProblemFilter.none(), police, new Paged.Request(0, 500)).items().stream()
                .map(ProblemRow::id)
                .toList();
        assertThat(ids).contains(assigned.value()).doesNotContain(notYet.value());
    }

    @Test
    void refusesAStaleVersion() {
        var id = recordInJiangjin("并发测试");
        long opened = problems.require(id, group16).version();
        problems.assign(id, new ProblemList.Assignment(jiangjinPolice, List.of(), today.plusDays(3)), opened, group16);
        assertThatThrownBy(() -> problems.acknowledge(id, opened, police)).isInstanceOf(StaleRecord.class);
        assertThat(problems.require(id, group16).status()).isEqualTo(ProblemStatus.ASSIGNED);
    }

    @Test
    void refusesEvidenceOfTheWrongTypeOrTooLargeAndChangesNothing() {
        var id = assignedToPolice("文件测试");
        problems.acknowledge(id, null, police);
        var exe = new EvidenceUpload("report.pdf", new byte[] {'M', 'Z', 0, 0, 1, 2});
        assertThatThrownBy(() -> problems.submitFeedback(id, "措施", List.of(exe), null, police))
                .isInstanceOf(BadInput.class)
                .hasMessage("evidence.type");
        var big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThatThrownBy(() ->
                        problems.submitFeedback(id, "措施", List.of(new EvidenceUpload("big.pdf", big)), null, police))
                .isInstanceOf(BadInput.class)
                .hasMessage("evidence.tooLarge");
        assertThat(problems.require(id, group16).status()).isEqualTo(ProblemStatus.RECTIFYING);
    }

    @Test
    void extensionKeepsOldAndNewDeadlineInTheTimeline() {
        var id = assignedToPolice("延期测试");
        var old = today.plusDays(10);
        problems.requestExtension(id, old.plusDays(15), "涉及跨区调查", null, police);
        assertThat(problems.require(id, group16).deadline()).isEqualTo(old);
        problems.approveExtension(id, null, group16);
        var view = problems.require(id, group16);
        assertThat(view.deadline()).isEqualTo(old.plusDays(15));
        var approved = view.timeline().get(view.timeline().size() - 1);
        assertThat(approved.step()).isEqualTo(Step.EXTENSION_APPROVED);
        assertThat(approved.previousDeadline()).isEqualTo(old);
        assertThat(approved.deadline()).isEqualTo(old.plusDays(15));
    }

    @Test
    void reopensClosedProblemWhenLookBackFindsRelapseAndTakesBackTheCredit() {
        var id = assignedToPolice("回头看测试");
        problems.acknowledge(id, null, police);
        problems.submitFeedback(id, "整改完毕", List.of(), null, police);
        problems.accept(id, null, null, group16);
        var before = statistics.total(round, today, group16.jurisdiction());
        problems.reopen(id, "回头看发现问题反弹", today.plusDays(7), null, city);
        var after = statistics.total(round, today, group16.jurisdiction());
        assertThat(after.closed()).isEqualTo(before.closed() - 1);
        assertThat(after.found()).isEqualTo(before.found());
        var view = problems.require(id, group16);
        assertThat(view.cycle()).isEqualTo(2);
        assertThat(view.status()).isEqualTo(ProblemStatus.ASSIGNED);
    }

    @Test
    void theLadderWritesNoticesIntoTheTimelineAndStopsWhenTheUnitReportsBack() {
        var id = assignedToPolice("督办测试");
        var due = today.plusDays(10);
        deadlines.sweep(due.plusDays(3));
        var steps = deadlines.steps(new Subject("problem", id.value()));
        assertThat(steps).extracting(s -> s.rung()).contains(Rung.SUPERVISION_NOTICE);
        assertThat(problems.require(id, group16).timeline())
                .extracting(ProblemView.Entry::step)
                .contains(Step.SUPERVISION_NOTICE);
        problems.acknowledge(id, null, police);
        problems.submitFeedback(id, "已整改", List.of(), null, police);
        int issued = deadlines.steps(new Subject("problem", id.value())).size();
        deadlines.sweep(due.plusDays(30));
        assertThat(deadlines.steps(new Subject("problem", id.value()))).hasSize(issued);
    }

    @Test
    void countsFoundClosedRectifyingAndOverdueAsOfADate() {
        var before = statistics.total(round, today, group16.jurisdiction());
        var closed = assignedToPolice("统计测试一");
        problems.acknowledge(closed, null, police);
        problems.submitFeedback(closed, "已整改", List.of(), null, police);
        problems.accept(closed, null, null, group16);
        assignedToPolice("统计测试二");
        var after = statistics.total(round, today, group16.jurisdiction());
        assertThat(after.found() - before.found()).isEqualTo(2);
        assertThat(after.closed() - before.closed()).isEqualTo(1);
        assertThat(after.rectifying() - before.rectifying()).isEqualTo(1);
        var later = statistics.total(round, today.plusDays(11), group16.jurisdiction());
        assertThat(later.overdue()).isGreaterThanOrEqualTo(1);
        var byGroup = statistics.figures(round, today, RectificationStatistics.By.GROUP, group16.jurisdiction());
        assertThat(byGroup).extracting(RectificationStatistics.Figures::key).contains("16");
    }

    @Test
    void businessDatesFollowTheFixedBusinessDayNotTheRealClock() {
        var businessDay = deadlines.today();
        assertThat(businessDay).isBefore(deadlines.clockDay());
        var id = recordInJiangjin("业务日期测试");
        assertThatThrownBy(() -> problems.assign(
                        id,
                        new ProblemList.Assignment(jiangjinPolice, List.of(), businessDay.minusDays(1)),
                        null,
                        group16))
                .isInstanceOf(BadInput.class)
                .hasMessage("problem.deadline.past");
        // Long past on the real clock, the day after tomorrow on the business day: accepted, yellow, not overdue.
        problems.assign(
                id, new ProblemList.Assignment(jiangjinPolice, List.of(), businessDay.plusDays(2)), null, group16);
        var view = problems.require(id, group16);
        assertThat(view.warning()).isEqualTo(dudao.deadlines.Warning.YELLOW);
        assertThat(view.overdue()).isFalse();
        var row = problems.find(
                        new ProblemFilter(null, null, null, null, null, null, dudao.deadlines.Warning.YELLOW, null),
                        group16,
                        new Paged.Request(0, 500))
                .items();
        assertThat(row).extracting(ProblemRow::id).contains(id.value());
    }

    @Test
    void refusalsCarryAMessageKeyTheUserReads() {
        var id = recordInJiangjin("消息测试");
        assertThatThrownBy(() -> problems.acknowledge(id, null, police)).isInstanceOf(UserFacingException.class);
    }
}
