package dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.directory.StaffId;
import dudao.directory.UnitId;
import dudao.platform.BadInput;
import dudao.platform.UserFacingException;
import dudao.platform.WorkflowViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The problem's workflow, every transition allowed and refused, without a database. */
class ProblemTests {

    static final LocalDate TODAY = LocalDate.of(2018, 7, 20);
    static final Instant NOW = Instant.parse("2018-07-20T02:00:00Z");
    static final UnitId POLICE = new UnitId(1);
    static final UnitId TOWN = new UnitId(2);
    static final UnitId OTHER = new UnitId(3);

    static final Participant GROUP = new Participant(new StaffId(10), "第16组组长", null);
    static final Participant CITY = new Participant(new StaffId(11), "市扫黑办", null);
    static final Participant POLICE_HANDLER = new Participant(new StaffId(20), "公安局", POLICE);
    static final Participant POLICE_COLLEAGUE = new Participant(new StaffId(21), "公安局二", POLICE);
    static final Participant TOWN_HANDLER = new Participant(new StaffId(22), "镇街", TOWN);
    static final Participant STRANGER = new Participant(new StaffId(23), "别的单位", OTHER);

    static Problem recorded() {
        return Problem.record(GROUP, NOW);
    }

    static Problem assigned() {
        var p = recorded();
        p.assign(POLICE, List.of(TOWN), TODAY.plusDays(10), GROUP, NOW, TODAY);
        return p;
    }

    static Problem rectifying() {
        var p = assigned();
        p.acknowledge(POLICE_HANDLER, NOW);
        return p;
    }

    static Problem submitted() {
        var p = rectifying();
        p.submitFeedback("已建立台账并约谈", POLICE_HANDLER, NOW);
        return p;
    }

    static Problem closed() {
        var p = submitted();
        p.accept(null, GROUP, NOW);
        return p;
    }

    static void refused(Runnable transition, String key) {
        assertThatThrownBy(transition::run)
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo(key);
    }

    @Test
    void recordsNewProblemAsRecordedInCycleOne() {
        var p = recorded();
        assertThat(p.status()).isEqualTo(ProblemStatus.RECORDED);
        assertThat(p.cycle()).isEqualTo(1);
        assertThat(p.added()).extracting(TimelineEntry::step).containsExactly(Step.RECORDED);
    }

    @Test
    void assignsToLeadAndAssistingUnitsEachWithItsOwnStatus() {
        var p = assigned();
        assertThat(p.status()).isEqualTo(ProblemStatus.ASSIGNED);
        assertThat(p.deadline()).isEqualTo(TODAY.plusDays(10));
        assertThat(p.units())
                .containsExactly(
                        new UnitAssignment(POLICE, true, UnitStatus.ASSIGNED),
                        new UnitAssignment(TOWN, false, UnitStatus.ASSIGNED));
    }

    @Test
    void acceptsDeadlineOfToday() {
        var p = recorded();
        p.assign(POLICE, List.of(), TODAY, GROUP, NOW, TODAY);
        assertThat(p.deadline()).isEqualTo(TODAY);
    }

    @Test
    void refusesDeadlineInThePast() {
        var p = recorded();
        assertThatThrownBy(() -> p.assign(POLICE, List.of(), TODAY.minusDays(1), GROUP, NOW, TODAY))
                .isInstanceOf(BadInput.class)
                .hasMessage("problem.deadline.past");
        assertThat(p.status()).isEqualTo(ProblemStatus.RECORDED);
    }

    @Test
    void refusesAssignmentWithoutDeadlineOrLeadUnit() {
        refused(() -> recorded().assign(POLICE, List.of(), null, GROUP, NOW, TODAY), "problem.deadline.required");
        refused(() -> recorded().assign(null, List.of(), TODAY, GROUP, NOW, TODAY), "problem.assign.leadRequired");
    }

    @Test
    void refusesTheSameUnitTwice() {
        refused(
                () -> recorded().assign(POLICE, List.of(POLICE), TODAY, GROUP, NOW, TODAY),
                "problem.assign.duplicateUnit");
    }

    @Test
    void refusesAssigningTwice() {
        refused(() -> assigned().assign(POLICE, List.of(), TODAY, GROUP, NOW, TODAY), "problem.assign.notRecorded");
    }

    @Test
    void leadUnitAcknowledgingStartsRectification() {
        var p = rectifying();
        assertThat(p.status()).isEqualTo(ProblemStatus.RECTIFYING);
        assertThat(p.lead().status()).isEqualTo(UnitStatus.RECTIFYING);
    }

    @Test
    void assistingUnitAcknowledgingKeepsProblemAssigned() {
        var p = assigned();
        p.acknowledge(TOWN_HANDLER, NOW);
        assertThat(p.status()).isEqualTo(ProblemStatus.ASSIGNED);
        assertThat(p.units()).contains(new UnitAssignment(TOWN, false, UnitStatus.RECTIFYING));
    }

    @Test
    void refusesAcknowledgementBeforeAssignmentByStrangersAndTwice() {
        refused(() -> recorded().acknowledge(POLICE_HANDLER, NOW), "problem.notAssigned");
        refused(() -> assigned().acknowledge(STRANGER, NOW), "problem.notYourUnit");
        refused(() -> assigned().acknowledge(GROUP, NOW), "problem.notYourUnit");
        refused(() -> rectifying().acknowledge(POLICE_HANDLER, NOW), "problem.acknowledge.already");
        refused(() -> closed().acknowledge(POLICE_HANDLER, NOW), "problem.closed");
    }

    @Test
    void leadUnitFeedbackAwaitsVerification() {
        var p = submitted();
        assertThat(p.status()).isEqualTo(ProblemStatus.FEEDBACK_SUBMITTED);
        assertThat(p.pendingFeedback()).isEqualTo(new Problem.Feedback(POLICE_HANDLER.id(), POLICE));
        assertThat(p.added().get(p.added().size() - 1).text()).isEqualTo("已建立台账并约谈");
    }

    @Test
    void assistingUnitFeedbackDoesNotSubmitTheProblem() {
        var p = rectifying();
        p.acknowledge(TOWN_HANDLER, NOW);
        p.submitFeedback("配合排查", TOWN_HANDLER, NOW);
        assertThat(p.status()).isEqualTo(ProblemStatus.RECTIFYING);
        assertThat(p.units()).contains(new UnitAssignment(TOWN, false, UnitStatus.FEEDBACK_SUBMITTED));
    }

    @Test
    void refusesFeedbackWithoutMeasuresBeforeAcknowledgementOrTwice() {
        refused(() -> rectifying().submitFeedback(" ", POLICE_HANDLER, NOW), "problem.feedback.measuresRequired");
        refused(() -> assigned().submitFeedback("x", POLICE_HANDLER, NOW), "problem.feedback.notAcknowledged");
        refused(() -> submitted().submitFeedback("x", POLICE_HANDLER, NOW), "problem.feedback.alreadySubmitted");
        refused(() -> rectifying().submitFeedback("x", STRANGER, NOW), "problem.notYourUnit");
        refused(() -> recorded().submitFeedback("x", POLICE_HANDLER, NOW), "problem.notAssigned");
    }

    @Test
    void acceptingClosesTheProblemAndEveryUnit() {
        var p = closed();
        assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(p.units()).allMatch(u -> u.status() == UnitStatus.DONE);
        assertThat(p.pendingFeedback()).isNull();
    }

    @Test
    void cityOfficeMayVerifyToo() {
        var p = submitted();
        p.accept("核查属实", CITY, NOW);
        assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
    }

    @Test
    void refusesVerificationBySubmitter() {
        var submitter = new Participant(new StaffId(30), "兼任", null);
        var p = rectifying();
        // Someone who reported back for the unit can never close the same problem, whatever their role.
        p.submitFeedback("x", new Participant(submitter.id(), "兼任", POLICE), NOW);
        refused(() -> p.accept(null, submitter, NOW), "problem.verify.selfVerification");
        refused(() -> p.reject("no", submitter, NOW), "problem.verify.selfVerification");
        assertThat(p.status()).isEqualTo(ProblemStatus.FEEDBACK_SUBMITTED);
    }

    @Test
    void refusesVerificationByAColleagueOfTheResponsibleUnit() {
        refused(() -> submitted().accept(null, POLICE_COLLEAGUE, NOW), "problem.verify.ownUnit");
    }

    @Test
    void refusesVerificationBeforeFeedback() {
        refused(() -> rectifying().accept(null, GROUP, NOW), "problem.accept.notSubmitted");
        refused(() -> assigned().reject("x", GROUP, NOW), "problem.reject.notSubmitted");
        refused(() -> closed().accept(null, GROUP, NOW), "problem.accept.notSubmitted");
        refused(() -> recorded().accept(null, GROUP, NOW), "problem.accept.notSubmitted");
    }

    @Test
    void rejectingSendsTheProblemBackToRectifyingWithTheReason() {
        var p = submitted();
        p.reject("证据不足", GROUP, NOW);
        assertThat(p.status()).isEqualTo(ProblemStatus.RECTIFYING);
        assertThat(p.lead().status()).isEqualTo(UnitStatus.RECTIFYING);
        assertThat(p.added().get(p.added().size() - 1))
                .extracting(TimelineEntry::step, TimelineEntry::text)
                .containsExactly(Step.REJECTED, "证据不足");
        p.submitFeedback("补充证据", POLICE_HANDLER, NOW);
        p.accept(null, GROUP, NOW);
        assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
    }

    @Test
    void refusesRejectionWithoutReason() {
        var p = submitted();
        refused(() -> p.reject("  ", GROUP, NOW), "problem.reject.reasonRequired");
        assertThat(p.status()).isEqualTo(ProblemStatus.FEEDBACK_SUBMITTED);
    }

    @Test
    void extensionKeepsTheOldDeadlineUntilApprovedThenBoth() {
        var p = rectifying();
        var old = p.deadline();
        p.requestExtension(old.plusDays(7), "涉案人员在逃", POLICE_HANDLER, NOW, TODAY);
        assertThat(p.deadline()).isEqualTo(old);
        assertThat(p.pendingExtension().newDeadline()).isEqualTo(old.plusDays(7));
        p.approveExtension(GROUP, NOW);
        assertThat(p.deadline()).isEqualTo(old.plusDays(7));
        assertThat(p.pendingExtension()).isNull();
        var entry = p.added().get(p.added().size() - 1);
        assertThat(entry.step()).isEqualTo(Step.EXTENSION_APPROVED);
        assertThat(entry.previousDeadline()).isEqualTo(old);
        assertThat(entry.deadline()).isEqualTo(old.plusDays(7));
    }

    @Test
    void unitMayAskForExtensionBeforeAcknowledging() {
        var p = assigned();
        p.requestExtension(p.deadline().plusDays(1), "r", POLICE_HANDLER, NOW, TODAY);
        assertThat(p.pendingExtension()).isNotNull();
    }

    @Test
    void refusesExtensionThatIsNotLaterOrInThePastOrWithoutReason() {
        var p = rectifying();
        refused(() -> p.requestExtension(p.deadline(), "r", POLICE_HANDLER, NOW, TODAY), "problem.extend.notLater");
        refused(() -> p.requestExtension(TODAY.minusDays(1), "r", POLICE_HANDLER, NOW, TODAY), "problem.deadline.past");
        refused(
                () -> p.requestExtension(p.deadline().plusDays(3), "", POLICE_HANDLER, NOW, TODAY),
                "problem.extend.reasonRequired");
        refused(() -> p.requestExtension(p.deadline().plusDays(3), "r", STRANGER, NOW, TODAY), "problem.notYourUnit");
        assertThat(p.pendingExtension()).isNull();
    }

    @Test
    void refusesSecondExtensionRequestWhileOneIsPending() {
        var p = rectifying();
        p.requestExtension(p.deadline().plusDays(3), "r", POLICE_HANDLER, NOW, TODAY);
        refused(
                () -> p.requestExtension(p.deadline().plusDays(5), "r", TOWN_HANDLER, NOW, TODAY),
                "problem.extend.pending");
    }

    @Test
    void refusesExtensionAfterFeedbackOrClosure() {
        refused(
                () -> submitted().requestExtension(TODAY.plusDays(30), "r", POLICE_HANDLER, NOW, TODAY),
                "problem.extend.notOpen");
        refused(() -> closed().requestExtension(TODAY.plusDays(30), "r", POLICE_HANDLER, NOW, TODAY), "problem.closed");
    }

    @Test
    void refusesApprovalWithoutRequestOrByTheRequester() {
        refused(() -> rectifying().approveExtension(GROUP, NOW), "problem.approveExtension.nonePending");
        var p = rectifying();
        p.requestExtension(p.deadline().plusDays(3), "r", POLICE_HANDLER, NOW, TODAY);
        refused(() -> p.approveExtension(POLICE_HANDLER, NOW), "problem.approveExtension.self");
    }

    @Test
    void decliningAnExtensionKeepsTheDeadlineAndRecordsTheReason() {
        var p = rectifying();
        var old = p.deadline();
        p.requestExtension(old.plusDays(7), "涉案人员在逃", POLICE_HANDLER, NOW, TODAY);
        p.declineExtension("理由不充分", GROUP, NOW);
        assertThat(p.deadline()).isEqualTo(old);
        assertThat(p.pendingExtension()).isNull();
        assertThat(p.status()).isEqualTo(ProblemStatus.RECTIFYING);
        var entry = p.added().get(p.added().size() - 1);
        assertThat(entry.step()).isEqualTo(Step.EXTENSION_DECLINED);
        assertThat(entry.text()).contains("理由不充分").contains(old.plusDays(7).toString());
        // The unit may ask again once declined.
        p.requestExtension(old.plusDays(3), "再次申请", POLICE_HANDLER, NOW, TODAY);
        assertThat(p.pendingExtension().newDeadline()).isEqualTo(old.plusDays(3));
    }

    @Test
    void refusesDecliningWithoutRequestByTheRequesterWithoutReasonOrOnceClosed() {
        refused(() -> rectifying().declineExtension("r", GROUP, NOW), "problem.declineExtension.nonePending");
        var p = rectifying();
        p.requestExtension(p.deadline().plusDays(3), "r", POLICE_HANDLER, NOW, TODAY);
        refused(() -> p.declineExtension("r", POLICE_HANDLER, NOW), "problem.declineExtension.self");
        refused(() -> p.declineExtension("  ", GROUP, NOW), "problem.declineExtension.reasonRequired");
        assertThat(p.pendingExtension()).isNotNull();
        p.submitFeedback("done", POLICE_HANDLER, NOW);
        p.accept(null, GROUP, NOW);
        refused(() -> p.declineExtension("r", GROUP, NOW), "problem.declineExtension.nonePending");
    }

    @Test
    void closingDropsAPendingExtension() {
        var p = rectifying();
        p.requestExtension(p.deadline().plusDays(3), "r", TOWN_HANDLER, NOW, TODAY);
        p.submitFeedback("done", POLICE_HANDLER, NOW);
        p.accept(null, GROUP, NOW);
        refused(() -> p.approveExtension(GROUP, NOW), "problem.approveExtension.nonePending");
    }

    @Test
    void lookBackWithoutRelapseKeepsTheProblemClosedAndSaysSoInTheTimeline() {
        var p = closed();
        p.passLookBack("走访复核，未见反弹", CITY, NOW);
        assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
        assertThat(p.cycle()).isEqualTo(1);
        assertThat(p.added().get(p.added().size() - 1))
                .extracting(TimelineEntry::step, TimelineEntry::text)
                .containsExactly(Step.LOOK_BACK_PASSED, "走访复核，未见反弹");
    }

    @Test
    void refusesLookBackResultOnAProblemNotClosed() {
        refused(() -> recorded().passLookBack(null, CITY, NOW), "problem.passLookBack.notClosed");
        refused(() -> rectifying().passLookBack(null, CITY, NOW), "problem.passLookBack.notClosed");
        refused(() -> submitted().passLookBack(null, CITY, NOW), "problem.passLookBack.notClosed");
    }

    @Test
    void reopensClosedProblemWhenLookBackFindsRelapse() {
        var p = closed();
        p.reopen("回头看发现问题反弹", TODAY.plusDays(15), CITY, NOW, TODAY);
        assertThat(p.status()).isEqualTo(ProblemStatus.ASSIGNED);
        assertThat(p.cycle()).isEqualTo(2);
        assertThat(p.deadline()).isEqualTo(TODAY.plusDays(15));
        assertThat(p.units()).allMatch(u -> u.status() == UnitStatus.ASSIGNED);
        var entry = p.added().get(p.added().size() - 1);
        assertThat(entry).extracting(TimelineEntry::step, TimelineEntry::cycle).containsExactly(Step.REOPENED, 2);
        // The new cycle runs through the same workflow.
        p.acknowledge(POLICE_HANDLER, NOW);
        p.submitFeedback("再次整改", POLICE_HANDLER, NOW);
        p.accept(null, GROUP, NOW);
        assertThat(p.status()).isEqualTo(ProblemStatus.CLOSED);
    }

    @Test
    void refusesReopeningAnOpenProblemOrWithoutReasonOrWithPastDeadline() {
        refused(() -> rectifying().reopen("r", TODAY.plusDays(3), CITY, NOW, TODAY), "problem.reopen.notClosed");
        refused(() -> recorded().reopen("r", TODAY.plusDays(3), CITY, NOW, TODAY), "problem.reopen.notClosed");
        refused(() -> closed().reopen(" ", TODAY.plusDays(3), CITY, NOW, TODAY), "problem.reopen.reasonRequired");
        refused(() -> closed().reopen("r", TODAY.minusDays(3), CITY, NOW, TODAY), "problem.deadline.past");
    }

    @Test
    void overdueFollowsFromDeadlineAndClock() {
        var p = rectifying();
        assertThat(p.isOverdue(p.deadline())).isFalse();
        assertThat(p.isOverdue(p.deadline().plusDays(1))).isTrue();
        assertThat(recorded().isOverdue(TODAY.plusYears(1))).isFalse();
    }

    @Test
    void problemAwaitingVerificationOrClosedIsNeverOverdue() {
        assertThat(submitted().isOverdue(TODAY.plusYears(1))).isFalse();
        assertThat(closed().isOverdue(TODAY.plusYears(1))).isFalse();
    }

    @Test
    void refusalsAreWorkflowViolationsOrBadInput() {
        assertThatThrownBy(() -> closed().reopen("r", TODAY.minusDays(1), CITY, NOW, TODAY))
                .isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> closed().accept(null, GROUP, NOW)).isInstanceOf(WorkflowViolation.class);
    }
}
