package dudao.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL (zonky binaries, the real server) when no external database is configured, so that
 * {@code ./mvnw spring-boot:run} needs nothing but Java. Its data lives in {@code data/pg} and survives restarts.
 * Migrations run as the superuser, the application as a role that cannot switch the audit trail's triggers off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    /** The role the application connects as (trust authentication, as for postgres: the server listens on localhost). */
    static final String APP_ROLE = "dudao_app";

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

    /** Migrations run as the superuser {@code postgres}, who owns every table. */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource migrationDataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }

    /**
     * The application connects as {@value #APP_ROLE}: no superuser, owner of nothing, with the privileges
     * {@link ModuleMigrations} grants it. The pool takes {@code spring.datasource.hikari.*} ({@code DUDAO_DB_POOL}).
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("""
                    do $$
                    begin
                      if not exists (select from pg_roles where rolname = '%s') then
                        create role %s login nosuperuser nocreatedb nocreaterole noreplication;
                      end if;
                    end
                    $$""".formatted(APP_ROLE, APP_ROLE));
        }
        var ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl(APP_ROLE, "postgres"));
        ds.setUsername(APP_ROLE);
        ds.setMaximumPoolSize(20);
        ds.setPoolName("dudao-embedded");
        return ds;
    }
}
