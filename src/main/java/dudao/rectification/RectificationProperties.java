package dudao.rectification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param evidenceMaxBytes the largest evidence file accepted (each file) */
@ConfigurationProperties("dudao.rectification")
public record RectificationProperties(long evidenceMaxBytes) {

    public RectificationProperties {
        evidenceMaxBytes = evidenceMaxBytes <= 0 ? 10L * 1024 * 1024 : evidenceMaxBytes;
    }
}
