package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.Axe;
import dudao.Browser;
import dudao.TestFiles;
import dudao.clues.ClueHandling;
import dudao.clues.ClueIntake;
import dudao.directory.StaffAccounts;
import java.nio.file.Files;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In real Chromium at a phone's size: a member of the public finds 江津区's group, reports anonymously with a photo,
 * keeps the receipt, later reads the handler's reply and answers. axe-core finds no serious or critical problem on any
 * portal page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ClueIntake intake;

    @Autowired
    ClueHandling handling;

    @Autowired
    StaffAccounts accounts;

    @Test
    void aMemberOfThePublicReportsWithAPhotoAndFollowsTheReplyOnAPhone() throws Exception {
        var violations = new ArrayList<String>();
        try (var browser = Browser.open(port, 390, 844)) {
            browser.go("/public");
            violations.addAll(Axe.seriousViolations(browser.driver()));
            var row = browser.find("tr[data-group='16']");
            assertThat(row.getText()).contains("江津区", "受理中");
            assertThat(row.findElement(By.cssSelector("a[href^='tel:']")).getText())
                    .startsWith("023-");

            browser.go("/public/groups/16/poster");
            violations.addAll(Axe.seriousViolations(browser.driver()));

            browser.go("/public/tips/new?group=16");
            violations.addAll(Axe.seriousViolations(browser.driver()));
            assertThat(new Select(browser.find("#region"))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("江津区");
            new Select(browser.find("#category")).selectByValue("MARKET_BULLYING");
            browser.type("#place", "几江街道农贸市场");
            browser.type("#description", "每天早上有一伙人向摊贩强收“管理费”，不交就掀摊子。");
            var photo = Files.createTempFile("evidence", ".jpg");
            Files.write(photo, TestFiles.withExifGps(TestFiles.jpeg()));
            browser.find("#files").sendKeys(photo.toString());
            browser.click("#tip-form button[type=submit]");
            browser.waitForText("查询码只显示这一次");
            violations.addAll(Axe.seriousViolations(browser.driver()));
            var serial = browser.text("#serial");
            var code = browser.text("#receipt-code");
            assertThat(serial).startsWith("渝扫线〔");
            assertThat(code).matches("\\d{16}");

            var clue = intake.byReceipt(code).orElseThrow();
            handling.reply(
                    clue, "您反映的情况已交办核查，请保持电话畅通。", accounts.principal("city").orElseThrow());

            browser.go("/public/tips/lookup");
            violations.addAll(Axe.seriousViolations(browser.driver()));
            browser.type("#receiptCode", code);
            browser.click("#lookup-form button[type=submit]");
            browser.waitForText("您反映的情况已交办核查");
            violations.addAll(Axe.seriousViolations(browser.driver()));
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(code);

            browser.type("#text", "他们一般早上六点到。");
            browser.click("#reply-form button[type=submit]");
            browser.waitForText("已发送");
            assertThat(browser.text("#messages")).contains("他们一般早上六点到。");

            browser.go("/public/survey");
            violations.addAll(Axe.seriousViolations(browser.driver()));
        }
        assertThat(violations).isEmpty();
    }
}
