package dudao.platform;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Runs each module's migrations from {@code db/migration/<module>} with its own history table, so that every module
 * numbers its migrations from V1 and owns them. The order is {@code dudao.modules}: a module's tables may refer to
 * those of modules before it. A migration folder of a module missing from that list stops the start, rather than
 * being silently skipped.
 */
@Component
class ModuleMigrations implements FlywayMigrationStrategy {

    private final DudaoProperties properties;

    ModuleMigrations(DudaoProperties properties) {
        this.properties = properties;
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
