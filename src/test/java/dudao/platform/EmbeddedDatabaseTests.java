package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's embedded PostgreSQL ({@link EmbeddedDatabaseConfiguration}, as {@code ./mvnw spring-boot:run}
 * starts it) keeps its data in the data directory, so a second start finds what the first wrote; the application
 * connects as its own role, with the pool size it is given.
 */
class EmbeddedDatabaseTests {

    @Test
    void aRestartKeepsTheDataOnPostgresql16OrLater() throws Exception {
        var dir = Files.createTempDirectory("dudao-restart");
        runner(dir).run(context -> {
            var owner = new JdbcTemplate(context.getBean("migrationDataSource", DataSource.class));
            owner.execute("create table kept (note text)");
            owner.execute("insert into kept values ('第16组')");
            owner.execute("grant select on kept to " + EmbeddedDatabaseConfiguration.APP_ROLE);
        });
        assertThat(dir.resolve("pg/PG_VERSION")).exists();
        runner(dir).run(context -> {
            var application = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(application.queryForObject("select note from kept", String.class))
                    .isEqualTo("第16组");
            assertThat(application.queryForObject("select current_setting('server_version_num')::int", Integer.class))
                    .isGreaterThanOrEqualTo(160000);
            assertThat(application.queryForObject("select current_user", String.class))
                    .isEqualTo(EmbeddedDatabaseConfiguration.APP_ROLE);
            assertThat(application.queryForObject(
                            "select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                    .isFalse();
        });
    }

    @Test
    void thePoolTakesItsSizeFromTheConfiguration() throws Exception {
        var dir = Files.createTempDirectory("dudao-pool");
        runner(dir)
                .withPropertyValues("spring.datasource.hikari.maximum-pool-size=3")
                .run(context -> {
                    assertThat(context.getBean(HikariDataSource.class).getMaximumPoolSize())
                            .isEqualTo(3);
                });
    }

    static ApplicationContextRunner runner(Path dataDir) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withBean(
                        DudaoProperties.class,
                        () -> new DudaoProperties(
                                dataDir, null, new DudaoProperties.EmbeddedDb(false, 0, Duration.ofSeconds(60)), 0))
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class);
    }
}
