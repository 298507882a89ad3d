package dudao.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the address the public reaches Dudao at, printed into posters and QR codes
 * @param key base64 key that signs proof-of-work challenges and, with the raw idempotency key of each tip, seals the
 *     receipt codes kept for idempotent retries
 * @param submissionsPerHour tips one client may submit in an hour
 * @param lookupFailuresBeforeSlowdown wrong receipt codes after which each further try waits a little longer
 * @param lookupFailuresBeforeRefusal wrong receipt codes after which the client is refused for {@code refusal}
 * @param proofOfWorkBits leading zero bits the tip form's proof of work needs
 * @param maxConcurrentSubmissions submissions processed at once before "try again in a minute"
 * @param surveyAnswersPerHour awareness survey answers one client may send in an hour
 * @param maxConcurrentInspections uploaded files inspected (decoded, cleaned) at once on a node
 */
@ConfigurationProperties("dudao.portal")
record PortalProperties(
        String publicUrl,
        String key,
        int submissionsPerHour,
        int lookupFailuresBeforeSlowdown,
        int lookupFailuresBeforeRefusal,
        Duration refusal,
        int proofOfWorkBits,
        int maxConcurrentSubmissions,
        int surveyAnswersPerHour,
        int maxConcurrentInspections) {

    PortalProperties {
        publicUrl =
                publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        submissionsPerHour = submissionsPerHour <= 0 ? 20 : submissionsPerHour;
        lookupFailuresBeforeSlowdown = lookupFailuresBeforeSlowdown <= 0 ? 3 : lookupFailuresBeforeSlowdown;
        lookupFailuresBeforeRefusal = lookupFailuresBeforeRefusal <= 0 ? 8 : lookupFailuresBeforeRefusal;
        refusal = refusal == null ? Duration.ofMinutes(15) : refusal;
        proofOfWorkBits = proofOfWorkBits < 0 ? 12 : Math.min(proofOfWorkBits, 24);
        maxConcurrentSubmissions = maxConcurrentSubmissions <= 0 ? 16 : maxConcurrentSubmissions;
        surveyAnswersPerHour = surveyAnswersPerHour <= 0 ? 20 : surveyAnswersPerHour;
        maxConcurrentInspections = maxConcurrentInspections <= 0
                ? Math.max(2, Runtime.getRuntime().availableProcessors())
                : maxConcurrentInspections;
    }
}
