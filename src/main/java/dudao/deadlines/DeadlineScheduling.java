package dudao.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler wired by hand (there is no starter for Boot 4): its state lives in the {@code scheduled_tasks} table of
 * this module's migration, and a recurring task is picked by one node at a time, so the sweep runs once per interval
 * however many nodes there are. Other modules contribute their own timed work as {@link Task} beans.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineScheduling {

    static final String SWEEP = "deadlines-sweep";

    /** The task that issues due rungs, as of the day the given clock says; the tests give their own clock. */
    static RecurringTask<Void> sweepTask(Consumer<LocalDate> sweep, Duration interval, Clock clock, ZoneId zone) {
        return Tasks.recurring(SWEEP, Schedules.fixedDelay(interval))
                .execute((instance, context) -> sweep.accept(LocalDate.now(clock.withZone(zone))));
    }

    /** A scheduler on the given database reading the given clock; the application and the tests build it alike. */
    static SchedulerBuilder builder(DataSource dataSource, List<Task<?>> tasks, Clock clock) {
        var recurring = tasks.stream()
                .filter(t -> t instanceof RecurringTask<?>)
                .map(t -> (RecurringTask<?>) t)
                .toList();
        var others =
                tasks.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        return Scheduler.create(dataSource, List.copyOf(others))
                .tableName("scheduled_tasks")
                .startTasks(recurring)
                .clock(clock::instant)
                .pollingInterval(Duration.ofSeconds(10))
                .threads(2);
    }

    @Bean
    @ConditionalOnMissingBean
    SmsGateway smsGateway() {
        return new LoggingSmsGateway();
    }

    @Bean
    RecurringTask<Void> deadlineSweepTask(Deadlines deadlines, DeadlinesProperties properties, Clock clock) {
        return sweepTask(deadlines::sweep, properties.sweepInterval(), clock, properties.zone());
    }

    @Bean
    @ConditionalOnProperty(name = "dudao.deadlines.scheduler", havingValue = "true")
    SchedulerLifecycle deadlineScheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            Clock clock,
            @Value("${dudao.deadlines.heartbeat:PT30S}") Duration heartbeat) {
        // A node killed outright leaves the jobs it had picked marked as picked; after four missed heartbeats the
        // other nodes take them over (db-scheduler's default, five minutes times six, would leave them for half an
        // hour).
        var scheduler = builder(dataSource, tasks, clock)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(4)
                .build();
        return new SchedulerLifecycle(scheduler);
    }

    /** Starts polling once the application is up and stops before the database goes away. */
    static final class SchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        Scheduler scheduler() {
            return scheduler;
        }
    }
}
