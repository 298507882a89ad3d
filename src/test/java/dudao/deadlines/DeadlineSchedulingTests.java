package dudao.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import dudao.DudaoTest;
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

/**
 * Two scheduler instances — two application nodes — on one database, reading one injected clock that the test moves
 * a day at a time: every reminder, notice and accountability record appears on its day, once.
 */
@DudaoTest
class DeadlineSchedulingTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    Deadlines deadlines;

    @Autowired
    DataSource dataSource;

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

    @Test
    void twoSchedulerInstancesIssueEveryRungOnItsDayExactlyOnce() throws Exception {
        var due = LocalDate.of(2003, 5, 20);
        var subjects = List.of(
                new Subject("scheduletest", System.nanoTime()), new Subject("scheduletest", System.nanoTime() + 1));
        for (var subject : subjects) {
            deadlines.watch(new Watch(subject, 1, due, null, "/500000/500116/", 1L, "两节点测试", "/problems/0"));
        }
        var start = due.minusDays(5).atTime(9, 0).atZone(ZONE).toInstant();
        var clock = new MovableClock(start);
        var runs = new AtomicInteger();
        Task<?> sweep = DeadlineScheduling.sweepTask(
                day -> {
                    deadlines.sweep(day);
                    runs.incrementAndGet();
                },
                Duration.ofDays(1),
                clock,
                ZONE);
        var one = DeadlineScheduling.builder(dataSource, List.of(sweep), clock)
                .schedulerName(new SchedulerName.Fixed("node-one"))
                .pollingInterval(Duration.ofMillis(100))
                .build();
        var two = DeadlineScheduling.builder(dataSource, List.of(sweep), clock)
                .schedulerName(new SchedulerName.Fixed("node-two"))
                .pollingInterval(Duration.ofMillis(100))
                .build();
        one.start();
        two.start();
        try {
            int days = 20;
            for (int day = 0; day <= days; day++) {
                clock.now.set(start.plus(Duration.ofDays(day)).plusSeconds(1));
                waitFor(() -> runs.get() >= 1);
                int before = runs.get();
                // Give the other node every chance to run the same occurrence a second time.
                Thread.sleep(400);
                assertThat(runs.get()).isEqualTo(before);
                runs.set(0);
            }
        } finally {
            one.stop();
            two.stop();
            subjects.forEach(deadlines::stop);
        }
        for (var subject : subjects) {
            assertThat(deadlines.steps(subject))
                    .extracting(IssuedStep::rung, IssuedStep::issuedOn)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Rung.REMINDER_BEFORE, due.minusDays(3)),
                            org.assertj.core.groups.Tuple.tuple(Rung.REMINDER_AFTER, due.plusDays(1)),
                            org.assertj.core.groups.Tuple.tuple(Rung.SUPERVISION_NOTICE, due.plusDays(3)),
                            org.assertj.core.groups.Tuple.tuple(Rung.ACCOUNTABILITY, due.plusDays(9)));
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("The sweep did not run within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
