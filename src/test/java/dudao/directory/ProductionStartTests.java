package dudao.directory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Outside the demo profile Dudao refuses to run while demo accounts with their known password are enabled. */
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

    @Test
    void refusesToStartWithoutTheDemoProfileWhileDemoAccountsAreEnabled() {
        var startup = new DirectoryStartup(
                accounts,
                mailboxes,
                units,
                new DemoProperties(false, "irrelevant"),
                new AdminProperties(null, null),
                environment);
        assertThatThrownBy(() -> startup.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo accounts");
    }
}
