package dudao.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.SignIns;
import dudao.audit.AuditFilter;
import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.platform.Paged;
import dudao.platform.StaleRecord;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@DudaoTest
class StaffAccountsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    SignIn signIn;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    Staff city() {
        return signIn.load("city").orElseThrow().toStaff();
    }

    @Test
    void theCityOfficeCreatesAnAccountThroughThePageAndTheTrailRecordsIt() throws Exception {
        var username = "new-" + UUID.randomUUID().toString().substring(0, 8);
        var session = SignIns.session(mvc, "city");
        var location = mvc.perform(post("/admin/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "新成员")
                        .param("role", "GROUP_MEMBER")
                        .param("region", "500113"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/admin/accounts/");
        mvc.perform(get(location).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("临时密码只显示这一次")));
        var entries = audit.find(
                new AuditFilter("city", "ACCOUNT_CREATE", "account", username, null, null), Paged.Request.of(0, 10));
        assertThat(entries.items()).hasSize(1);
        assertThat(entries.items().get(0).details()).contains("GROUP_MEMBER", "500113");
    }

    @Test
    void theCityOfficeDisablesEnablesResetsAndMovesAnAccountThroughItsPageAndTheTrailRecordsEach() throws Exception {
        var username = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        var id = accounts.create(new NewAccount(username, "管理测试", Role.DISTRICT_OFFICE, "500116", null), city())
                .id();
        var session = SignIns.session(mvc, "city");
        var page = "/admin/accounts/" + id.value();

        mvc.perform(post(page + "/disable").session(session).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", "account.disabled"));
        assertThat(account(id).enabled()).isFalse();
        assertThat(signIn.checkPassword(username, "whatever", "test")).isEmpty();

        mvc.perform(post(page + "/enable").session(session).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", "account.enabled"));
        assertThat(account(id).enabled()).isTrue();

        var reset = mvc.perform(post(page + "/reset").session(session).with(csrf()))
                .andExpect(redirectedUrl(page))
                .andReturn();
        var temporaryPassword = (String) reset.getFlashMap().get("temporaryPassword");
        assertThat(signIn.checkPassword(username, temporaryPassword, "test")).isPresent();

        mvc.perform(post(page)
                        .session(session)
                        .with(csrf())
                        .param("role", "GROUP_LEADER")
                        .param("region", "500113")
                        .param("version", String.valueOf(account(id).version())))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", "account.changed"));
        assertThat(account(id).role()).isEqualTo(Role.GROUP_LEADER);
        assertThat(account(id).region().value()).isEqualTo("500113");

        for (var action : List.of("ACCOUNT_DISABLE", "ACCOUNT_ENABLE", "ACCOUNT_RESET", "ACCOUNT_CHANGE")) {
            var entries = audit.find(
                    new AuditFilter("city", action, "account", username, null, null), Paged.Request.of(0, 10));
            assertThat(entries.items()).as(action).hasSize(1);
            assertThat(entries.items().get(0).outcome()).as(action).isEqualTo(Outcome.SUCCESS);
        }
        var change = audit.find(
                        new AuditFilter("city", "ACCOUNT_CHANGE", "account", username, null, null),
                        Paged.Request.of(0, 10))
                .items()
                .get(0);
        assertThat(change.details()).contains("DISTRICT_OFFICE→GROUP_LEADER", "500116→500113");
        assertThat(change.role()).isEqualTo("CITY_OFFICE");
    }

    @Test
    void refusesACityLevelRoleOutsideTheCityAndChangesNothing() throws Exception {
        long before = count();
        var session = SignIns.session(mvc, "city");
        for (var role : List.of(Role.CITY_OFFICE, Role.LEADER, Role.DISCIPLINE, Role.AUDITOR)) {
            mvc.perform(post("/admin/accounts")
                            .session(session)
                            .with(csrf())
                            .param(
                                    "username",
                                    "cl-" + UUID.randomUUID().toString().substring(0, 8))
                            .param("displayName", "市级角色")
                            .param("role", role.name())
                            .param("region", "500116"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("只能设在市级（重庆市）")));
        }
        mvc.perform(post("/api/v1/staff")
                        .with(SignIns.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"username\":\"cl-api\",\"displayName\":\"审计\",\"role\":\"AUDITOR\","
                                + "\"region\":\"500116\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("region"))
                .andExpect(jsonPath("$.fields[0].message")
                        .value(org.hamcrest.Matchers.containsString("belong to the city level")));
        assertThat(count()).isEqualTo(before);

        var id = accounts.create(
                        new NewAccount(
                                "cl-" + UUID.randomUUID().toString().substring(0, 8),
                                "区级",
                                Role.DISTRICT_OFFICE,
                                "500116",
                                null),
                        city())
                .id();
        var unchanged = account(id);
        mvc.perform(post("/admin/accounts/" + id.value())
                        .session(session)
                        .with(csrf())
                        .param("role", "AUDITOR")
                        .param("region", "500116")
                        .param("version", String.valueOf(unchanged.version())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("只能设在市级（重庆市）")));
        assertThat(account(id)).isEqualTo(unchanged);
        assertThat(audit.find(
                                new AuditFilter(null, "ACCOUNT_CHANGE", "account", unchanged.username(), null, null),
                                Paged.Request.of(0, 10))
                        .items())
                .isEmpty();

        // the same role at the city level is a change like any other
        accounts.change(id, new AccountChange(Role.AUDITOR, "500000", null, unchanged.version()), city());
        assertThat(account(id).role()).isEqualTo(Role.AUDITOR);
    }

    Account account(StaffId id) {
        return accounts.require(id, city().jurisdiction());
    }

    @Test
    void theCityOfficeSetsAWorkEmailWhereDeadlinesAreMailedAndABadAddressChangesNothing() throws Exception {
        var account = accounts.create(
                        new NewAccount(
                                "mail-" + UUID.randomUUID().toString().substring(0, 8),
                                "邮箱测试",
                                Role.DISTRICT_OFFICE,
                                "500116",
                                null),
                        city())
                .id();
        var session = SignIns.session(mvc, "city");
        mvc.perform(post("/admin/accounts/" + account.value() + "/email")
                        .session(session)
                        .with(csrf())
                        .param("email", " zhou.li@jiangjin.example "))
                .andExpect(status().is3xxRedirection());
        assertThat(email(account)).isEqualTo("zhou.li@jiangjin.example");
        mvc.perform(get("/admin/accounts/" + account.value()).session(session))
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("value=\"zhou.li@jiangjin.example\"")));

        mvc.perform(post("/admin/accounts/" + account.value() + "/email")
                        .session(session)
                        .with(csrf())
                        .param("email", "不是邮箱"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("邮箱地址格式不正确")));
        assertThat(email(account)).isEqualTo("zhou.li@jiangjin.example");

        // a district office may not set anybody's address
        mvc.perform(post("/admin/accounts/" + account.value() + "/email")
                        .session(SignIns.session(mvc, "jiangjin"))
                        .with(csrf())
                        .param("email", "x@y.example"))
                .andExpect(status().isForbidden());

        mvc.perform(post("/admin/accounts/" + account.value() + "/email")
                        .session(session)
                        .with(csrf())
                        .param("email", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(email(account)).isNull();
    }

    String email(StaffId id) {
        return jdbc.sql("select email from staff where id = ?")
                .param(id.value())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void theAccountFormAnswers400WithItsComplaintsAndCreatesNothing() throws Exception {
        long before = count();
        mvc.perform(post("/admin/accounts")
                        .session(SignIns.session(mvc, "city"))
                        .with(csrf())
                        .param("username", "Not Valid!")
                        .param("displayName", "")
                        .param("region", "500116"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名须为2至64位小写字母")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("此项必填。")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesATakenUserNameAndCreatesNothing() throws Exception {
        long before = count();
        mvc.perform(
                        post("/api/v1/staff")
                                .with(SignIns.bearer(mvc, "city"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"city\",\"displayName\":\"重复\",\"role\":\"LEADER\",\"region\":\"500000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("username"))
                .andExpect(jsonPath("$.fields[0].message").value("该用户名已被使用。"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownRoleAndMissingFieldsWith400() throws Exception {
        long before = count();
        var city = SignIns.bearer(mvc, "city");
        mvc.perform(
                        post("/api/v1/staff")
                                .with(city)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"king1\",\"displayName\":\"王\",\"role\":\"KING\",\"region\":\"500000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("error.unreadable"));
        mvc.perform(post("/api/v1/staff")
                        .with(city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"username\":\"Bad Name!\",\"role\":\"LEADER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Some of what was sent is not valid; see the fields."))
                .andExpect(jsonPath("$.fields.length()").value(3));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aUnitHandlerNeedsAUnitInItsRegion() throws Exception {
        long before = count();
        var city = SignIns.bearer(mvc, "city");
        mvc.perform(post("/api/v1/staff")
                        .with(city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"handler1\",\"displayName\":\"办理人\",\"role\":\"UNIT_HANDLER\","
                                + "\"region\":\"500116\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("unit"));
        long bananPolice = jdbc.sql("select id from unit where name = '巴南区公安局'")
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/staff")
                        .with(city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"handler1\",\"displayName\":\"办理人\",\"role\":\"UNIT_HANDLER\","
                                + "\"region\":\"500116\",\"unit\":" + bananPolice + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].message").value("所选单位不在该账号的所属区域内。"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aChangeBasedOnAnOldVersionIsRefused() {
        var city = city();
        var created = accounts.create(
                new NewAccount("v-" + UUID.randomUUID().toString().substring(0, 8), "版本", Role.LEADER, "500000", null),
                city);
        var account = accounts.require(created.id(), city.jurisdiction());
        accounts.change(created.id(), new AccountChange(Role.AUDITOR, "500000", null, account.version()), city);
        assertThatThrownBy(() -> accounts.change(
                        created.id(), new AccountChange(Role.CITY_OFFICE, "500000", null, account.version()), city))
                .isInstanceOf(StaleRecord.class);
        assertThat(accounts.require(created.id(), city.jurisdiction()).role()).isEqualTo(Role.AUDITOR);
    }

    @Test
    void aResetGivesANewPasswordAndAsksForTheSecondFactorAgain() {
        var city = city();
        var username = "r-" + UUID.randomUUID().toString().substring(0, 8);
        var created = accounts.create(new NewAccount(username, "重置", Role.LEADER, "500000", null), city);
        jdbc.sql("update staff set totp_secret = 'ABCDEFGHIJKLMNOP' where id = ?")
                .param(created.id().value())
                .update();
        var reset = accounts.reset(created.id(), city);
        assertThat(reset.temporaryPassword())
                .isNotEqualTo(created.temporaryPassword())
                .hasSize(16);
        var account = accounts.require(created.id(), city.jurisdiction());
        assertThat(account.secondFactorEnrolled()).isFalse();
        assertThat(signIn.checkPassword(username, reset.temporaryPassword(), "test"))
                .isPresent();
        assertThat(signIn.checkPassword(username, created.temporaryPassword(), "test"))
                .isEmpty();
    }

    @Test
    void givesTheAccountAsThePrincipalItSignsInAs() {
        var police = accounts.principal("jiangjin-police").orElseThrow();
        assertThat(police.role()).isEqualTo(Role.UNIT_HANDLER);
        assertThat(police.jurisdiction().pathPrefix()).isEqualTo("/500000/500116/");
        assertThat(police.unit()).isNotNull();
        assertThat(accounts.principal("no-such-account")).isEmpty();
    }

    @Test
    void nobodyDisablesTheirOwnAccount() {
        var city = city();
        assertThatThrownBy(() -> accounts.disable(city.id(), city))
                .isInstanceOf(dudao.platform.WorkflowViolation.class);
    }

    @Test
    void theAccountListsPagerKeepsTheFilter() throws Exception {
        var session = SignIns.session(mvc, "city");
        var enabled = jdbc.sql("select count(*) from staff where enabled")
                .query(Long.class)
                .single();
        assertThat(enabled).as("more enabled accounts than one page holds").isGreaterThan(50);
        var first = mvc.perform(get("/admin/accounts").param("enabled", "true").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var next = java.util.regex.Pattern.compile(
                        "<nav class=\"pager\".*?<a href=\"([^\"]*page=1[^\"]*)\"", java.util.regex.Pattern.DOTALL)
                .matcher(first);
        assertThat(next.find()).as("a link to the second page").isTrue();
        assertThat(next.group(1).replace("&amp;", "&"))
                .startsWith("/admin/accounts?")
                .contains("enabled=true", "page=1");
    }

    long count() {
        return jdbc.sql("select count(*) from staff").query(Long.class).single();
    }
}
