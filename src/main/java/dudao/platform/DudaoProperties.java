package dudao.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the whole application.
 *
 * @param dataDir where the embedded database, generated keys and attachments live
 * @param modules modules in the order their migrations run (a module's tables may refer to earlier ones)
 * @param embeddedDb the embedded PostgreSQL, used when no external database is configured
 * @param maxRequestBytes the largest request body accepted outside file uploads
 */
@ConfigurationProperties("dudao")
public record DudaoProperties(Path dataDir, List<String> modules, EmbeddedDb embeddedDb, long maxRequestBytes) {

    public DudaoProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        modules = modules == null ? List.of() : List.copyOf(modules);
        embeddedDb = embeddedDb == null ? new EmbeddedDb(false, 0, Duration.ofSeconds(60)) : embeddedDb;
        maxRequestBytes = maxRequestBytes <= 0 ? 1_048_576 : maxRequestBytes;
    }

    /**
     * @param temporary a throw-away data directory (tests), instead of {@code dataDir/pg}
     * @param port the port, 0 for any free one
     * @param startTimeout how long PostgreSQL may take to start
     */
    public record EmbeddedDb(boolean temporary, int port, Duration startTimeout) {}
}
