/**
 * What every module stands on and nothing more: the database (embedded PostgreSQL for the two-command start,
 * external by configuration) and its per-module migrations, the HTTP security chains, locale and message bundles,
 * the error pages and JSON errors, request ids, and the exception types through which a module refuses bad input
 * or a forbidden transition. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dudao.platform;
