package dudao;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the npm package) injected into the page under test, for WCAG 2.1 AA. The test installs the package into
 * {@code target/axe} with npm the first time; without npm (and outside CI) the accessibility check is skipped.
 */
public final class Axe {

    static final String VERSION = "4.14.1";
    static final Path SCRIPT = Path.of("target/axe/node_modules/axe-core/axe.min.js");

    private Axe() {}

    /** The serious and critical violations on the current page, one line each. */
    public static List<String> seriousViolations(WebDriver driver) {
        var js = (JavascriptExecutor) driver;
        js.executeScript(script());
        @SuppressWarnings("unchecked")
        var violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(function (r) { done(r.violations.map(function (v) {
                    return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
                  })); });
                """);
        var out = new ArrayList<String>();
        for (var v : violations) {
            var impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(driver.getCurrentUrl() + " " + v.get("id") + " (" + impact + ") " + v.get("nodes"));
            }
        }
        return out;
    }

    private static String script() {
        try {
            if (!Files.exists(SCRIPT)) {
                install();
            }
            return Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read axe-core", e);
        }
    }

    private static synchronized void install() throws IOException {
        if (Files.exists(SCRIPT)) {
            return;
        }
        try {
            var process = new ProcessBuilder(
                            "npm",
                            "install",
                            "--no-save",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            "target/axe",
                            "axe-core@" + VERSION)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("npm install axe-core failed");
            }
        } catch (IOException | InterruptedException e) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("axe-core is needed in CI and could not be installed", e);
            }
            Assumptions.abort("axe-core is not available (npm install axe-core): " + e.getMessage());
        }
    }
}
