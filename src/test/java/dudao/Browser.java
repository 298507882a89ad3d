package dudao;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, headless. {@code .ci/run} installs {@code chromium} and
 * {@code chromium-driver}; without them (a developer machine) browser tests are skipped, never faked.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A desktop-sized browser on the application at the given port. */
    public static Browser open(int port) {
        return open(port, 1280, 900);
    }

    /**
     * A phone's screen, 390×844 CSS pixels. (A window cannot be narrower than 500 pixels in Chromium, so the size is
     * the device emulation's, as the developer tools set it.)
     */
    public static Browser phone(int port) {
        var browser = open(port, 500, 900);
        ((ChromeDriver) browser.driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        return browser;
    }

    public static Browser open(int port, int width, int height) {
        boolean required = System.getenv("CI") != null;
        if (!required) {
            Assumptions.assumeTrue(
                    Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                    "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--lang=en-US");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return new Browser(driver, "http://localhost:" + port);
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public void type(String css, String text) {
        var field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String css) {
        find(css).click();
    }

    public void clickText(String text) {
        driver.findElement(By.xpath("//*[self::a or self::button][normalize-space()='" + text + "']"))
                .click();
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String pageText() {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.tagName("body")).getText());
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * Waits until the page shows the text. While a form submission navigates, Chromium may answer a read of the old
     * document's body with a stale-element or inspector error; those mean "not yet", so the wait reads again.
     */
    public void waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** Signs in with the demo password. */
    public Browser signIn(String username) {
        go("/login");
        type("#username", username);
        type("#password", "Dudao-demo-2018");
        click("#login-form button[type=submit]");
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
