package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL keeps its data in a directory, so a second start finds what the first wrote. */
class EmbeddedDatabaseTests {

    @Test
    void aRestartKeepsTheData() throws Exception {
        var dir = Files.createTempDirectory("dudao-restart");
        try (var first = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .start();
                var connection = first.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create table kept (note text)");
            statement.execute("insert into kept values ('第16组')");
        }
        try (var second = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .start();
                var connection = second.getPostgresDatabase().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select note from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("第16组");
        }
    }
}
