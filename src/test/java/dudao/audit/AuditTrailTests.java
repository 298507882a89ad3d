package dudao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.SignIns;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The trail is append-only and any change made behind the application's back shows. Tampering needs a superuser who
 * switches the triggers off ({@code session_replication_role = replica}); each test puts the row back afterwards.
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
    void findsAnEntryChangedDirectlyInSql() {
        long seq = appendSome();
        var original = jdbc.queryForMap("select details from audit_entry where seq = ?", seq);
        try {
            asSuperuser("update audit_entry set details = 'nothing happened' where seq = " + seq);
            var verification = trail.verify();
            assertThat(verification.ok()).isFalse();
            assertThat(verification.firstBrokenSeq()).isEqualTo(seq);
        } finally {
            asSuperuser("update audit_entry set details = '" + original.get("details") + "' where seq = " + seq);
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void findsAnEntryDeletedDirectlyInSql() {
        long seq = appendSome() - 1;
        var row = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
        try {
            asSuperuser("delete from audit_entry where seq = " + seq);
            assertThat(trail.verify().firstBrokenSeq()).isEqualTo(seq);
        } finally {
            restore(row);
        }
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void findsTheNewestEntryDeletedDirectlyInSql() {
        long seq = appendSome();
        var row = jdbc.queryForMap("select * from audit_entry where seq = ?", seq);
        try {
            asSuperuser("delete from audit_entry where seq = " + seq);
            assertThat(trail.verify().firstBrokenSeq()).isEqualTo(seq);
        } finally {
            restore(row);
        }
        assertThat(trail.verify().ok()).isTrue();
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
        assertThatThrownBy(() -> jdbc.update(
                        "update audit_entry set details = 'forged' where action = 'TEST_PENDING' and seq is null"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        trail.chainPending();
    }

    @Test
    void theApplicationsConnectionCannotChangeOrRemoveEntries() {
        long seq = appendSome();
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'x' where seq = ?", seq))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = ?", seq))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void auditorsVerifyTheChainThroughTheApiAndDistrictsCannot() throws Exception {
        appendSome();
        mvc.perform(get("/api/v1/audit/verify").with(SignIns.bearer(mvc, "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checked").isNumber())
                .andExpect(jsonPath("$.firstBrokenSeq").doesNotExist())
                .andExpect(jsonPath("$.pending").value(0));
        mvc.perform(get("/api/v1/audit/verify").with(SignIns.bearer(mvc, "jiangjin")))
                .andExpect(status().isForbidden());
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

    void asSuperuser(String sql) {
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
                statement.execute(sql);
                statement.execute("set session_replication_role = origin");
            }
            return null;
        });
    }

    void restore(Map<String, Object> row) {
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
            }
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
            try (var statement = connection.createStatement()) {
                statement.execute("set session_replication_role = origin");
            }
            return null;
        });
    }
}
