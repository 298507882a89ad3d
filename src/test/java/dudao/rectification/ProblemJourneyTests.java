package dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.Browser;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The rectification journey in Chromium: group 16 records a problem and assigns it to 江津区公安局; the bureau
 * acknowledges and reports back with an evidence file; the group rejects it, then accepts the second feedback; the
 * problem shows as closed in the list and in the statistics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("database")
class ProblemJourneyTests {

    @LocalServerPort
    int port;

    /**
     * The closed total as of the real day: the test profile fixes the business day to the demo's 2018-07-30 (the page's
     * default), and figures as of a day count what was recorded by its end, so a problem closed now counts from today.
     */
    static String closedTotal(Browser browser) {
        browser.go("/problems/statistics?by=GROUP&asOf=" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        return browser.text("#statistics-total .closed");
    }

    static void signInAs(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(username);
        browser.waitForText(username.equals("group16") ? "第16组组长" : "江津区公安局");
    }

    @Test
    void groupAssignsUnitReportsBackGroupRejectsThenClosesOut() throws Exception {
        var title = "浏览器测试：KTV 涉恶线索排查 " + System.nanoTime();
        var evidence = Files.createTempFile("evidence", ".pdf");
        Files.write(evidence, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes());
        try (var browser = Browser.open(port)) {
            signInAs(browser, "group16");
            int closedBefore = Integer.parseInt(closedTotal(browser));

            browser.go("/problems/new");
            new Select(browser.find("#region")).selectByValue("500116");
            browser.type("#title", title);
            browser.type("#description", "群众反映某 KTV 存在强迫交易，相关线索排查不彻底。");
            browser.type("#suggestion", "全面排查并建立台账");
            browser.click("#problem-form button[type=submit]");
            browser.waitForText(title);
            var problemPath = browser.path();
            assertThat(problemPath).matches("/problems/\\d+");

            new Select(browser.find("#leadUnit")).selectByVisibleText("江津区 · 江津区公安局");
            var deadline = browser.find("#deadline");
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            deadline,
                            LocalDate.now().plusDays(10).toString());
            browser.click("#submit-assign");
            browser.waitForText("已交办");

            signInAs(browser, "jiangjin-police");
            browser.go(problemPath);
            browser.click("#submit-acknowledge");
            browser.waitForText("整改中");
            browser.type("#measures", "已对该 KTV 开展排查，形成排查报告。");
            browser.find("#files").sendKeys(evidence.toString());
            browser.click("#submit-feedback");
            browser.waitForText("已反馈待核查");
            assertThat(browser.driver()
                            .findElements(By.linkText(evidence.getFileName().toString())))
                    .isNotEmpty();

            signInAs(browser, "group16");
            browser.go(problemPath);
            browser.type("#reason", "排查范围不全，请补充周边场所。");
            browser.click("#submit-reject");
            browser.waitForText("排查范围不全");

            signInAs(browser, "jiangjin-police");
            browser.go(problemPath);
            browser.type("#measures", "已补充排查周边三处场所。");
            browser.click("#submit-feedback");
            browser.waitForText("已补充排查周边三处场所");

            signInAs(browser, "group16");
            browser.go(problemPath);
            browser.click("#submit-accept");
            browser.waitForText("已销号");
            assertThat(browser.text("#problem-status")).isEqualTo("已销号");

            browser.go("/problems?status=CLOSED");
            assertThat(browser.text("#problems")).contains(title);
            assertThat(Integer.parseInt(closedTotal(browser))).isEqualTo(closedBefore + 1);
        } finally {
            Files.deleteIfExists(evidence);
        }
    }
}
