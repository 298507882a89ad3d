package dudao.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL (zonky binaries, the real server) when no external database is configured, so that
 * {@code ./mvnw spring-boot:run} needs nothing but Java. Its data lives in {@code data/pg} and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DudaoProperties properties) throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL refuses to run as root. Start Dudao as an ordinary user, "
                    + "or point it at an external database with DUDAO_DB_URL.");
        }
        var settings = properties.embeddedDb();
        Path dir;
        if (settings.temporary()) {
            dir = Files.createTempDirectory("dudao-pg");
        } else {
            dir = properties.dataDir().resolve("pg").toAbsolutePath();
            Files.createDirectories(dir);
        }
        log.info("Starting embedded PostgreSQL with its data in {}", dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(settings.temporary())
                .setPort(settings.port())
                .setPGStartupWait(settings.startTimeout())
                .setServerConfig("max_connections", "300")
                .setLocaleConfig("encoding", "UTF8")
                // pg_trgm treats CJK characters as letters only under a UTF-8 ctype; under "C" Chinese has no trigrams.
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        ds.setPoolName("dudao-embedded");
        return ds;
    }
}
