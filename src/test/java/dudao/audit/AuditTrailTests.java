package dudao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DatabaseOwner;
import dudao.DudaoTest;
import dudao.SignIns;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trail is append-only and any change made behind the application's back shows. Tampering needs the owner of the
 * table (or a superuser), who can switch the triggers off; the application's own role cannot. Each tampering test puts
 * the row back afterwards.
 */
@DudaoTest
class AuditTrailTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Autowired
    Flyway flyway;

    @Autowired
    JsonMapper json;

    @Test
    void holdsOneUnbrokenChainUnderConcurrentAppends() throws Exception {
        long before = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        var pool = Executors.newFixedThreadPool(8);
        var tasks = new ArrayList<Callable<Void>>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < 10; i++) {
                    trail.record("TEST_APPEND", "test", thread + "-" + i, Outcome.SUCCESS, null);
                }
                return null;
            });
        }
        for (var future : pool.invokeAll(tasks)) {
            future.get();
        }
        pool.shutdown();
        trail.chainPending();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class))
                .isEqualTo(before + 80);
        var verification = trail.verify();
        assertThat(verification.ok()).isTrue();
        assertThat(verification.firstBrokenSeq()).isNull();
    }

    @Test
    void findsAnEntryChangedDirectlyInSql() throws Exception {
        var auditor = SignIns.bearer(mvc, "auditor");
        long seq = appendSome();
        var original = jdbc.queryForMap("select details from audit_entry where seq = ?", seq);
        try {
            asOwner("update audit_entry set details = 'nothing happened' where seq = " + seq);
            var verification = trail.verify();
            assertThat(verification.ok()).isFalse();
            assertThat(verification.firstBrokenSeq()).isEqualTo(seq);
            assertTheApiReportsBrokenAt(auditor, seq);
        } finally {
            asOwner("update audit_entry set details = '" + original.get("details") + "' where seq = " + seq);
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void findsAnEntryDeletedDirectlyInSql() throws Exception {
        var auditor = SignIns.bearer(mvc, "auditor");
        long seq = appendSome() - 1;
        var row = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
        try {
            asOwner("delete from audit_entry where seq = " + seq);
            assertThat(trail.verify().firstBrokenSeq()).isEqualTo(seq);
            assertTheApiReportsBrokenAt(auditor, seq);
        } finally {
            restore(row);
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void findsTheNewestEntryDeletedDirectlyInSql() throws Exception {
        var auditor = SignIns.bearer(mvc, "auditor");
        long seq = appendSome();
        var row = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
        try {
            asOwner("delete from audit_entry where seq = " + seq);
            assertThat(trail.verify().firstBrokenSeq()).isEqualTo(seq);
            assertTheApiReportsBrokenAt(auditor, seq);
        } finally {
            restore(row);
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    void assertTheApiReportsBrokenAt(RequestPostProcessor auditor, long seq) throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.firstBrokenSeq").value(seq));
    }

    @Test
    void chainsAnEntryAfterItsTransactionCommitsAndKeepsNoneOfARollback() {
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        long before = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        try {
            transactions.executeWithoutResult(status -> {
                trail.record("TEST_ROLLBACK", "test", "r", Outcome.SUCCESS, null);
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // the change and its entry are gone together
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class))
                .isEqualTo(before);
        transactions.executeWithoutResult(status -> trail.record("TEST_COMMIT", "test", "c", Outcome.SUCCESS, null));
        trail.chainPending();
        assertThat(jdbc.queryForObject(
                        "select seq is not null and mac is not null from audit_entry where action = 'TEST_COMMIT'"
                                + " order by id desc limit 1",
                        Boolean.class))
                .isTrue();
        assertThat(trail.verify().pending()).isZero();
    }

    @Test
    void chainsWhatACrashLeftUnchained() {
        jdbc.update("insert into audit_entry (at, actor, action, outcome) values (now(), 'system', 'TEST_ORPHAN',"
                + " 'SUCCESS')");
        var verification = trail.verify();
        assertThat(verification.pending()).isZero();
        assertThat(verification.ok()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'TEST_ORPHAN' and seq is null", Long.class))
                .isZero();
    }

    @Test
    void anEntryCanBeChainedOnceAndNeverRewritten() {
        long seq = appendSome();
        assertThatThrownBy(() -> jdbc.update("update audit_entry set seq = seq, mac = mac where seq = ?", seq))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        jdbc.update(
                "insert into audit_entry (at, actor, action, outcome) values (now(), 'system', 'TEST_PENDING', 'SUCCESS')");
        assertRefused(() ->
                jdbc.update("update audit_entry set details = 'forged' where action = 'TEST_PENDING' and seq is null"));
        trail.chainPending();
    }

    /** The triggers refuse it whoever asks; the application's own role has no privilege to ask in the first place. */
    @Test
    void theApplicationsConnectionCannotChangeOrRemoveEntries() {
        long seq = appendSome();
        long count = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        assertRefused(() -> jdbc.update("update audit_entry set actor = 'x' where seq = ?", seq));
        assertRefused(() -> jdbc.update("delete from audit_entry where seq = ?", seq));
        assertRefused(() -> jdbc.execute("truncate audit_entry"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class))
                .isEqualTo(count);
        assertThat(jdbc.queryForObject("select actor from audit_entry where seq = ?", String.class, seq))
                .isNotEqualTo("x");
    }

    /**
     * Where the application connects as its own role (the embedded database: {@code dudao_app}; an external one with
     * {@code DUDAO_DB_MIGRATION_USER}), that role can neither change the trail nor switch the triggers off. On CI's
     * external database both are {@code postgres}, a superuser: there only the triggers apply, and this test is skipped.
     */
    @Test
    void theApplicationsRoleCannotSwitchTheTriggersOffOrTouchEntries() {
        boolean separate = DatabaseOwner.separateFromApplication(flyway, jdbc);
        if (!Boolean.getBoolean("dudao.test.external")) {
            assertThat(separate)
                    .as("the embedded database gives the application its own role")
                    .isTrue();
        }
        assumeTrue(separate, "the application connects as the owner of the tables: only the triggers protect them");
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
        long seq = appendSome();
        long count = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        var denied = "permission denied";
        assertRefused(() -> jdbc.update("update audit_entry set details = 'forged' where seq = ?", seq), denied);
        assertRefused(() -> jdbc.update("delete from audit_entry where seq = ?", seq), denied);
        assertRefused(() -> jdbc.execute("truncate audit_entry"), denied);
        assertRefused(() -> jdbc.execute("delete from audit_head"), denied);
        assertRefused(() -> jdbc.execute("set session_replication_role = replica"), denied);
        assertRefused(() -> jdbc.execute("alter table audit_entry disable trigger user"), "must be owner");
        assertThat(jdbc.queryForObject("select has_table_privilege('audit_entry', 'UPDATE')", Boolean.class))
                .as("only the chaining columns may be updated")
                .isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class))
                .isEqualTo(count);
        assertThat(trail.verify().ok()).isTrue();
    }

    /** Refused by the trigger, or (where the application has its own role) already for want of the privilege. */
    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable change) {
        assertRefused(change, "append-only", "permission denied");
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable change, String... reasons) {
        assertThatThrownBy(change)
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(
                                ((DataAccessException) e).getMostSpecificCause().getMessage())
                        .containsAnyOf(reasons));
    }

    @Test
    void auditorsVerifyTheChainThroughTheApiAndDistrictsCannot() throws Exception {
        appendSome();
        mvc.perform(get("/api/v1/audit/verify").with(SignIns.bearer(mvc, "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checked").isNumber())
                .andExpect(jsonPath("$.pending").value(0));
        var body = json.readValue(
                mvc.perform(get("/api/v1/audit/verify").with(SignIns.bearer(mvc, "city")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                Map.class);
        assertThat(body).containsKeys("ok", "checked", "firstBrokenSeq").containsEntry("ok", true);
        assertThat(body.get("firstBrokenSeq")).isNull();
        mvc.perform(get("/api/v1/audit/verify").with(SignIns.bearer(mvc, "jiangjin")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAuditorsPagerKeepsTheFilter() throws Exception {
        var object = java.util.UUID.randomUUID().toString();
        for (int i = 0; i <= 100; i++) {
            trail.record("TEST_PAGER", "pager-test", object, Outcome.SUCCESS, "entry " + i);
        }
        var session = SignIns.session(mvc, "auditor");
        var first = mvc.perform(get("/audit")
                        .param("objectType", "pager-test")
                        .param("objectId", object)
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(first).contains("name=\"objectId\"").contains("value=\"" + object + "\"");
        var next = Pattern.compile("<nav class=\"pager\".*?<a href=\"([^\"]*page=1[^\"]*)\"", Pattern.DOTALL)
                .matcher(first);
        assertThat(next.find()).as("a link to the second page").isTrue();
        var href = next.group(1).replace("&amp;", "&");
        assertThat(href).startsWith("/audit?").contains("objectType=pager-test", "objectId=" + object, "page=1");
        var second = mvc.perform(get(java.net.URI.create(href)).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second).contains("value=\"" + object + "\"");
        var rows = Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(second);
        assertThat(rows.find()).isTrue();
        assertThat(rows.group(1).split("<tr>", -1))
                .as("one entry left for the second page")
                .hasSize(2);
        assertThat(rows.group(1)).contains("pager-test " + object);
    }

    @Test
    void recordsSignInsWithTheirOutcome() throws Exception {
        SignIns.token(mvc, "auditor");
        var entries = trail.find(
                new AuditFilter("auditor", "SIGN_IN", null, null, null, null), dudao.platform.Paged.Request.of(0, 5));
        assertThat(entries.items()).isNotEmpty();
        assertThat(entries.items().get(0).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(entries.items().get(0).requestId()).isNotBlank();
    }

    /** Appends three entries, chains them, and returns the newest seq. */
    long appendSome() {
        for (int i = 0; i < 3; i++) {
            trail.record("TEST_APPEND", "test", "x" + i, Outcome.SUCCESS, "entry " + i);
        }
        trail.chainPending();
        return jdbc.queryForObject("select max(seq) from audit_entry", Long.class);
    }

    /**
     * Runs the statement as the owner of the table with its triggers switched off for one transaction, which the
     * owner may do (and a superuser), but not the application's own role.
     */
    void asOwner(String sql) {
        DatabaseOwner.jdbc(flyway).execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("alter table audit_entry disable trigger user");
                statement.execute(sql);
                statement.execute("alter table audit_entry enable trigger user");
                connection.commit();
            } catch (java.sql.SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }

    void restore(Map<String, Object> row) {
        DatabaseOwner.jdbc(flyway).execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (var insert = connection.prepareStatement(
                    "insert into audit_entry (seq, at, actor, role, region, action,"
                            + " object_type, object_id, outcome, request_id, details, mac) values (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                for (var column : new String[] {
                    "seq",
                    "at",
                    "actor",
                    "role",
                    "region",
                    "action",
                    "object_type",
                    "object_id",
                    "outcome",
                    "request_id",
                    "details",
                    "mac"
                }) {
                    insert.setObject(i++, row.get(column));
                }
                insert.executeUpdate();
            }
            return null;
        });
    }
}
