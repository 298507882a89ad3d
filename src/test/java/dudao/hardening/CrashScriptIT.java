package dudao.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: {@code bench/crash --short} on the application jar just built. Clients post keyed
 * public tips while Dudao is killed with {@code kill -9} twice and its (private) PostgreSQL is stopped with
 * {@code -m immediate} once; the script exits non-zero if an acknowledged tip is missing or changed, a key made two
 * clues, a 201 was answered while the database was down, a 500 was answered, or Dudao needed a restart to recover.
 */
class CrashScriptIT {

    static final Path POSTGRES = Path.of("/usr/lib/postgresql/15/bin/initdb");

    @Test
    void nothingAcknowledgedIsLostWhenTheApplicationIsKilledAndTheDatabaseStops() throws Exception {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(
                    Files.isExecutable(POSTGRES), "PostgreSQL 15's binaries are not installed (bench/crash uses them)");
        }
        var jar = Path.of(System.getProperty("dudao.jar", "target/missing.jar"));
        assertThat(jar).as("the application jar").exists();
        var log = Path.of("target", "crash-short.log");
        var script = new ProcessBuilder("bash", "bench/crash", "--short")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        script.environment().put("JAR", jar.toString());
        var process = script.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        var output = Files.readString(log);
        System.out.println(output);
        assertThat(finished)
                .as("bench/crash --short finished within 15 minutes")
                .isTrue();
        assertThat(output).contains("RESULT: nothing acknowledged was lost");
        assertThat(process.exitValue()).as(output).isZero();
    }
}
