package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** On a phone (390×844) the staff pages fit the screen's width: nothing scrolls sideways but tables in their box. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneLayoutJourneyTests {

    static final int WIDTH = 390;

    @LocalServerPort
    int port;

    @Test
    void theCityOfficesPagesFitAPhone() {
        try (var browser = Browser.phone(port)) {
            browser.signIn("city");
            browser.waitForText("您好");
            assertFits(browser, "/");
            assertFits(browser, "/admin/accounts");
            assertFits(browser, "/admin/accounts/new");
            assertFits(browser, "/audit");
            assertFits(browser, "/?lang=en");
            assertFits(browser, "/admin/accounts");
        }
    }

    static void assertFits(Browser browser, String path) {
        browser.go(path);
        browser.pageText();
        var js = (JavascriptExecutor) browser.driver();
        // Against the screen's width, not window.innerWidth: a phone zooms out to show a page that is too wide, and
        // innerWidth grows with it.
        long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        assertThat(content)
                .as("the width of %s (widest: %s) on a %spx screen", path, widest(js), WIDTH)
                .isLessThanOrEqualTo(WIDTH);
        assertThat(viewport).as("the viewport of %s", path).isLessThanOrEqualTo(WIDTH);
    }

    /** The element sticking out furthest, to say what to fix. */
    static Object widest(JavascriptExecutor js) {
        return js.executeScript("""
                let widest = null, right = 0;
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect().right;
                  if (r > right) { right = r; widest = e; }
                }
                return widest ? widest.tagName + '.' + widest.className + ' ' + Math.round(right) + 'px' : '';
                """);
    }
}
