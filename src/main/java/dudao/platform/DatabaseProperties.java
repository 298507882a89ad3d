package dudao.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The role migrations run as on an external database. It owns the tables; the application connects as
 * {@code spring.datasource.username} and gets from {@link ModuleMigrations} only the privileges it needs. Empty: the
 * migrations run as the application's own role (which then owns the tables and is protected by triggers only).
 *
 * @param migrationUser the owner role ({@code DUDAO_DB_MIGRATION_USER})
 * @param migrationPassword its password ({@code DUDAO_DB_MIGRATION_PASSWORD})
 */
@ConfigurationProperties("dudao.db")
record DatabaseProperties(String migrationUser, String migrationPassword) {}
