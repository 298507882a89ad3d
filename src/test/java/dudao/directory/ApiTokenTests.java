package dudao.directory;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.SignIns;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@DudaoTest
class ApiTokenTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesATokenThatCarriesThePersonsRoleAndJurisdiction() throws Exception {
        mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"jiangjin\",\"password\":\"" + SignIns.DEMO_PASSWORD + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").isString())
                .andExpect(jsonPath("$.expiresAt").isString());
        mvc.perform(get("/api/v1/me").with(SignIns.bearer(mvc, "jiangjin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("DISTRICT_OFFICE"))
                .andExpect(jsonPath("$.region").value("500116"));
    }

    @Test
    void answersEveryFailedSignInWithTheSameGeneric401() throws Exception {
        for (var body : new String[] {
            "{\"username\":\"leader\",\"password\":\"wrong\"}", "{\"username\":\"no-such-user\",\"password\":\"wrong\"}"
        }) {
            mvc.perform(post("/api/v1/tokens")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.error").value("signIn.failed"));
        }
        jdbc.sql("update staff set failed_sign_ins = 0 where username = 'leader'")
                .update();
    }

    @Test
    void requiresTheSecondFactorOfNonDemoAccounts() throws Exception {
        var city = signIn.load("city").orElseThrow().toStaff();
        var username = "api-" + UUID.randomUUID().toString().substring(0, 12);
        var created = accounts.create(new NewAccount(username, "接口账号", Role.CITY_OFFICE, "500000", null), city);
        var secret = Totp.newSecret();
        jdbc.sql("update staff set totp_secret = ? where username = ?")
                .params(secret, username)
                .update();

        var without = "{\"username\":\"" + username + "\",\"password\":\"" + created.temporaryPassword() + "\"}";
        mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(without))
                .andExpect(status().isUnauthorized());

        var code = Totp.code(secret, Totp.step(Instant.now()));
        var with = without.replace("}", ",\"totp\":\"" + code + "\"}");
        mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(with))
                .andExpect(status().isCreated());
    }

    @Test
    void aDisabledAccountsTokenStopsWorking() throws Exception {
        var city = signIn.load("city").orElseThrow().toStaff();
        var username = "off-" + UUID.randomUUID().toString().substring(0, 12);
        accounts.createWithPassword(
                new NewAccount(username, "将停用", Role.LEADER, "500000", null), SignIns.DEMO_PASSWORD, true);
        var bearer = SignIns.bearer(mvc, username);
        mvc.perform(get("/api/v1/me").with(bearer)).andExpect(status().isOk());

        var id = accounts.find(
                        new AccountFilter(username, null, null, null),
                        city.jurisdiction(),
                        dudao.platform.Paged.Request.of(0, 10))
                .items()
                .get(0)
                .id();
        accounts.disable(id, city);
        mvc.perform(get("/api/v1/me").with(bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesAMadeUpToken() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer made-up"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("请先登录或提供有效的访问令牌。"));
    }
}
