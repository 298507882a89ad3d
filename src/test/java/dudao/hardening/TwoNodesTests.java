package dudao.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dudao.DudaoApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Dudao nodes, each a whole application on its own port, on one PostgreSQL: sessions live in the database
 * (Spring Session JDBC), so a person signed in through one node keeps working through the other after the first is
 * gone; timed jobs live in db-scheduler's table, so each fires once whichever node scheduled it and whichever node
 * is killed outright (SIGKILL) while they run. Runs on its own embedded PostgreSQL (not the shared test database), without the test profile.
 */
@Tag("two-nodes")
class TwoNodesTests {

    static final String PASSWORD = "Dudao-demo-2018";
    static final int REMINDERS = 1000;

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("dudao-two-nodes"))
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .start();
        JdbcClient.create(postgres.getPostgresDatabase())
                .sql("create table two_nodes_fired (reminder text primary key, node text not null, at timestamptz"
                        + " default clock_timestamp())")
                .update();
        JdbcClient.create(postgres.getPostgresDatabase())
                .sql("create table two_nodes_run (reminder text not null, node text not null)")
                .update();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    static List<String> arguments(String name, int port) throws Exception {
        var dataDir = Files.createTempDirectory("dudao-node-" + name);
        return List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--dudao.data-dir=" + dataDir,
                "--dudao.node=" + name,
                // Both nodes must share the keys (a demo would generate one per data directory).
                "--dudao.audit.key=dHdvLW5vZGVzLXRlc3QtYXVkaXQta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==",
                "--dudao.clues.master-key=dHdvLW5vZGVzLWNsdWVzLWtleS0zMi1ieXRlcy1sb25nIQ==",
                "--dudao.portal.key=dHdvLW5vZGVzLXBvcnRhbC1rZXktMzItYnl0ZXMtbG9uZyE=",
                "--dudao.demo.enabled=true",
                "--dudao.rectification.demo-in-background=false",
                "--dudao.deadlines.scheduler=true",
                // A killed node's picked jobs go to the survivor after four missed one-second heartbeats.
                "--dudao.deadlines.heartbeat=PT1S",
                "--logging.level.root=warn");
    }

    /** A node in this JVM, stopped in an orderly way by closing its context. */
    static ConfigurableApplicationContext node(String name) throws Exception {
        return new SpringApplicationBuilder(DudaoApplication.class, Reminders.class)
                .run(arguments(name, 0).toArray(String[]::new));
    }

    /** A node in a JVM of its own, so that the test can kill it outright (SIGKILL, as {@code kill -9}). */
    static Process process(String name, int port, Path log) throws Exception {
        var command = new ArrayList<String>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Node.class.getName()));
        command.addAll(arguments(name, port));
        command.add("--logging.level.com.github.kagkarlsson=info");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void awaitUp(Process process, int port, Path log) throws Exception {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node exited: " + Files.readString(log));
            }
            // Answering is not enough: the node is up once it has loaded the demo (node B must find it loaded).
            if (Files.readString(log).contains(READY)
                    && http.send(get(port, "/login"), HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node did not come up: " + Files.readString(log));
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aSignedInPersonKeepsWorkingThroughTheOtherNodeAndEveryReminderFiresOnceWhenANodeIsKilled() throws Exception {
        int portA = freePort();
        var logA = Files.createTempFile("dudao-node-a", ".log");
        var a = process("a", portA, logA);
        ConfigurableApplicationContext b = null;
        try {
            awaitUp(a, portA, logA);
            // 1,000 reminders, due over the next two minutes: node A starts firing them alone, node B joins once it
            // is up, and both poll for them until A is killed.
            schedule(postgres.getPostgresDatabase());
            b = node("b");
            int portB = port(b);

            // Sign in through node A with the login form; the session cookie then works on node B.
            var cookies = new CookieManager();
            var http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            var loginPage = http.send(get(portA, "/login"), HttpResponse.BodyHandlers.ofString());
            var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
            assertThat(csrf.find()).isTrue();
            var signIn = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=city&password="
                                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            var sessionCookie = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("SESSION"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no SESSION cookie: sessions are not Spring Session's"));
            var jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'city'")
                            .query(Long.class)
                            .single())
                    .isPositive();

            // Node B knows the session: the home page answers the signed-in person, not the login page.
            var homeOnB =
                    http.send(withCookie(portB, "/", sessionCookie.getValue()), HttpResponse.BodyHandlers.ofString());
            assertThat(homeOnB.statusCode()).isEqualTo(200);

            // Node A is killed outright while the reminders are firing: no shutdown hook, no orderly release.
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (firedBy(jdbc, "a") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            a.destroyForcibly().waitFor();
            long firedBeforeKill = fired(jdbc);
            System.out.printf(
                    "two nodes: node A killed after %d firings of its own, %d in all%n",
                    firedBy(jdbc, "a"), firedBeforeKill);

            // The person keeps working through node B.
            var afterKill = http.send(
                    withCookie(portB, "/clues", sessionCookie.getValue()), HttpResponse.BodyHandlers.ofString());
            assertThat(afterKill.statusCode()).isEqualTo(200);

            while (fired(jdbc) < REMINDERS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // time for a second firing, if there were one
            assertThat(firedBeforeKill).isLessThan(REMINDERS);
            assertThat(firedBy(jdbc, "a"))
                    .as("reminders node A fired before it was killed")
                    .isPositive();
            assertThat(jdbc.sql("select count(distinct reminder) from two_nodes_fired")
                            .query(Long.class)
                            .single())
                    .as("reminders that fired (none lost with node A)")
                    .isEqualTo(REMINDERS);
            assertThat(firedBy(jdbc, "b")).as("reminders node B fired").isPositive();
            var runs = jdbc.sql("select count(*) from two_nodes_run")
                    .query(Long.class)
                    .single();
            assertThat(runs)
                    .as("runs of the job (a rerun of what node A had picked adds nothing)")
                    .isGreaterThanOrEqualTo(REMINDERS);
            System.out.printf(
                    "two nodes: %d reminders fired once each, %d runs (%d before the kill)%n",
                    fired(jdbc), runs, firedBeforeKill);
        } finally {
            a.destroyForcibly();
            if (b != null) {
                b.close();
            }
        }
    }

    static final String READY = "two-nodes: node ready";

    /** Node A's main: the application plus the test's reminder task. */
    public static final class Node {
        public static void main(String[] args) {
            new SpringApplicationBuilder(DudaoApplication.class, Reminders.class).run(args);
            // run() returns once the start listeners (the demo's loading among them) are done
            System.out.println(READY);
        }
    }

    static long firedBy(JdbcClient jdbc, String node) {
        return jdbc.sql("select count(*) from two_nodes_fired where node = ?")
                .param(node)
                .query(Long.class)
                .single();
    }

    static long fired(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from two_nodes_fired")
                .query(Long.class)
                .single();
    }

    static void schedule(DataSource dataSource) {
        var client = SchedulerClient.Builder.create(dataSource, Reminders.task(null, null))
                .tableName("scheduled_tasks")
                .build();
        var now = Instant.now();
        for (int i = 0; i < REMINDERS; i++) {
            client.scheduleIfNotExists(
                    new com.github.kagkarlsson.scheduler.task.TaskInstance<Void>(
                            Reminders.TASK.getTaskName(), "reminder-" + i),
                    now.plusMillis(i * 120L));
        }
    }

    static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build();
    }

    static HttpRequest withCookie(int port, String path, String session) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", "SESSION=" + session)
                .GET()
                .build();
    }

    /**
     * A timed job each node runs, written as Dudao's own are: db-scheduler runs a job at least once (a job a killed node
     * had picked runs again on the survivor), so its effect is keyed by the reminder and a second run adds nothing, as
     * the deadline ladder's steps are keyed by watch, cycle, due date and rung. Every run is logged apart.
     */
    @Configuration(proxyBeanMethods = false)
    static class Reminders {

        static final com.github.kagkarlsson.scheduler.task.TaskDescriptor<Void> TASK =
                com.github.kagkarlsson.scheduler.task.TaskDescriptor.of("two-nodes-reminder");

        static OneTimeTask<Void> task(DataSource dataSource, String node) {
            return Tasks.oneTime(TASK).execute((instance, context) -> {
                var jdbc = JdbcClient.create(dataSource);
                jdbc.sql("insert into two_nodes_run (reminder, node) values (?, ?)")
                        .params(instance.getId(), node)
                        .update();
                jdbc.sql("insert into two_nodes_fired (reminder, node) values (?, ?)"
                                + " on conflict (reminder) do nothing")
                        .params(instance.getId(), node)
                        .update();
            });
        }

        @Bean
        OneTimeTask<Void> twoNodesReminder(DataSource dataSource, @Value("${dudao.node}") String node) {
            return task(dataSource, node);
        }
    }
}
