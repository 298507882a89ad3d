package dudao.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An external database whose tables belong to a migration role other than the application's: Flyway connects as that
 * owner (to the application's database URL), the application as its own role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${dudao.db.migration-user:}'.isBlank()")
class MigrationOwnerConfiguration {

    @Bean
    FlywayConnectionDetails flywayConnectionDetails(DatabaseProperties properties) {
        return new FlywayConnectionDetails() {

            @Override
            public String getJdbcUrl() {
                // None of its own: the connection is derived from the application's DataSource, with the owner's name.
                return null;
            }

            @Override
            public String getUsername() {
                return properties.migrationUser();
            }

            @Override
            public String getPassword() {
                return properties.migrationPassword();
            }
        };
    }
}
