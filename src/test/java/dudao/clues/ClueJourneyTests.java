package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * In Chromium: the city office enters a hotline clue and sees that it is likely a duplicate, triages it and assigns it
 * to 江津区公安局; the police verify it as true; group 16 reviews it, replies to the reporter and closes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("database")
class ClueJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void cityEntersHotlineClueThatPoliceVerifyAndGroupSixteenCloses() {
        var anchorSerial = jdbc.sql("select serial from clue where demo and description = ?")
                .param(ClueDemoData.ANCHOR)
                .query(String.class)
                .single();
        try (var browser = Browser.open(port)) {
            browser.signIn("city").go("/clues/new");
            new Select(browser.find("#region")).selectByValue("500116");
            browser.type("#reporterPhone", "136 1234 5678");
            browser.type("#reported", "刘某 砂石厂老板");
            new Select(browser.find("#category")).selectByValue("FORCED_TRADING");
            browser.type("#place", "江津区珞璜镇");
            browser.type("#activityTime", "2018年7月");
            browser.type("#description", "珞璜镇砂石厂刘老板带着一帮社会闲散人员，逼工地高价买他家砂石，不买就打人威胁");
            browser.click("#clue-form button[type=submit]");

            browser.waitForText("举报人查询码");
            assertThat(browser.text("#receipt-code")).containsPattern("\\d{16}");
            var path = browser.path();
            assertThat(browser.text("#similar")).contains(anchorSerial).contains("可能重复");
            assertThat(browser.pageText()).doesNotContain("13612345678", "136 1234 5678");

            new Select(browser.find("#triage-scope")).selectByValue("EVIL");
            browser.click("#triage-form button[type=submit]");
            browser.waitForText("已完成");
            assertThat(browser.text("#clue-status")).isEqualTo("已研判");
            new Select(browser.find("#assign-unit")).selectByVisibleText("江津区公安局");
            browser.click("#assign-form button[type=submit]");
            browser.waitForText("江津区公安局");
            assertThat(browser.text("#clue-status")).isEqualTo("已交办");

            signOut(browser);
            browser.signIn("jiangjin-police").go(path);
            browser.click("#verify-form input[value=ON_SITE]");
            browser.click("#verify-form input[value=SUPPLEMENTARY_INVESTIGATION]");
            browser.type("#verify-findings", "经实地查证，刘某纠集人员强迫工地购买砂石属实，已立案侦查其同伙");
            new Select(browser.find("#verify-result")).selectByValue("TRUE");
            browser.click("#verify-form button[type=submit]");
            browser.waitForText("已完成");
            assertThat(browser.text("#clue-status")).isEqualTo("已查证");

            signOut(browser);
            browser.signIn("group16").go(path);
            browser.click("#review-form button[value=true]");
            browser.waitForText("已完成");
            assertThat(browser.text("#clue-status")).isEqualTo("已审核");
            browser.type("#reply-message", "您反映的问题经查属实，已依法处理，感谢您的支持。");
            browser.click("#reply-form button[type=submit]");
            browser.waitForText("您反映的问题经查属实");
            browser.click("#close-form button[type=submit]");
            browser.waitForText("已办结");
            assertThat(browser.text("#clue-status")).isEqualTo("已办结");
            assertThat(browser.text("#clue-result span")).isEqualTo("属实");
            // a true clue offers the group to raise a rectification problem from it
            assertThat(browser.find("#clue-raise-problem").getAttribute("href")).contains("/problems/new?clue=");
            assertThat(browser.text("#timeline")).contains("受理登记", "分类研判", "交办", "查证", "审核通过", "答复举报人", "办结");
        }
    }

    private static void signOut(Browser browser) {
        browser.click(".site-header form button[type=submit]");
        browser.waitForText("登录");
    }

    @Test
    void groupSixteenRecordsAStudyConclusionOnTheKeyClueListAndOpensTheImportPage() {
        var violations = new java.util.ArrayList<String>();
        try (var browser = Browser.open(port)) {
            browser.signIn("group16").go("/clues/key");
            violations.addAll(dudao.Axe.seriousViolations(browser.driver()));
            var first = browser.find("#key-clues tbody tr");
            var serial = first.findElement(org.openqa.selenium.By.cssSelector("td a"))
                    .getText();
            first.findElement(org.openqa.selenium.By.tagName("summary")).click();
            var conclusion = first.findElement(org.openqa.selenium.By.tagName("textarea"));
            conclusion.clear();
            conclusion.sendKeys("浏览器测试：与公安分局共同研判，建议并案侦查。");
            first.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]"))
                    .click();
            browser.waitForText("已完成");
            assertThat(browser.path()).isEqualTo("/clues/key");
            assertThat(browser.pageText()).contains(serial).contains("浏览器测试：与公安分局共同研判，建议并案侦查。");

            browser.go("/clues");
            browser.click("#import-link");
            browser.waitForText("导入举报台账");
            assertThat(browser.find("#import-file").getAttribute("accept")).contains(".xlsx");
            violations.addAll(dudao.Axe.seriousViolations(browser.driver()));
        }
        assertThat(violations).isEmpty();
    }
}
