package dudao.clues;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's timed work, run by the deadlines module's scheduler (one node at a time). */
@Configuration(proxyBeanMethods = false)
class ClueScheduling {

    static final int BATCH = 500;

    /** Hands the 30-day reply deadline of newly recorded reachable clues to the deadlines module. */
    @Bean
    RecurringTask<Void> clueReplyWatchTask(ClueSupervision supervision) {
        return Tasks.recurring("clues-reply-watch", Schedules.fixedDelay(Duration.ofMinutes(5)))
                .execute((instance, context) -> {
                    while (supervision.watchNewReplies(BATCH) == BATCH) {
                        // Each batch commits on its own; keep going until the backlog is empty.
                    }
                });
    }
}
