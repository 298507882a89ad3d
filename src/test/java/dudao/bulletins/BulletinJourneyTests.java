package dudao.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.Browser;
import dudao.campaign.DemoCampaign;
import dudao.campaign.Rounds;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In real Chromium: the city office opens the dashboard and sees its charts drawn without a console error, publishes
 * the bulletin of 30 July and downloads its Word file; the leadership group reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BulletinJourneyTests {

    static final LocalDate LAST_DAY = LocalDate.of(2018, 7, 30);

    /** Collects script errors, console errors and CSP violations of every page before its own scripts run. */
    static final String ERROR_HOOK = """
            window.__errors = [];
            window.addEventListener('error', function (e) { window.__errors.push('error: ' + e.message); });
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__errors.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI);
            });
            var original = console.error;
            console.error = function () {
              window.__errors.push('console: ' + Array.prototype.join.call(arguments, ' '));
              original.apply(console, arguments);
            };""";

    @LocalServerPort
    int port;

    @Autowired
    Rounds rounds;

    @Test
    void cityOfficeSeesTheChartsPublishesTheBulletinAndDownloadsItsWordFileAndTheLeaderReadsIt() throws Exception {
        var round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow();
        var downloads = Files.createTempDirectory("bulletin-downloads");
        String bulletinPath;
        try (var browser = Browser.open(port)) {
            var chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_HOOK));
            chrome.executeCdpCommand(
                    "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            browser.signIn("city");
            browser.go("/dashboard?round=" + round.id() + "&date=" + LAST_DAY);
            new WebDriverWait(chrome, Duration.ofSeconds(15))
                    .until(d -> d.findElements(By.cssSelector("#chart-trend canvas"))
                                            .size()
                                    > 0
                            && d.findElements(By.cssSelector("#chart-funnel canvas"))
                                            .size()
                                    > 0
                            && d.findElements(By.cssSelector("#chart-districts canvas"))
                                            .size()
                                    > 0);
            assertThat(Long.parseLong(
                            browser.find("#figure-problemsFound .cumulative").getText()))
                    .isGreaterThanOrEqualTo(1291);
            assertThat(browser.find("#groups").findElements(By.cssSelector("tbody tr")))
                    .hasSize(40);
            // Sorting a table by a column keeps its 40 lines.
            browser.find("#groups thead th:nth-child(2) button").click();
            assertThat(browser.find("#groups thead th:nth-child(2)").getAttribute("aria-sort"))
                    .isEqualTo("ascending");
            assertThat(((JavascriptExecutor) chrome).executeScript("return Array.isArray(window.__errors);"))
                    .isEqualTo(true);
            assertThat(errors(browser)).isEmpty();
            assertThat(severeLog(browser)).isEmpty();

            browser.click("#bulletins-link");
            var existing = chrome.findElements(By.cssSelector("#bulletin-" + LAST_DAY + " a"));
            if (existing.isEmpty()) {
                assertThat(browser.find("#draft-preview").getText()).contains("已推动整改落实");
                browser.click("#publish");
            } else {
                existing.get(0).click();
            }
            onBulletinPage(browser);
            bulletinPath = browser.path();
            assertThat(browser.text("#bulletin")).contains("40个检查组共发现问题1291个，已推动整改落实848个");
            browser.click("#download-docx");
            var file = waitForFile(downloads);
            try (var doc = new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                var text = new StringBuilder();
                doc.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
                assertThat(text.toString()).contains(DailyBulletins.OFFICE).contains("发现问题1291个，已推动整改落实848个");
            }
            assertThat(errors(browser)).isEmpty();
            assertThat(severeLog(browser)).isEmpty();
        }
        try (var browser = Browser.open(port)) {
            browser.signIn("leader");
            browser.go("/rounds/" + round.id() + "/bulletins");
            browser.click("#bulletin-" + LAST_DAY + " a");
            onBulletinPage(browser);
            assertThat(browser.path()).isEqualTo(bulletinPath);
            assertThat(browser.text("#bulletin")).contains("发现问题1291个，已推动整改落实848个");
            assertThat(browser.driver().findElements(By.id("publish-form"))).isEmpty();
        }
    }

    private static void onBulletinPage(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().contains("/bulletins/")
                        && !d.getCurrentUrl().contains("/rounds/")
                        && !d.findElements(By.id("bulletin")).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> errors(Browser browser) {
        var errors = ((JavascriptExecutor) browser.driver()).executeScript("return window.__errors || [];");
        return errors == null ? List.of() : new ArrayList<>((List<Object>) errors);
    }

    /** The browser's own log (network and CSP errors are written there), as far as the driver keeps it. */
    private static List<String> severeLog(Browser browser) {
        try {
            return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .map(Object::toString)
                    .filter(m -> !m.contains("favicon"))
                    .toList();
        } catch (RuntimeException unsupported) {
            return List.of();
        }
    }

    private static Path waitForFile(Path dir) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (var files = Files.list(dir)) {
                var done = files.filter(f -> f.toString().endsWith(".docx")).findFirst();
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no Word file downloaded into " + dir);
    }
}
