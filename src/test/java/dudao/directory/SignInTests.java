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
import java.time.Instant;
import java.util.UUID;
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
        var before = new MockHttpSession();
        var beforeId = before.getId();
        var result = mvc.perform(formLogin("/login").user("city").password(SignIns.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        var after = result.getRequest().getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(beforeId);
        mvc.perform(get("/").session((MockHttpSession) after))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("市扫黑办 王敏")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("双因素认证未启用")));
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
    void asksForTheSecondFactorOfEveryAccountButTheDemoOnes() throws Exception {
        var created = newAccount();
        var result = mvc.perform(formLogin("/login").user(created.username).password(created.password))
                .andExpect(redirectedUrl("/login/second-factor"))
                .andReturn();
        var session = (MockHttpSession) result.getRequest().getSession(false);

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

        var code = Totp.code(secret, Totp.step(Instant.now()));
        var verified = mvc.perform(post("/login/second-factor")
                        .session(session)
                        .with(csrf())
                        .param("code", code))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        var full = (MockHttpSession) verified.getRequest().getSession(false);
        mvc.perform(get("/").session(full)).andExpect(status().isOk());
        assertThat(signIn.load(created.username).orElseThrow().totpSecret()).isEqualTo(secret);
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
