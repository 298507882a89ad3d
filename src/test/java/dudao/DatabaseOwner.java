package dudao;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The connection migrations run on, as the owner of the tables (on the embedded database the superuser; on CI's
 * external database the same role as the application). A test that must do what the application's role may not,
 * such as tampering with the audit trail behind its back, does it here.
 */
public final class DatabaseOwner {

    private DatabaseOwner() {}

    public static JdbcTemplate jdbc(Flyway flyway) {
        return new JdbcTemplate(flyway.getConfiguration().getDataSource());
    }

    /** Whether the application connects as another role than the owner (the privileges then apply). */
    public static boolean separateFromApplication(Flyway flyway, JdbcTemplate application) {
        var owner = jdbc(flyway).queryForObject("select current_user", String.class);
        return !owner.equals(application.queryForObject("select current_user", String.class));
    }
}
