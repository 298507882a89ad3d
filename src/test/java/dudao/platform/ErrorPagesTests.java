package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.SignIns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the servlet container itself answers, which MockMvc never renders: the 403, 404 and 500 pages in the person's
 * language and without a stack trace, and bodies refused for their size when they come without a length (chunked).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ErrorPagesTests.Failing.class)
class ErrorPagesTests {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DudaoProperties properties;

    @Test
    void aPageOutsideTheRoleIsA403InTheUsersLanguage() throws Exception {
        var jiangjin = signIn("jiangjin");
        var chinese = jiangjin.get("/admin/accounts");
        assertThat(chinese.statusCode()).isEqualTo(403);
        assertThat(chinese.body()).contains("无权访问", "您的角色或管辖范围不允许访问此页面。");
        assertNoStackTrace(chinese);

        jiangjin.get("/?lang=en");
        var english = jiangjin.get("/admin/accounts");
        assertThat(english.statusCode()).isEqualTo(403);
        assertThat(english.body()).contains("Not allowed", "Your role or jurisdiction does not allow this page.");
        assertNoStackTrace(english);
    }

    @Test
    void anAddressNothingAnswersIsA404InTheUsersLanguage() throws Exception {
        var jiangjin = signIn("jiangjin");
        var chinese = jiangjin.get("/no-such-page");
        assertThat(chinese.statusCode()).isEqualTo(404);
        assertThat(chinese.body()).contains("未找到", "要找的页面或记录不存在，或不在您的管辖范围内。");
        assertNoStackTrace(chinese);
        var english = jiangjin.get("/no-such-page?lang=en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("Not found");
        assertNoStackTrace(english);
    }

    @Test
    void anUnexpectedFailureIsA500InTheUsersLanguageWithoutItsDetails() throws Exception {
        var jiangjin = signIn("jiangjin");
        var chinese = jiangjin.get(Failing.PATH);
        assertThat(chinese.statusCode()).isEqualTo(500);
        assertThat(chinese.body()).contains("系统内部错误", "系统处理时出现意外错误，已记录。请稍后重试。");
        assertNoStackTrace(chinese);
        jiangjin.get("/?lang=en");
        var english = jiangjin.get(Failing.PATH);
        assertThat(english.statusCode()).isEqualTo(500);
        assertThat(english.body()).contains("Internal error", "Something unexpected went wrong");
        assertNoStackTrace(english);
    }

    @Test
    void aChunkedApiBodyOverTheLimitIs413AndIssuesNoToken() throws Exception {
        long tokens = count("api_token");
        long signIns = jdbc.queryForObject(
                "select count(*) from audit_entry where actor = 'city' and action = 'SIGN_IN'", Long.class);
        var padding = "x".repeat((int) properties.maxRequestBytes() + 1);
        var body =
                "{\"username\":\"city\",\"password\":\"" + SignIns.DEMO_PASSWORD + "\",\"totp\":\"" + padding + "\"}";
        var client = HttpClient.newHttpClient();
        for (var language : new String[] {"zh-CN", "en"}) {
            var response = client.send(
                    HttpRequest.newBuilder(uri("/api/v1/tokens"))
                            .header("Content-Type", "application/json")
                            .header("Accept-Language", language)
                            .POST(chunked(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(response.body())
                    .contains("\"error\":\"error.tooLarge\"")
                    .contains(language.equals("en") ? "What was sent is larger than allowed." : "提交的内容超过了允许的大小。");
        }
        assertThat(count("api_token")).isEqualTo(tokens);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where actor = 'city' and action = 'SIGN_IN'", Long.class))
                .isEqualTo(signIns);
    }

    @Test
    void aChunkedApiBodyWithinTheLimitStillWorks() throws Exception {
        var body = "{\"username\":\"city\",\"password\":\"" + SignIns.DEMO_PASSWORD + "\"}";
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri("/api/v1/tokens"))
                                .header("Content-Type", "application/json")
                                .POST(chunked(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"token\"");
    }

    @Test
    void anOversizePageFormGetsThe413PageNotJson() throws Exception {
        var city = signIn("city");
        long staff = count("staff");
        var form = "username=huge&displayName=" + "x".repeat((int) properties.maxRequestBytes() + 1)
                + "&role=LEADER&region=500000&_csrf=" + city.csrf;
        for (var request : new HttpRequest.BodyPublisher[] {HttpRequest.BodyPublishers.ofString(form), chunked(form)}) {
            var response = city.send(HttpRequest.newBuilder(uri("/admin/accounts"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(request));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(response.body()).contains("内容过大", "提交的内容超过了允许的大小。");
            assertNoStackTrace(response);
        }
        assertThat(count("staff")).isEqualTo(staff);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body())
                .contains("<html")
                .doesNotContain("Exception")
                .doesNotContain("at dudao.")
                .doesNotContain("at org.")
                .doesNotContain(Failing.SECRET);
    }

    /** A body whose length the client does not know: sent with {@code Transfer-Encoding: chunked}. */
    static HttpRequest.BodyPublisher chunked(String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Signs in through the login form; the client keeps the session cookie. */
    Session signIn(String username) throws IOException, InterruptedException {
        var session = new Session(
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                null);
        var login = session.get("/login");
        var token = csrf(login.body());
        var signedIn = session.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(SignIns.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return new Session(session.client, csrf(session.get("/").body()));
    }

    static String csrf(String html) {
        var matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            var meta =
                    Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
            assertThat(meta.find()).as("a CSRF token on the page").isTrue();
            return meta.group(1);
        }
        return matcher.group(1);
    }

    /** A person's client with their cookies, and the CSRF token of their session once signed in. */
    final class Session {

        final HttpClient client;
        final String csrf;

        Session(HttpClient client, String csrf) {
            this.client = client;
            this.csrf = csrf;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        /** Sends the request the way a browser does, asking for HTML. */
        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(
                    request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A page that fails the way a bug would, with details that must not reach the person. */
    @Controller
    static class Failing {

        static final String PATH = "/test-only/fails";
        static final String SECRET = "secret detail of the failure";

        @GetMapping(PATH)
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }
}
