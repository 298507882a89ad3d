package dudao.deadlines;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultPolicy the ladder of campaigns that set none
 * @param zone the time zone in which a day starts and ends (deadlines are dates)
 * @param noticeIssuer the issuing office's abbreviation in notice numbers, e.g. 渝扫黑办督
 * @param scheduler whether this node runs the sweep (tests drive it by hand)
 * @param sweepInterval how often the sweep runs
 * @param catchUp how late a rung may still be sent (after downtime); older ones are skipped
 */
@ConfigurationProperties("dudao.deadlines")
public record DeadlinesProperties(
        DeadlinePolicy defaultPolicy,
        ZoneId zone,
        String noticeIssuer,
        boolean scheduler,
        Duration sweepInterval,
        java.time.Period catchUp) {

    public DeadlinesProperties {
        defaultPolicy = defaultPolicy == null ? DeadlinePolicy.DEFAULT : defaultPolicy;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        noticeIssuer = noticeIssuer == null || noticeIssuer.isBlank() ? "渝扫黑办督" : noticeIssuer;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(15) : sweepInterval;
        catchUp = catchUp == null ? java.time.Period.ofDays(30) : catchUp;
    }
}
