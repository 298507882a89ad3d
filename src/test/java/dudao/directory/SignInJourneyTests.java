package dudao.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** In real Chromium: sign in as the city office, see the home page, switch to English, sign out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInJourneyTests {

    @LocalServerPort
    int port;

    @Test
    void theCityOfficeSignsInSwitchesToEnglishAndSignsOut() {
        try (var browser = Browser.open(port)) {
            browser.go("/login");
            assertThat(browser.text("h1")).isEqualTo("登录");

            browser.signIn("city");
            browser.waitForText("您好");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text("h1")).contains("市扫黑办 王敏");
            assertThat(browser.pageText()).contains("双因素认证未启用");

            browser.clickText("English");
            browser.waitForText("Hello");
            assertThat(browser.text("h1")).isEqualTo("Hello, 市扫黑办 王敏");
            assertThat(browser.pageText()).contains("Sign out", "Accounts");

            browser.clickText("Accounts");
            browser.waitForText("auditor");

            browser.clickText("Sign out");
            browser.waitForText("You have signed out.");
            assertThat(browser.path()).startsWith("/login");
            browser.go("/");
            assertThat(browser.path()).isEqualTo("/login");
        }
    }
}
