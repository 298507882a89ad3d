package dudao.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dudao.DudaoApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
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
 * stops while they run. Runs on its own embedded PostgreSQL (not the shared test database), without the test profile.
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
                .sql("create table two_nodes_fired (reminder text not null, node text not null, at timestamptz"
                        + " default clock_timestamp())")
                .update();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    static ConfigurableApplicationContext node(String name) throws Exception {
        var dataDir = Files.createTempDirectory("dudao-node-" + name);
        return new SpringApplicationBuilder(DudaoApplication.class, Reminders.class)
                .run(
                        "--server.port=0",
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
                        "--logging.level.root=warn");
    }

    static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aSignedInPersonKeepsWorkingThroughTheOtherNodeAndEveryReminderFiresOnceWhileANodeStops() throws Exception {
        var a = node("a");
        ConfigurableApplicationContext b = null;
        try {
            b = node("b");
            int portA = port(a);
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

            // 1,000 reminders, half scheduled through each node, due over the next few seconds.
            scheduleHalf(a.getBean(DataSource.class), 0);
            scheduleHalf(b.getBean(DataSource.class), 1);

            // Node A stops while the reminders are firing.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (fired(jdbc) < REMINDERS / 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long firedBeforeStop = fired(jdbc);
            a.close();
            a = null;

            // The person keeps working through node B.
            var afterStop = http.send(
                    withCookie(portB, "/clues", sessionCookie.getValue()), HttpResponse.BodyHandlers.ofString());
            assertThat(afterStop.statusCode()).isEqualTo(200);

            while (fired(jdbc) < REMINDERS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // time for a second firing, if there were one
            assertThat(firedBeforeStop).isLessThan(REMINDERS);
            assertThat(jdbc.sql("select count(distinct reminder) from two_nodes_fired")
                            .query(Long.class)
                            .single())
                    .isEqualTo(REMINDERS);
            assertThat(fired(jdbc))
                    .as("firings (a duplicate would exceed 1,000)")
                    .isEqualTo(REMINDERS);
            assertThat(jdbc.sql("select count(distinct node) from two_nodes_fired")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }

    static long fired(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from two_nodes_fired")
                .query(Long.class)
                .single();
    }

    static void scheduleHalf(DataSource dataSource, int parity) {
        var client = SchedulerClient.Builder.create(dataSource, Reminders.task(null, null))
                .tableName("scheduled_tasks")
                .build();
        var now = Instant.now();
        for (int i = parity; i < REMINDERS; i += 2) {
            client.scheduleIfNotExists(
                    new com.github.kagkarlsson.scheduler.task.TaskInstance<Void>(
                            Reminders.TASK.getTaskName(), "reminder-" + i),
                    now.plusMillis(i * 3L));
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

    /** A timed job each node runs: it writes which node fired which reminder. */
    @Configuration(proxyBeanMethods = false)
    static class Reminders {

        static final com.github.kagkarlsson.scheduler.task.TaskDescriptor<Void> TASK =
                com.github.kagkarlsson.scheduler.task.TaskDescriptor.of("two-nodes-reminder");

        static OneTimeTask<Void> task(DataSource dataSource, String node) {
            return Tasks.oneTime(TASK)
                    .execute((instance, context) -> JdbcClient.create(dataSource)
                            .sql("insert into two_nodes_fired (reminder, node) values (?, ?)")
                            .params(instance.getId(), node)
                            .update());
        }

        @Bean
        OneTimeTask<Void> twoNodesReminder(DataSource dataSource, @Value("${dudao.node}") String node) {
            return task(dataSource, node);
        }
    }
}
