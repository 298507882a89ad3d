package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.platform.WorkflowViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every transition of a clue's handling, allowed and refused. */
class ClueTests {

    private static final Instant NOW = Instant.parse("2018-07-20T02:00:00Z");
    private static final String JIANGJIN = "/500000/500116/";
    private static final long POLICE = 7;

    private static Clue received() {
        return Clue.received(new ClueId(1), JIANGJIN, false, false);
    }

    private static Clue reachable() {
        return Clue.received(new ClueId(1), JIANGJIN, true, false);
    }

    private static Clue inScope() {
        var c = received();
        c.triage(Scope.EVIL, ActivityCategory.FORCED_TRADING, NOW);
        return c;
    }

    private static Clue assigned() {
        var c = inScope();
        c.assign(POLICE, JIANGJIN, 20, LocalDate.of(2018, 8, 17), NOW);
        return c;
    }

    private static Clue verified() {
        var c = assigned();
        c.verify(POLICE, false, Set.of(VerifyMethod.ON_SITE), "属实", VerifyResult.TRUE, NOW);
        return c;
    }

    private static Clue reviewed() {
        var c = verified();
        c.review(true, null, NOW);
        return c;
    }

    private static void refused(Runnable step, String key) {
        assertThatThrownBy(step::run)
                .isInstanceOf(WorkflowViolation.class)
                .extracting(e -> ((WorkflowViolation) e).messageKey())
                .isEqualTo(key);
    }

    @Test
    void triagesReceivedClueIntoScope() {
        var c = inScope();
        assertThat(c.status()).isEqualTo(ClueStatus.IN_SCOPE);
        assertThat(c.scope()).isEqualTo(Scope.EVIL);
        assertThat(c.subCategory()).isEqualTo(ActivityCategory.FORCED_TRADING);
    }

    @Test
    void refusesTriageTwiceOrWithoutDefiniteSubCategory() {
        refused(() -> inScope().triage(Scope.GANG, ActivityCategory.ORGANISED_GANG, NOW), "clue.triage.notReceived");
        refused(() -> received().triage(Scope.GANG, ActivityCategory.UNKNOWN, NOW), "clue.triage.subCategoryUnknown");
    }

    @Test
    void transfersOutOfScopeClueToNamedDepartment() {
        var c = received();
        c.transfer("区市场监管局", "移交函", NOW);
        assertThat(c.status()).isEqualTo(ClueStatus.TRANSFERRED);
        assertThat(c.transferDepartment()).isEqualTo("区市场监管局");
        var wrongTriage = inScope();
        wrongTriage.transfer("区信访办", "移交函", NOW);
        assertThat(wrongTriage.status()).isEqualTo(ClueStatus.TRANSFERRED);
        assertThat(wrongTriage.scope()).isNull();
    }

    @Test
    void refusesTransferOnceAssigned() {
        refused(() -> assigned().transfer("区信访办", "函", NOW), "clue.transfer.notOpen");
    }

    @Test
    void assignsTriagedClueWithTimeLimitAndReassignsBeforeVerification() {
        var c = assigned();
        assertThat(c.status()).isEqualTo(ClueStatus.ASSIGNED);
        assertThat(c.dueOn()).isEqualTo(LocalDate.of(2018, 8, 17));
        c.assign(8, JIANGJIN, 10, LocalDate.of(2018, 8, 3), NOW);
        assertThat(c.handlingUnit()).isEqualTo(8L);
    }

    @Test
    void refusesAssignmentBeforeTriage() {
        refused(
                () -> received().assign(POLICE, JIANGJIN, 20, LocalDate.of(2018, 8, 17), NOW),
                "clue.assign.notTriaged");
        refused(
                () -> verified().assign(POLICE, JIANGJIN, 20, LocalDate.of(2018, 8, 17), NOW),
                "clue.assign.notTriaged");
    }

    @Test
    void refusesToAssignClueNamingOfficialsToUnitOfImplicatedDistrict() {
        var c = Clue.received(new ClueId(2), JIANGJIN, false, true);
        c.triage(Scope.GANG, ActivityCategory.PROTECTIVE_UMBRELLA, NOW);
        refused(
                () -> c.assign(POLICE, "/500000/500116/500116001/", 20, LocalDate.of(2018, 8, 17), NOW),
                "clue.assign.implicatedDistrict");
        c.assign(99, "/500000/", 30, LocalDate.of(2018, 8, 31), NOW);
        assertThat(c.status()).isEqualTo(ClueStatus.ASSIGNED);
    }

    @Test
    void handlingUnitVerifiesAssignedClue() {
        var c = verified();
        assertThat(c.status()).isEqualTo(ClueStatus.VERIFIED);
        assertThat(c.result()).isEqualTo(VerifyResult.TRUE);
        assertThat(c.methods()).containsExactly(VerifyMethod.ON_SITE);
    }

    @Test
    void disciplineVerifiesClueNamingOfficials() {
        var c = Clue.received(new ClueId(2), JIANGJIN, false, true);
        c.triage(Scope.GANG, ActivityCategory.PROTECTIVE_UMBRELLA, NOW);
        c.assign(99, "/500000/", 30, LocalDate.of(2018, 8, 31), NOW);
        c.verify(null, true, Set.of(VerifyMethod.KEY_CORROBORATION), "部分属实", VerifyResult.PARTLY_TRUE, NOW);
        assertThat(c.status()).isEqualTo(ClueStatus.VERIFIED);
    }

    @Test
    void refusesVerificationByAnotherUnitOrWithoutMethodOrBeforeAssignment() {
        refused(
                () -> assigned().verify(8L, false, Set.of(VerifyMethod.ON_SITE), "x", VerifyResult.TRUE, NOW),
                "clue.verify.notHandlingUnit");
        refused(
                () -> assigned().verify(null, true, Set.of(VerifyMethod.ON_SITE), "x", VerifyResult.TRUE, NOW),
                "clue.verify.notHandlingUnit");
        refused(() -> assigned().verify(POLICE, false, Set.of(), "x", VerifyResult.TRUE, NOW), "clue.verify.noMethod");
        refused(
                () -> inScope().verify(POLICE, false, Set.of(VerifyMethod.ON_SITE), "x", VerifyResult.TRUE, NOW),
                "clue.verify.notAssigned");
    }

    @Test
    void reviewAcceptsOrSendsBackWithReason() {
        assertThat(reviewed().status()).isEqualTo(ClueStatus.REVIEWED);
        var c = verified();
        c.review(false, "查证不充分", NOW);
        assertThat(c.status()).isEqualTo(ClueStatus.ASSIGNED);
        assertThat(c.sendBacks()).isEqualTo(1);
        refused(() -> verified().review(false, " ", NOW), "clue.review.reasonRequired");
        refused(() -> assigned().review(true, null, NOW), "clue.review.notVerified");
    }

    @Test
    void closesReviewedOrTransferredClue() {
        var c = reviewed();
        c.close(NOW);
        assertThat(c.status()).isEqualTo(ClueStatus.CLOSED);
        var t = received();
        t.transfer("区信访办", "函", NOW);
        t.close(NOW);
        assertThat(t.status()).isEqualTo(ClueStatus.CLOSED);
    }

    @Test
    void refusesClosureBeforeReviewOrBeforeReplyingToReachableReporter() {
        refused(() -> verified().close(NOW), "clue.close.notReviewed");
        var c = reachable();
        c.triage(Scope.EVIL, ActivityCategory.FORCED_TRADING, NOW);
        c.assign(POLICE, JIANGJIN, 20, LocalDate.of(2018, 8, 17), NOW);
        c.verify(POLICE, false, Set.of(VerifyMethod.ON_SITE), "属实", VerifyResult.TRUE, NOW);
        c.review(true, null, NOW);
        refused(() -> c.close(NOW), "clue.close.replyFirst");
        c.reply(NOW);
        c.close(NOW);
        assertThat(c.status()).isEqualTo(ClueStatus.CLOSED);
    }

    @Test
    void refusesReplyToClosedClue() {
        var c = reviewed();
        c.close(NOW);
        refused(() -> c.reply(NOW), "clue.reply.notOpen");
    }

    @Test
    void mergesDuplicateAndSplitsItBackToWhereItWas() {
        var main = Clue.received(new ClueId(10), JIANGJIN, false, false);
        var dup = inScope();
        dup.mergeInto(main, NOW);
        assertThat(dup.status()).isEqualTo(ClueStatus.MERGED);
        assertThat(dup.mergedInto()).isEqualTo(new ClueId(10));
        dup.split();
        assertThat(dup.status()).isEqualTo(ClueStatus.IN_SCOPE);
        assertThat(dup.mergedInto()).isNull();
    }

    @Test
    void refusesMergeIntoItselfOrIntoMergedClueOrOfClosedClue() {
        var c = received();
        refused(() -> c.mergeInto(Clue.received(new ClueId(1), JIANGJIN, false, false), NOW), "clue.merge.self");
        var target = Clue.received(new ClueId(10), JIANGJIN, false, false);
        target.mergeInto(Clue.received(new ClueId(11), JIANGJIN, false, false), NOW);
        refused(() -> received().mergeInto(target, NOW), "clue.merge.targetMerged");
        var closed = reviewed();
        closed.close(NOW);
        refused(
                () -> closed.mergeInto(Clue.received(new ClueId(10), JIANGJIN, false, false), NOW),
                "clue.merge.notOpen");
        refused(() -> received().split(), "clue.split.notMerged");
    }

    @Test
    void putsClueOnKeyListWithStudyConclusionButNotMergedOne() {
        var c = inScope();
        c.study(true, "涉黑组织特征明显，建议提级办理");
        assertThat(c.keyClue()).isTrue();
        assertThat(c.studyConclusion()).contains("提级");
        var merged = received();
        merged.mergeInto(Clue.received(new ClueId(10), JIANGJIN, false, false), NOW);
        refused(() -> merged.study(true, null), "clue.study.merged");
    }

    @Test
    void offersOnlyTheStepsTheStateAllows() {
        assertThat(received().openSteps()).contains("triage", "transfer").doesNotContain("assign", "close");
        assertThat(assigned().openSteps()).contains("verify").doesNotContain("triage", "review");
        assertThat(verified().openSteps()).contains("review").doesNotContain("verify");
        assertThat(reviewed().openSteps()).contains("close");
    }
}
