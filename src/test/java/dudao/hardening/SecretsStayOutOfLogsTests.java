package dudao.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dudao.DudaoTest;
import dudao.SignIns;
import dudao.directory.NewAccount;
import dudao.directory.Role;
import dudao.directory.StaffAccounts;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A whole journey — a sign-in with a password, an API token, a public tip with the reporter's name and phone from a
 * known address, the reporter's receipt lookup, the reveal of the reporter's identity, the enrolment of a second
 * factor — with Dudao's own logging at DEBUG; afterwards neither the application log nor the details of the audit
 * entries written meanwhile contain the password, the token, the receipt code, the reporter's name or phone, the
 * tipster's address or the TOTP secret.
 */
@DudaoTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    LoggingSystem logging;

    @BeforeEach
    void verbose() {
        logging.setLogLevel("dudao", LogLevel.DEBUG);
        logging.setLogLevel("org.springframework.security", LogLevel.DEBUG);
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
    }

    @AfterEach
    void quiet() {
        logging.setLogLevel("dudao", LogLevel.INFO);
        logging.setLogLevel("org.springframework.security", null);
        logging.setLogLevel("org.springframework.web", null);
    }

    @Test
    void noSecretOrReporterIdentityReachesTheLogOrTheAuditTrail(CapturedOutput output) throws Exception {
        var started = Instant.now().minusSeconds(1);
        var secrets = new ArrayList<String>();
        secrets.add(SignIns.DEMO_PASSWORD);

        // A person signs in with a password; an integration takes a token.
        SignIns.session(mvc, "city");
        var token = SignIns.token(mvc, "city");
        secrets.add(token);

        // A tipster sends a tip with name and phone from a known address, then looks it up with the receipt code.
        var name = "令狐冲天" + (System.nanoTime() % 1000);
        var phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        var address = "203.0.113.77";
        secrets.add(name);
        secrets.add(phone);
        secrets.add(address);
        var created = mvc.perform(post("/api/v1/public/tips")
                        .with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        })
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"500116\",\"reporter\":{\"name\":\"" + name + "\",\"phone\":\"" + phone
                                + "\"},\"reported\":[{\"name\":\"不清楚\"}],\"activity\":{\"category\":"
                                + "\"MARKET_BULLYING\",\"place\":\"几江街道\",\"time\":\"上周\",\"description\":"
                                + "\"日志检查：有人强收保护费。\"}}"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        var body = created.getContentAsString(StandardCharsets.UTF_8);
        var receipt = field(body, "receiptCode");
        var serial = field(body, "serial");
        secrets.add(receipt);
        var lookup = mvc.perform(post("/api/v1/public/tips/lookup")
                        .with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"" + receipt + "\"}"))
                .andReturn()
                .getResponse();
        assertThat(lookup.getStatus()).isEqualTo(200);

        // The city office reveals the reporter's identity, with a reason.
        var clue = jdbc.sql("select id from clue where serial = ?")
                .param(serial)
                .query(Long.class)
                .single();
        var revealed = mvc.perform(post("/api/v1/clues/" + clue + "/reveal-identity")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"需回访举报人核实细节\"}"))
                .andReturn()
                .getResponse();
        assertThat(revealed.getStatus()).isEqualTo(200);
        assertThat(revealed.getContentAsString(StandardCharsets.UTF_8)).contains(name);

        // A new account signs in with its temporary password and is shown a TOTP secret to enrol.
        var city = accounts.principal("city").orElseThrow();
        var username = "secrets" + (System.nanoTime() % 1_000_000);
        var account = accounts.create(new NewAccount(username, "日志检查员", Role.DISTRICT_OFFICE, "500116", null), city);
        secrets.add(account.temporaryPassword());
        var signIn = mvc.perform(formLogin("/login").user(username).password(account.temporaryPassword()))
                .andReturn();
        var session = (MockHttpSession) signIn.getRequest().getSession(false);
        var page = mvc.perform(get("/login/second-factor").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var secret = Pattern.compile("secret=([A-Z2-7]{16,})").matcher(page);
        assertThat(secret.find()).as("the enrolment page shows a TOTP secret").isTrue();
        secrets.add(secret.group(1));

        // The audit trail chains entries right after their transactions commit: wait for the reveal's entry.
        for (int i = 0;
                i < 50
                        && jdbc.sql(
                                                "select count(*) from audit_entry where action = 'reveal-identity' and object_id = ?")
                                        .param(String.valueOf(clue))
                                        .query(Long.class)
                                        .single()
                                == 0;
                i++) {
            Thread.sleep(100);
        }
        var details = jdbc.sql("select coalesce(string_agg(coalesce(details, '') || ' ' || coalesce(object_id, ''),"
                        + " ' '), '') from audit_entry where at >= ?")
                .param(Timestamp.from(started))
                .query(String.class)
                .single();
        var log = applicationLog(output.getAll());
        assertThat(log).contains("POST /api/v1/public/tips");
        for (var secretValue : secrets) {
            assertThat(log).as("the log").doesNotContain(secretValue);
            assertThat(details).as("the audit trail's details").doesNotContain(secretValue);
        }
    }

    /**
     * What the application logged: every event from its timestamped first line to the next one, without what MockMvc
     * prints about the test's own requests, and without the demo's start banner (which shows the demo password on
     * purpose: it is public, and Dudao refuses to start with it outside the demo).
     */
    static String applicationLog(String captured) {
        var out = new StringBuilder();
        boolean keep = false;
        for (var line : captured.split("\n")) {
            if (line.matches("^\\d{4}-\\d\\d-\\d\\dT.*")) {
                keep = !line.contains("is ready") && !line.contains("Demo accounts");
            } else if (line.startsWith("MockHttpServlet") || line.strip().startsWith("Demo accounts")) {
                keep = false;
            }
            if (keep) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    static String field(String json, String name) {
        var m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
