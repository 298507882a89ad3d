package dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dudao.DudaoTest;
import dudao.campaign.DemoCampaign;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.deadlines.Deadlines;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import dudao.directory.Units;
import dudao.platform.HomeSection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduled look-backs (回头看) on real PostgreSQL: two scheduler instances — two application nodes — read one clock
 * that the test moves a day at a time; a closed problem's look-back is issued on the day it falls due, once, shows in
 * the to-do list of the group and the city office over it (not another district's), and leaves it when its result is
 * recorded.
 */
@DudaoTest
class LookBacksTests {

    @Autowired
    ProblemList problems;

    @Autowired
    LookBacks lookBacks;

    @Autowired
    RectificationHomeSection home;

    @Autowired
    RectificationProperties properties;

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
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    ProblemId closedProblem(String title) {
        var principals = new Principals(accounts, regions);
        var group16 = principals.staff("group16");
        var police = principals.staff("jiangjin-police");
        RoundId round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id();
        long unit = units.named(new RegionCode("500116"), "江津区公安局")
                .orElseThrow()
                .id()
                .value();
        var id = problems.record(
                new NewProblem(round.value(), null, "500116", null, Source.FIELDWORK, title, "描述", null, null, null),
                group16);
        problems.assign(
                id,
                new ProblemList.Assignment(unit, List.of(), deadlines.clockDay().plusDays(10)),
                null,
                group16);
        problems.acknowledge(id, null, police);
        problems.submitFeedback(id, "已整改", List.of(), null, police);
        problems.accept(id, null, null, group16);
        return id;
    }

    List<String> lookBackLinks(String username) {
        var reader = new Principals(accounts, regions).staff(username);
        return home.itemsFor(reader).stream()
                .filter(i -> i.messageKey().equals("problems.home.toLookBack"))
                .map(HomeSection.Item::href)
                .toList();
    }

    @Test
    void twoSchedulerInstancesIssueTheLookBackOnItsDayOnceAndTheResultClearsIt() throws Exception {
        var id = closedProblem("回头看定时测试" + System.nanoTime());
        var closedOn = deadlines.clockDay();
        var dueOn = closedOn.plusDays(properties.lookBackAfterDays());
        var zone = deadlines.zone();
        var start = dueOn.minusDays(2).atTime(9, 0).atZone(zone).toInstant();
        var clock = new MovableClock(start);
        var runs = new AtomicInteger();
        RecurringTask<Void> task = LookBacks.task(
                day -> {
                    lookBacks.issueDue(day);
                    runs.incrementAndGet();
                },
                Duration.ofDays(1),
                clock,
                zone);
        var one = node("node-one", task, clock);
        var two = node("node-two", task, clock);
        one.start();
        two.start();
        var issuedOn = new java.util.ArrayList<LocalDate>();
        try {
            for (int day = 0; day <= 4; day++) {
                clock.now.set(start.plus(Duration.ofDays(day)).plusSeconds(1));
                waitFor(() -> runs.get() >= 1);
                int before = runs.get();
                // Give the other node every chance to run the same occurrence a second time.
                Thread.sleep(400);
                assertThat(runs.get()).isEqualTo(before);
                runs.set(0);
                if (dueEntries(id) > 0 && issuedOn.isEmpty()) {
                    issuedOn.add(deadlines.dayOf(clock.instant()));
                }
            }
        } finally {
            one.stop();
            two.stop();
        }
        assertThat(issuedOn).containsExactly(dueOn);
        assertThat(dueEntries(id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from problem_look_back where problem_id = ?")
                        .param(id.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var link = "/problems/" + id.value();
        assertThat(lookBackLinks("group16")).contains(link);
        assertThat(lookBackLinks("city")).contains(link);
        assertThat(lookBackLinks("group13")).doesNotContain(link);
        assertThat(lookBackLinks("jiangjin-police")).isEmpty();

        var city = new Principals(accounts, regions).staff("city");
        problems.passLookBack(id, "复核未见反弹", null, city);
        assertThat(lookBackLinks("group16")).doesNotContain(link);
        assertThat(problems.require(id, city).status()).isEqualTo(ProblemStatus.CLOSED);
        // A run on a later day issues nothing again for the same closure.
        assertThat(lookBacks.issueDue(dueOn.plusDays(3))).isZero();
        assertThat(dueEntries(id)).isEqualTo(1);
    }

    @Test
    void aRelapseFoundByTheLookBackClearsItAndTheNextClosureGetsItsOwn() {
        var id = closedProblem("回头看反弹测试" + System.nanoTime());
        var dueOn = deadlines.clockDay().plusDays(properties.lookBackAfterDays());
        assertThat(lookBacks.issueDue(dueOn.minusDays(1))).isZero();
        lookBacks.issueDue(dueOn);
        var link = "/problems/" + id.value();
        assertThat(lookBackLinks("group16")).contains(link);
        var city = new Principals(accounts, regions).staff("city");
        problems.reopen(id, "回头看发现反弹", deadlines.today().plusDays(10), null, city);
        assertThat(lookBackLinks("group16")).doesNotContain(link);
        assertThat(problems.require(id, city).cycle()).isEqualTo(2);
    }

    long dueEntries(ProblemId id) {
        return jdbc.sql("select count(*) from problem_event where problem_id = ? and step = 'LOOK_BACK_DUE'")
                .param(id.value())
                .query(Long.class)
                .single();
    }

    Scheduler node(String name, RecurringTask<Void> task, Clock clock) {
        return Scheduler.create(dataSource)
                .tableName("scheduled_tasks")
                .startTasks(task)
                .clock(clock::instant)
                .schedulerName(new SchedulerName.Fixed(name))
                .pollingInterval(Duration.ofMillis(100))
                .threads(2)
                .build();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("The look-back task did not run within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
