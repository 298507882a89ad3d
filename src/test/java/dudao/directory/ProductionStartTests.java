package dudao.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.DudaoTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outside the demo profile Dudao refuses to run while anybody could sign in with the demo password: enabled demo
 * accounts, a first administrator given it, an enabled account that has it. (The shared test database holds the
 * enabled demo accounts, so every start here is refused; each test looks for its own reason.)
 */
@DudaoTest
class ProductionStartTests {

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Units units;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    Environment environment;

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcClient jdbc;

    DirectoryStartup production(String demoPassword, String adminPassword) {
        return new DirectoryStartup(
                accounts,
                mailboxes,
                units,
                new DemoProperties(false, demoPassword),
                new AdminProperties(adminPassword == null ? null : "admin", adminPassword),
                environment);
    }

    @Test
    void refusesToStartWithoutTheDemoProfileWhileDemoAccountsAreEnabled() {
        assertThatThrownBy(() -> production("irrelevant", null).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo accounts")
                .hasMessageNotContaining("DUDAO_ADMIN_PASSWORD");
    }

    @Test
    void refusesAFirstAdministratorWithTheDemoPassword() {
        assertThatThrownBy(() ->
                        production(null, DemoProperties.PUBLISHED_PASSWORD).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DUDAO_ADMIN_PASSWORD is the demo password");
        // this installation's own demo password is as public as the published one
        var local = "Local-demo-" + UUID.randomUUID();
        assertThatThrownBy(() -> production(local, local).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DUDAO_ADMIN_PASSWORD is the demo password");
        assertThatThrownBy(() ->
                        production(local, "Another-strong-" + UUID.randomUUID()).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("DUDAO_ADMIN_PASSWORD");
    }

    @Test
    void refusesToStartWhileAnEnabledAccountSignsInWithTheDemoPassword() {
        var withDemoPassword = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        // a first administrator created with the demo password before starts refused it
        accounts.createWithPassword(
                new NewAccount(withDemoPassword, "管理员", Role.CITY_OFFICE, "500000", null),
                DemoProperties.PUBLISHED_PASSWORD,
                false);
        var withOwnPassword = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createWithPassword(
                new NewAccount(withOwnPassword, "管理员", Role.CITY_OFFICE, "500000", null),
                "Own-strong-password-" + UUID.randomUUID(),
                false);
        try {
            assertThat(signIn.checkPassword(withDemoPassword, DemoProperties.PUBLISHED_PASSWORD, "test"))
                    .isPresent();
            assertThatThrownBy(() -> production("irrelevant", null).run(null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("sign in with the demo password")
                    .hasMessageContaining(withDemoPassword)
                    .hasMessageNotContaining(withOwnPassword);

            jdbc.sql("update staff set enabled = false where username = ?")
                    .param(withDemoPassword)
                    .update();
            assertThatThrownBy(() -> production("irrelevant", null).run(null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageNotContaining(withDemoPassword);
        } finally {
            jdbc.sql("update staff set enabled = false where username in (?, ?)")
                    .params(withDemoPassword, withOwnPassword)
                    .update();
        }
    }
}
