package dudao.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dudao.SignIns;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Page sessions as production keeps them, in PostgreSQL (Spring Session JDBC, which the other tests leave out so that
 * they can carry the container's session): a session ends after the idle timeout, and when the city office disables,
 * resets or moves the account, since it would keep the role and jurisdiction it signed in with. Sessions travel as
 * the {@code SESSION} cookie, as in a browser.
 */
@SpringBootTest(properties = "spring.autoconfigure.exclude=")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Tag("database")
class PageSessionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    SignIn signIn;

    @Autowired
    Environment environment;

    @Autowired
    FindByIndexNameSessionRepository<?> sessions;

    @Test
    void aSignedInSessionLastsThirtyIdleMinutesAndNoLonger() throws Exception {
        var person = districtOffice();
        var session = signIn(person.username());
        assertThat(home(session).getStatus()).isEqualTo(200);

        var configured = environment.getProperty("server.servlet.session.timeout", Duration.class);
        assertThat(configured).isEqualTo(Duration.ofMinutes(30));
        assertThat(sessions.findByPrincipalName(person.username())).hasSize(1);
        var stored = jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
                .param(person.username())
                .query(Integer.class)
                .single();
        assertThat(Duration.ofSeconds(stored)).isEqualTo(configured);

        idle(person.username(), configured.minusMinutes(1));
        assertThat(home(session).getStatus()).as("a minute before the timeout").isEqualTo(200);

        idle(person.username(), configured.plusSeconds(1));
        var expired = home(session);
        assertThat(expired.getStatus()).as("a second after the timeout").isEqualTo(302);
        assertThat(expired.getRedirectedUrl()).isEqualTo("/login");
        assertThat(sessions.findByPrincipalName(person.username())).isEmpty();
    }

    @Test
    void theCityOfficeDisablingAnAccountEndsItsSessionsAndNoOneElses() throws Exception {
        var person = districtOffice();
        var bystander = districtOffice();
        var session = signIn(person.username());
        var secondSession = signIn(person.username());
        var bystanderSession = signIn(bystander.username());
        var city = signIn("city");
        assertThat(home(session).getStatus()).isEqualTo(200);

        mvc.perform(post("/admin/accounts/" + person.id() + "/disable")
                        .cookie(city)
                        .with(csrf()))
                .andReturn();
        assertThat(account(person).enabled()).isFalse();

        assertSignedOut(session);
        assertSignedOut(secondSession);
        assertThat(sessions.findByPrincipalName(person.username())).isEmpty();
        assertThat(home(bystanderSession).getStatus()).isEqualTo(200);
        assertThat(home(city).getStatus()).isEqualTo(200);
    }

    @Test
    void theCityOfficeGivingAnAccountAnotherRoleAndPlaceEndsItsSessions() throws Exception {
        var person = districtOffice();
        var session = signIn(person.username());
        var city = signIn("city");
        var version = account(person).version();

        mvc.perform(post("/admin/accounts/" + person.id())
                        .cookie(city)
                        .with(csrf())
                        .param("role", "GROUP_MEMBER")
                        .param("region", "500113")
                        .param("version", String.valueOf(version)))
                .andReturn();
        assertThat(account(person).region().value()).isEqualTo("500113");

        assertSignedOut(session);
        // Signing in again gives the new role and place.
        var again = signIn(person.username());
        assertThat(home(again).getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                        .param(person.username())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void theCityOfficeResettingAnAccountEndsItsSessions() throws Exception {
        var person = districtOffice();
        var session = signIn(person.username());
        var city = signIn("city");

        mvc.perform(post("/admin/accounts/" + person.id() + "/reset")
                        .cookie(city)
                        .with(csrf()))
                .andReturn();

        assertSignedOut(session);
    }

    record Person(StaffId id, String username) {}

    Account account(Person person) {
        return accounts.require(
                person.id(), signIn.load("city").orElseThrow().toStaff().jurisdiction());
    }

    /** A district office like {@code jiangjin}, signing in with the password alone as demo accounts do. */
    Person districtOffice() {
        var username = "s-" + UUID.randomUUID().toString().substring(0, 12);
        var created = accounts.createWithPassword(
                new NewAccount(username, "江津区扫黑办 测试", Role.DISTRICT_OFFICE, "500116", null),
                SignIns.DEMO_PASSWORD,
                true);
        return new Person(created.id(), username);
    }

    /** The session cookie of a sign-in through the login form. */
    Cookie signIn(String username) throws Exception {
        var response = mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", username)
                        .param("password", SignIns.DEMO_PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).as("sign-in of " + username).isEqualTo("/");
        var cookie = response.getCookie("SESSION");
        assertThat(cookie).as("the SESSION cookie of Spring Session").isNotNull();
        return cookie;
    }

    MockHttpServletResponse home(Cookie session) throws Exception {
        return mvc.perform(get("/").cookie(session)).andReturn().getResponse();
    }

    void assertSignedOut(Cookie session) throws Exception {
        var response = home(session);
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login");
    }

    /** Makes the person's sessions look as if nothing had happened in them for so long. */
    void idle(String username, Duration idle) {
        long lastAccess = System.currentTimeMillis() - idle.toMillis();
        jdbc.sql("""
                update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000
                where principal_name = ?""").params(lastAccess, lastAccess, username).update();
    }
}
