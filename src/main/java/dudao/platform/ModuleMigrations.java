package dudao.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Runs each module's migrations from {@code db/migration/<module>} with its own history table, so that every module
 * numbers its migrations from V1 and owns them. The order is {@code dudao.modules}: a module's tables may refer to
 * those of modules before it. A migration folder of a module missing from that list stops the start, rather than
 * being silently skipped.
 *
 * <p>When the application connects as another role than the migrations (the embedded database always; an external one
 * with {@code DUDAO_DB_MIGRATION_USER}), the owner then grants the application's role reading and writing the rows of
 * every table but the migration history, and each module takes away what its tables must not allow in
 * {@code db/privileges/<module>.sql} (the audit trail: no update but the chaining, no delete, no truncate). The role
 * owns nothing and is no superuser, so it can neither switch triggers off nor change a privilege. All of it is one
 * transaction, run at every start, so a table added by a migration is covered and a privilege taken away stays away.
 */
@Component
class ModuleMigrations implements FlywayMigrationStrategy {

    static final String APP_ROLE_PLACEHOLDER = "${app_role}";

    private final DudaoProperties properties;
    private final DataSource application;

    ModuleMigrations(DudaoProperties properties, DataSource application) {
        this.properties = properties;
        this.application = application;
    }

    @Override
    public void migrate(Flyway flyway) {
        var found = foundModules();
        var ordered = new LinkedHashSet<>(properties.modules());
        found.removeAll(ordered);
        if (!found.isEmpty()) {
            throw new IllegalStateException("Migrations found for modules not listed in dudao.modules: " + found);
        }
        for (String module : ordered) {
            Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .locations("classpath:db/migration/" + module)
                    .table("flyway_history_" + module)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
        grantApplicationRole(flyway.getConfiguration().getDataSource(), ordered);
    }

    private void grantApplicationRole(DataSource owner, Iterable<String> modules) {
        try {
            String role;
            try (var connection = application.getConnection()) {
                role = currentUser(connection);
            }
            try (var connection = owner.getConnection()) {
                if (role.equals(currentUser(connection))) {
                    return;
                }
                connection.setAutoCommit(false);
                var quoted = '"' + role.replace("\"", "\"\"") + '"';
                try (var statement = connection.createStatement()) {
                    statement.execute("grant usage on schema " + schema(connection) + " to " + quoted);
                    for (String table : tables(connection)) {
                        statement.execute("grant select, insert, update, delete on " + table + " to " + quoted);
                    }
                    statement.execute(
                            "grant usage, select on all sequences in schema " + schema(connection) + " to " + quoted);
                    for (String module : modules) {
                        var script = new ClassPathResource("db/privileges/" + module + ".sql");
                        if (script.exists()) {
                            statement.execute(script.getContentAsString(StandardCharsets.UTF_8)
                                    .replace(APP_ROLE_PLACEHOLDER, quoted));
                        }
                    }
                }
                connection.commit();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot grant the application's database role its privileges", e);
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select current_user")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String schema(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select quote_ident(current_schema())")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The tables and views of the schema, quoted, but Flyway's history: the application never writes it. */
    private static List<String> tables(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("""
                        select quote_ident(c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v')
                          and c.relname not like 'flyway\\_history\\_%'
                        order by c.relname""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static Set<String> foundModules() {
        try {
            var modules = new TreeSet<String>();
            for (var resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/V*.sql")) {
                var url = resource.getURL().toString();
                var parts = url.split("/");
                modules.add(parts[parts.length - 2]);
            }
            return modules;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list migrations", e);
        }
    }
}
