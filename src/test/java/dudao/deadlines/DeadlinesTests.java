package dudao.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.DudaoTest;
import dudao.platform.BadInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The escalation ladder on real PostgreSQL. The tests use deadlines in the early 2000s, so that their sweeps touch no
 * other test's records and no other test's sweep touches theirs.
 */
@DudaoTest
class DeadlinesTests {

    static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    Deadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadlineMail mail;

    final List<Subject> watched = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopWatching() {
        watched.forEach(deadlines::stop);
    }

    Subject watch(LocalDate due, Long campaignId) {
        var subject = new Subject("laddertest", IDS.incrementAndGet());
        watched.add(subject);
        deadlines.watch(new Watch(subject, 1, due, campaignId, "/500000/500116/", 1L, "测试问题", "/problems/0"));
        return subject;
    }

    void sweepDays(LocalDate from, LocalDate to) {
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            deadlines.sweep(day);
        }
    }

    @Test
    void issuesEachRungOnItsDayOnceEach() {
        var due = LocalDate.of(2001, 3, 10);
        var subject = watch(due, null);
        sweepDays(due.minusDays(10), due.plusDays(20));
        sweepDays(due.minusDays(10), due.plusDays(20));

        var steps = deadlines.steps(subject);
        assertThat(steps)
                .extracting(IssuedStep::rung, IssuedStep::issuedOn, IssuedStep::respondBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Rung.REMINDER_BEFORE, due.minusDays(3), due),
                        org.assertj.core.groups.Tuple.tuple(Rung.REMINDER_AFTER, due.plusDays(1), due.plusDays(3)),
                        org.assertj.core.groups.Tuple.tuple(Rung.SUPERVISION_NOTICE, due.plusDays(3), due.plusDays(8)),
                        org.assertj.core.groups.Tuple.tuple(Rung.ACCOUNTABILITY, due.plusDays(9), due.plusDays(19)));
        assertThat(steps.get(2).number()).matches("渝扫黑办督〔2001〕\\d+号");
    }

    @Test
    void followsTheCampaignsOwnThresholds() {
        long campaign = IDS.incrementAndGet();
        deadlines.setPolicy(campaign, new DeadlinePolicy(5, 7, 1, 2, 3));
        var due = LocalDate.of(2001, 6, 10);
        var subject = watch(due, campaign);
        sweepDays(due.minusDays(10), due.plusDays(10));
        assertThat(deadlines.steps(subject))
                .extracting(IssuedStep::rung, IssuedStep::issuedOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Rung.REMINDER_BEFORE, due.minusDays(7)),
                        org.assertj.core.groups.Tuple.tuple(Rung.REMINDER_AFTER, due.plusDays(1)),
                        org.assertj.core.groups.Tuple.tuple(Rung.SUPERVISION_NOTICE, due.plusDays(1)),
                        org.assertj.core.groups.Tuple.tuple(Rung.ACCOUNTABILITY, due.plusDays(4)));
        assertThat(Warning.of(due, due.minusDays(5), deadlines.policy(campaign)))
                .isEqualTo(Warning.YELLOW);
        assertThat(Warning.of(due, due.minusDays(6), deadlines.policy(campaign)))
                .isEqualTo(Warning.GREEN);
    }

    @Test
    void gradesWarningsGreenYellowRed() {
        var due = LocalDate.of(2001, 1, 10);
        var policy = DeadlinePolicy.DEFAULT;
        assertThat(Warning.of(due, due.minusDays(4), policy)).isEqualTo(Warning.GREEN);
        assertThat(Warning.of(due, due.minusDays(3), policy)).isEqualTo(Warning.YELLOW);
        assertThat(Warning.of(due, due, policy)).isEqualTo(Warning.YELLOW);
        assertThat(Warning.of(due, due.plusDays(1), policy)).isEqualTo(Warning.RED);
    }

    @Test
    void refusesThresholdsOutOfRange() {
        assertThatThrownBy(() -> new DeadlinePolicy(-1, 3, 3, 5, 10)).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> new DeadlinePolicy(3, 3, 0, 5, 10)).isInstanceOf(BadInput.class);
    }

    @Test
    void skipsRungsMoreThanTheCatchUpHorizonLateInsteadOfFloodingTheUnit() {
        var due = LocalDate.of(2001, 2, 1);
        var subject = watch(due, null);
        deadlines.sweep(due.plusDays(60));
        assertThat(deadlines.steps(subject)).isEmpty();
        deadlines.sweep(due.plusDays(2));
        assertThat(deadlines.steps(subject)).extracting(IssuedStep::rung).containsExactly(Rung.REMINDER_AFTER);
    }

    @Test
    void withoutAnSmtpServerSendsNoMailAndStillIssuesTheRung() {
        // The test profile sets no spring.mail.host: Spring Boot then makes no mail sender (DeadlineMailTests sets
        // one).
        assertThat(mail.enabled()).isFalse();
        var due = LocalDate.of(2005, 4, 10);
        var subject = watch(due, null);
        deadlines.sweep(due.plusDays(1));
        assertThat(deadlines.steps(subject)).extracting(IssuedStep::rung).containsExactly(Rung.REMINDER_AFTER);
    }

    @Test
    void stoppedDeadlineIssuesNothingMore() {
        var due = LocalDate.of(2001, 9, 10);
        var subject = watch(due, null);
        sweepDays(due.minusDays(5), due.plusDays(1));
        deadlines.stop(subject);
        sweepDays(due.plusDays(2), due.plusDays(30));
        assertThat(deadlines.steps(subject))
                .extracting(IssuedStep::rung)
                .containsExactly(Rung.REMINDER_BEFORE, Rung.REMINDER_AFTER);
    }

    @Test
    void movedDeadlineStartsItsLadderAgainAndKeepsWhatWasIssued() {
        var due = LocalDate.of(2001, 11, 10);
        var subject = watch(due, null);
        sweepDays(due.minusDays(5), due.plusDays(1));
        var later = due.plusDays(20);
        deadlines.watch(new Watch(subject, 1, later, null, "/500000/500116/", 1L, "测试问题", "/problems/0"));
        sweepDays(due.plusDays(2), later);
        assertThat(deadlines.steps(subject))
                .extracting(IssuedStep::rung, IssuedStep::due)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Rung.REMINDER_BEFORE, due),
                        org.assertj.core.groups.Tuple.tuple(Rung.REMINDER_AFTER, due),
                        org.assertj.core.groups.Tuple.tuple(Rung.REMINDER_BEFORE, later));
    }

    @Test
    void numbersSupervisionNoticesWithoutGapsEvenWhenSweptConcurrently() throws Exception {
        var due = LocalDate.of(2002, 4, 1);
        for (int i = 0; i < 12; i++) {
            watch(due, null);
        }
        var day = due.plusDays(3);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var sweeps = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(() -> deadlines.sweep(day));
            }
            int issued = 0;
            for (var f : pool.invokeAll(sweeps)) {
                issued += f.get();
            }
            // The overdue reminder and the notice for each of the 12 watches, whichever sweep issued them (the
            // reminder before the deadline is no longer sent once the deadline has passed).
            assertThat(issued).isEqualTo(24);
        } finally {
            pool.shutdown();
        }
        var numbers = jdbc.sql("select notice_seq from deadline_step where notice_year = 2002 order by notice_seq")
                .query(Integer.class)
                .list();
        assertThat(numbers).hasSize(12);
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(numbers.size() - 1);
        assertThat(numbers).doesNotHaveDuplicates();
    }
}
