package dudao.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.SignIns;
import dudao.audit.AuditFilter;
import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.platform.Paged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@DudaoTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Test
    void showsTheLoginPageInChineseWithSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("登录")))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline"))))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("X-Request-Id"));
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void signsInADemoAccountWithAFreshSessionId() throws Exception {
        var page = loginPage();
        var before = page.session().getId();
        var result = mvc.perform(signInForm(page, "city", SignIns.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        var after = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(before);
        mvc.perform(get("/").session(after))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("市扫黑办 王敏")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("双因素认证未启用")));
    }

    /** The login page's session (it holds the form's CSRF token), kept as a browser keeps it, and the token. */
    record LoginPage(MockHttpSession session, String csrfToken) {}

    LoginPage loginPage() throws Exception {
        var page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        var session = (MockHttpSession) page.getRequest().getSession(false);
        assertThat(session).as("the login page's session").isNotNull();
        var token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.getResponse().getContentAsString());
        assertThat(token.find()).as("the login form's CSRF token").isTrue();
        return new LoginPage(session, token.group(1));
    }

    /** The login form as the page sends it: in the page's session, with the page's CSRF token. */
    static org.springframework.test.web.servlet.RequestBuilder signInForm(
            LoginPage page, String username, String password) {
        return post("/login")
                .session(page.session())
                .param("username", username)
                .param("password", password)
                .param("_csrf", page.csrfToken());
    }

    @Test
    void failsTheSameWayForAnUnknownUserAndAWrongPassword() throws Exception {
        mvc.perform(formLogin("/login")
                        .user("nobody-" + UUID.randomUUID().toString().substring(0, 8))
                        .password("x"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("leader").password("wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码错误")));
        jdbc.sql("update staff set failed_sign_ins = 0 where username = 'leader'")
                .update();
    }

    @Test
    void locksAnAccountAfterFiveFailuresEvenAgainstTheRightPassword() throws Exception {
        var created = newAccount();
        for (int i = 0; i < SignIn.MAX_FAILURES; i++) {
            mvc.perform(formLogin("/login").user(created.username).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(created.username).password(created.password))
                .andExpect(redirectedUrl("/login?error"));
        var row = signIn.load(created.username).orElseThrow();
        assertThat(row.lockedUntil()).isAfter(Instant.now());
    }

    @Test
    void asksForTheSecondFactorOfEveryAccountButTheDemoOnesWithAFreshSessionIdAtEachStep() throws Exception {
        var created = newAccount();
        var login = loginPage();
        var anonymousId = login.session().getId();
        var result = mvc.perform(signInForm(login, created.username, created.password))
                .andExpect(redirectedUrl("/login/second-factor"))
                .andReturn();
        var session = (MockHttpSession) result.getRequest().getSession(false);
        var pendingId = session.getId();
        assertThat(pendingId).isNotEqualTo(anonymousId);

        mvc.perform(get("/").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());

        var page = mvc.perform(get("/login/second-factor").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var secret = page.replaceAll("(?s).*<code class=\"secret\">([A-Z2-7]+)</code>.*", "$1");
        assertThat(secret).matches("[A-Z2-7]{32}");

        mvc.perform(post("/login/second-factor").session(session).with(csrf()).param("code", "000000"))
                .andExpect(redirectedUrl("/login/second-factor?error"));
        assertThat(enrolments(created.username)).isZero();

        var code = Totp.code(secret, Totp.step(Instant.now()));
        var verified = mvc.perform(post("/login/second-factor")
                        .session(session)
                        .with(csrf())
                        .param("code", code))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        var full = (MockHttpSession) verified.getRequest().getSession(false);
        assertThat(full.getId()).isNotIn(anonymousId, pendingId);
        mvc.perform(get("/").session(full)).andExpect(status().isOk());
        assertThat(signIn.load(created.username).orElseThrow().totpSecret()).isEqualTo(secret);
        assertThat(enrolments(created.username)).isOne();
    }

    @Test
    void theTrailRecordsEnrollingAnAuthenticatorAsTheAccountsOwnChange() {
        var created = newAccount();
        var row = signIn.load(created.username).orElseThrow();
        var secret = Totp.newSecret();
        signIn.enrol(row, secret);
        signIn.enrol(row, Totp.newSecret());
        assertThat(signIn.load(created.username).orElseThrow().totpSecret()).isEqualTo(secret);
        var entries = audit.find(
                new AuditFilter(null, "SECOND_FACTOR_ENROL", "account", created.username, null, null),
                Paged.Request.of(0, 10));
        assertThat(entries.items()).hasSize(1);
        assertThat(entries.items().get(0).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    long enrolments(String username) {
        return audit.find(
                        new AuditFilter(username, "SECOND_FACTOR_ENROL", "account", username, null, null),
                        Paged.Request.of(0, 10))
                .total();
    }

    @Test
    void countsEveryOneOfManyWrongPasswordsTriedAtOnceAndLocks() throws Exception {
        var created = newAccount();
        int attempts = 2 * SignIn.MAX_FAILURES;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(attempts);
        try {
            var results = new ArrayList<Future<Optional<AccountRow>>>();
            for (int i = 0; i < attempts; i++) {
                var password = "wrong-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return signIn.checkPassword(created.username, password, "test");
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        var row = signIn.load(created.username).orElseThrow();
        assertThat(row.lockedUntil()).isAfter(Instant.now());
        var trail = audit.find(
                        new AuditFilter(created.username, "SIGN_IN", "account", created.username, null, null),
                        Paged.Request.of(0, 100))
                .items();
        long failures =
                trail.stream().filter(e -> e.outcome() == Outcome.FAILURE).count();
        long refusedAsLocked =
                trail.stream().filter(e -> e.outcome() == Outcome.DENIED).count();
        // Every wrong password checked against the unlocked account counted; the rest found it locked already.
        assertThat(failures + refusedAsLocked).isEqualTo(attempts);
        assertThat(row.failedSignIns()).isEqualTo(failures).isGreaterThanOrEqualTo(SignIn.MAX_FAILURES);
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() throws Exception {
        var session = SignIns.session(mvc, "city");
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts").session(session).param("username", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        var session = SignIns.session(mvc, "city");
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(session.isInvalid()).isTrue();
    }

    record NewlyCreated(String username, String password) {}

    NewlyCreated newAccount() {
        var city = signIn.load("city").orElseThrow().toStaff();
        var username = "t-" + UUID.randomUUID().toString().substring(0, 12);
        var created = accounts.create(new NewAccount(username, "测试人员", Role.GROUP_MEMBER, "500116", null), city);
        return new NewlyCreated(username, created.temporaryPassword());
    }
}
