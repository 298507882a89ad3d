package dudao.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the HMAC key, base64 (at least 32 bytes). When empty and demo data is on, one is generated into the
 *     data directory; a production start without it refuses to run.
 */
@ConfigurationProperties("dudao.audit")
record AuditProperties(String key) {}
