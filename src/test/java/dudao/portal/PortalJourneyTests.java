package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.Axe;
import dudao.Browser;
import dudao.TestFiles;
import dudao.clues.ClueIntake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In real Chromium with a phone's screen (390 CSS pixels, emulated): a member of the public opens the portal, finds
 * 江津区's group and its hotline in the list, follows its link to the tip form, is told what to fix, reports
 * anonymously with a photo, keeps the receipt, later reads the handler's reply (sent through the staff API) and
 * answers, fills in the survey, and is finally refused after too many wrong receipt codes. axe-core finds no serious or
 * critical problem on any of those pages, in Chinese or in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    ClueIntake intake;

    final List<String> violations = new ArrayList<>();

    @Test
    void aMemberOfThePublicReportsWithAPhotoAndFollowsTheReplyOnAPhone() throws Exception {
        try (var browser = Browser.phone(port)) {
            browser.go("/public");
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.innerWidth"))
                    .isEqualTo(390L);
            check(browser);
            var row = browser.driver().findElements(By.cssSelector("#groups tbody tr")).stream()
                    .filter(r -> r.getText().contains("江津区"))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.getText()).contains("受理中");
            // The table's header is hidden on a phone: each cell shows its label before its value.
            assertThat(((JavascriptExecutor) browser.driver())
                            .executeScript(
                                    "return getComputedStyle(arguments[0], '::before').content",
                                    row.findElement(By.cssSelector("td[data-label]:nth-child(3)"))))
                    .isEqualTo("\"举报电话\"");
            var hotline = row.findElement(By.cssSelector("a[href^='tel:']"));
            assertThat(hotline.getText()).startsWith("023-");
            assertThat(hotline.getAttribute("href")).isEqualTo("tel:" + hotline.getText());
            var poster = row.findElement(By.cssSelector("a[href*='/poster']")).getAttribute("href");
            row.findElement(By.cssSelector("a.report-online")).click();
            browser.waitForText("发生了什么");
            assertThat(browser.path()).isEqualTo("/public/tips/new?group=16");
            check(browser);
            assertThat(selected(browser, "#region")).isEqualTo("江津区");
            assertThat(selected(browser, "#category")).isEqualTo("不清楚");

            // Sent without a description (the browser's own check taken away): the server says what to fix.
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('description').removeAttribute('required')");
            browser.click("#tip-form button[type=submit]");
            browser.waitForText("请修改以下内容后再提交");
            check(browser);
            assertThat(browser.text("#complaints")).contains("发生了什么");
            assertThat(selected(browser, "#region")).isEqualTo("江津区");

            new Select(browser.find("#category")).selectByValue("MARKET_BULLYING");
            browser.type("#place", "几江街道农贸市场");
            browser.type("#description", "每天早上有一伙人向摊贩强收“管理费”，不交就掀摊子。");
            browser.click("input[name=people][value=TWO_TO_FIVE]");
            browser.click("input[name=violence][value=YES]");
            var photo = Files.createTempFile("evidence", ".jpg");
            Files.write(photo, TestFiles.withExifGps(TestFiles.jpeg()));
            browser.find("#files").sendKeys(photo.toString());
            browser.click("#tip-form button[type=submit]");
            browser.waitForText("查询码只显示这一次");
            check(browser);
            var serial = browser.text("#serial");
            var code = browser.text("#receipt-code");
            assertThat(serial).startsWith("渝扫线〔");
            assertThat(code).matches("\\d{16}");

            var clue = intake.byReceipt(code).orElseThrow();
            staffReply(clue.value(), "您反映的情况已交办核查，请保持电话畅通。");

            browser.go("/public/tips/lookup");
            check(browser);
            browser.type("#receiptCode", code);
            browser.click("#lookup-form button[type=submit]");
            browser.waitForText("您反映的情况已交办核查");
            check(browser);
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(code);
            browser.type("#text", "他们一般早上六点到。");
            browser.click("#reply-form button[type=submit]");
            browser.waitForText("已发送");
            assertThat(browser.text("#messages")).contains("他们一般早上六点到。");

            browser.driver().get(poster);
            check(browser);
            assertThat(browser.pageText()).contains("第16组进驻江津区", "举报电话", "邮政信箱");

            browser.go("/public/survey");
            check(browser);
            new Select(browser.find("#region")).selectByVisibleText("江津区");
            browser.driver()
                    .findElements(By.cssSelector("#survey-form input[type=radio][value=YES]"))
                    .forEach(WebElement::click);
            browser.click("#survey-form button[type=submit]");
            browser.waitForText("感谢您填写问卷");
            check(browser);

            browser.go("/public?lang=en");
            check(browser);
            browser.go("/public/tips/new?group=16");
            check(browser);
            assertThat(selected(browser, "#category")).isEqualTo("Don't know");
            browser.go("/public/tips/lookup");
            check(browser);
            browser.go("/public/survey");
            check(browser);
            assertThat(browser.pageText())
                    .contains("Do you know that a campaign against gang crime is under way here?");
            browser.go("/public?lang=zh_CN");

            // Wrong receipt codes: slowed down, then refused for a while (429) whatever comes next.
            for (int i = 0; i < 10 && !browser.pageText().contains("查询码输错次数过多"); i++) {
                browser.go("/public/tips/lookup");
                browser.type("#receiptCode", "1234567890123456");
                browser.click("#lookup-form button[type=submit]");
                browser.waitForText("查询");
            }
            assertThat(browser.pageText()).contains("查询码输错次数过多");
            check(browser);
        }
        assertThat(violations).isEmpty();
    }

    /** Portal pages come gzipped to a client that accepts it, and load no htmx. */
    @Test
    void thePublicPagesGoOutCompressedAndWithoutHtmx() throws Exception {
        var client = HttpClient.newHttpClient();
        for (var path : List.of("/public", "/public/tips/new?group=16", "/public/tips/lookup", "/public/survey")) {
            var plain = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var gzipped = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.body()).doesNotContain("htmx");
            assertThat(gzipped.headers().firstValue("Content-Encoding"))
                    .as(path)
                    .hasValue("gzip");
            int html = plain.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertThat(gzipped.body().length).as(path).isLessThan(html);
            System.out.println("page size " + path + ": " + html + " bytes, gzipped " + gzipped.body().length);
        }
        var css = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/css/dudao.css"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    private void check(Browser browser) {
        violations.addAll(Axe.seriousViolations(browser.driver()));
    }

    private static String selected(Browser browser, String css) {
        return new Select(browser.find(css)).getFirstSelectedOption().getText();
    }

    /** The handler's reply, as the staff side records it: through the API, with the city office's token. */
    private void staffReply(long clue, String message) throws Exception {
        var client = HttpClient.newHttpClient();
        var token = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"city\",\"password\":\"Dudao-demo-2018\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        var matcher = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        assertThat(matcher.find()).isTrue();
        var reply = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/clues/" + clue + "/reply"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + matcher.group(1))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }
}
