package dudao.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The start of the demo prints where Dudao answers and the accounts to sign in with. */
@ExtendWith(OutputCaptureExtension.class)
class DemoBannerTests {

    /** The names the issue fixes: other issues add records to these accounts, the names stay. */
    static final List<String> DEMO_NAMES = List.of(
            "city", "leader", "group16", "group13", "jiangjin", "banan", "jiangjin-police", "discipline", "auditor");

    @Test
    void printsTheAddressAndEveryDemoAccountWithItsRole(CapturedOutput output) {
        var environment = new MockEnvironment().withProperty("local.server.port", "18437");
        new DirectoryStartup(null, null, null, new DemoProperties(true, "x"), null, environment).banner();

        var printed = output.getOut();
        assertThat(printed).contains("http://localhost:18437/");
        for (var name : DEMO_NAMES) {
            var account = DirectoryStartup.DEMO_ACCOUNTS.stream()
                    .filter(a -> a.username().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no demo account " + name));
            assertThat(printed)
                    .containsPattern("(?m)^\\s+" + java.util.regex.Pattern.quote(name) + "\\s+" + account.role()
                            + "\\s+" + java.util.regex.Pattern.quote(account.displayName()) + "$");
        }
        assertThat(DirectoryStartup.DEMO_ACCOUNTS).hasSameSizeAs(DEMO_NAMES);
    }

    @Test
    void printsNothingOutsideTheDemo(CapturedOutput output) {
        var environment = new MockEnvironment().withProperty("local.server.port", "18437");
        new DirectoryStartup(null, null, null, new DemoProperties(false, "x"), null, environment).banner();
        assertThat(output.getOut()).doesNotContain("18437");
    }
}
