package dudao.rectification;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param evidenceMaxBytes the largest evidence file accepted (each file)
 * @param lookBackAfterDays a closed problem is due for its look-back (回头看) this many days after its closure
 * @param lookBackCatchUp a look-back due further back than this when the scheduled task runs is not issued (records
 *     imported or replayed from long ago must not flood the to-do lists)
 */
@ConfigurationProperties("dudao.rectification")
public record RectificationProperties(long evidenceMaxBytes, int lookBackAfterDays, Period lookBackCatchUp) {

    public RectificationProperties {
        evidenceMaxBytes = evidenceMaxBytes <= 0 ? 10L * 1024 * 1024 : evidenceMaxBytes;
        if (lookBackAfterDays < 0 || lookBackAfterDays > 3650) {
            throw new IllegalArgumentException("dudao.rectification.look-back-after-days must be 0 to 3650");
        }
        lookBackAfterDays = lookBackAfterDays == 0 ? 30 : lookBackAfterDays;
        lookBackCatchUp = lookBackCatchUp == null ? Period.ofDays(30) : lookBackCatchUp;
    }
}
