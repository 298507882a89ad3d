/**
 * What every module stands on and nothing more: the database (embedded PostgreSQL for the two-command start,
 * external by configuration) and its per-module migrations, the HTTP security chains, locale and message bundles,
 * the error pages and JSON errors, request ids, and the exception types through which a module refuses bad input
 * or a forbidden transition; and the two document shapes several modules write, an Excel list that streams and
 * neutralises formula cells ({@code Spreadsheets}) and a Chinese official document in Word laid out by GB/T 9704
 * ({@code OfficialDocument}). It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dudao.platform;
