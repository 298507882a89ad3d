package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public forms on a real server with sessions in PostgreSQL (Spring Session JDBC, as in production): reading and
 * sending every public form opens no session (no session cookie, no {@code spring_session} row), their CSRF token is
 * a double-submit cookie that a post without it is refused for, and an upload over the size limit gets the 413 page
 * rather than a CSRF refusal. The upload limit is lowered here so that the test sends little.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // The test profile leaves sessions in memory; production keeps them in PostgreSQL.
            "spring.autoconfigure.exclude=",
            "spring.servlet.multipart.max-request-size=1MB"
        })
@ActiveProfiles("test")
class PublicFormsWithoutSessionsTests {

    static final String CSRF_COOKIE = "DUDAO_PUBLIC_CSRF";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    long clues() {
        return jdbc.sql("select count(*) from clue").query(Long.class).single();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        var request =
                HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String cookie, String contentType, HttpRequest.BodyPublisher body)
            throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html")
                .header("Content-Type", contentType)
                .POST(body);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String cookie, Map<String, String> fields) throws Exception {
        var body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return post(
                path,
                cookie,
                "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** The public CSRF cookie the page set, as a browser sends it back ({@code name=value}). */
    static String csrfCookie(HttpResponse<String> page) {
        var cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(CSRF_COOKIE + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie set by " + page.uri()));
        return cookie.substring(0, cookie.indexOf(';'));
    }

    static String field(String html, String name) {
        var marker = "name=\"" + name + "\" value=\"";
        int start = html.indexOf(marker);
        assertThat(start).as(name + " on the page").isNotNegative();
        start += marker.length();
        return html.substring(start, html.indexOf('"', start));
    }

    static void assertNoSessionCookie(HttpResponse<String> response) {
        for (var cookie : response.headers().allValues("Set-Cookie")) {
            assertThat(cookie).doesNotStartWith("SESSION").doesNotStartWith("JSESSIONID");
        }
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        final String boundary = "dudao-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            var copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The tip form filled in from its page, with the proof of work done; the CSRF token only when given. */
    static Multipart tip(String page, String csrf, String description) {
        var challenge = field(page, "challenge");
        var bits = Integer.parseInt(page.replaceAll("(?s).*data-proof-of-work=\"(\\d+)\".*", "$1"));
        var form = new Multipart();
        if (csrf != null) {
            form.field("_csrf", csrf);
        }
        return form.field("token", field(page, "token"))
                .field("challenge", challenge)
                .field("proof", ProofOfWork.solve(challenge, bits))
                .field("region", "500116")
                .field("category", "VILLAGE_BULLY")
                .field("time", "MONTH")
                .field("description", description)
                .field("officials", "NO")
                .field("named", "false");
    }

    @Test
    void everyPublicFormIsReadAndSentWithoutASession() throws Exception {
        long before = sessions();
        var answers = new ArrayList<HttpResponse<String>>();

        var page = get("/public/tips/new", null);
        answers.add(page);
        assertThat(page.statusCode()).isEqualTo(200);
        assertNoSessionCookie(page);
        var setCookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(CSRF_COOKIE + "="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/public");
        var cookie = csrfCookie(page);
        var tip = tip(page.body(), field(page.body(), "_csrf"), "不建立会话的举报 " + UUID.randomUUID());
        var receipt =
                post("/public/tips", cookie, tip.contentType(), HttpRequest.BodyPublishers.ofByteArray(tip.bytes()));
        answers.add(receipt);
        assertThat(receipt.statusCode()).isEqualTo(200);
        var code = receipt.body().replaceAll("(?s).*id=\"receipt-code\">(\\d{16})<.*", "$1");
        assertThat(code).matches("\\d{16}");

        var lookupPage = get("/public/tips/lookup", null);
        answers.add(lookupPage);
        var lookupCookie = csrfCookie(lookupPage);
        var status = postForm(
                "/public/tips/lookup",
                lookupCookie,
                Map.of("_csrf", field(lookupPage.body(), "_csrf"), "receiptCode", code));
        answers.add(status);
        assertThat(status.statusCode()).isEqualTo(200);
        var reply = new Multipart()
                .field("_csrf", field(status.body(), "_csrf"))
                .field("receiptCode", code)
                .field("text", "晚上十点以后来收钱");
        var replied = post(
                "/public/tips/reply",
                lookupCookie,
                reply.contentType(),
                HttpRequest.BodyPublishers.ofByteArray(reply.bytes()));
        answers.add(replied);
        assertThat(replied.statusCode()).isEqualTo(200);
        assertThat(replied.body()).contains("晚上十点以后来收钱");

        var survey = get("/public/survey", null);
        answers.add(survey);
        var question = survey.body().replaceAll("(?s).*type=\"radio\" name=\"(q\\d+)\".*", "$1");
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", field(survey.body(), "_csrf"));
        fields.put("region", "500113");
        fields.put(question, "YES");
        var answered = postForm("/public/survey", csrfCookie(survey), fields);
        answers.add(answered);
        assertThat(answered.statusCode()).isEqualTo(200);

        for (var answer : answers) {
            assertNoSessionCookie(answer);
        }
        assertThat(sessions()).isEqualTo(before);

        // Staff pages keep their sessions, in PostgreSQL.
        var login = get("/login", null);
        var staffSession = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the login page opens a session"));
        var signedIn = postForm(
                "/login",
                staffSession,
                Map.of("username", "city", "password", "Dudao-demo-2018", "_csrf", field(login.body(), "_csrf")));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(sessions()).isGreaterThan(before);
    }

    @Test
    void aPublicFormSentWithoutItsCsrfTokenIsRefused() throws Exception {
        long before = clues();
        var page = get("/public/tips/new", null);
        var cookie = csrfCookie(page);
        var token = field(page.body(), "_csrf");
        for (var attempt : List.of(
                new String[] {cookie, null}, new String[] {null, token}, new String[] {CSRF_COOKIE + "=forged", token
                })) {
            var tip = tip(page.body(), attempt[1], "没有CSRF令牌的举报");
            var refused = post(
                    "/public/tips", attempt[0], tip.contentType(), HttpRequest.BodyPublishers.ofByteArray(tip.bytes()));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertNoSessionCookie(refused);
        }
        var lookup = postForm("/public/tips/lookup", cookie, Map.of("receiptCode", "0000000000000000"));
        assertThat(lookup.statusCode()).isEqualTo(403);
        assertThat(clues()).isEqualTo(before);
    }

    @Test
    void anUploadOverTheLimitGetsThe413PageNotACsrfRefusal() throws Exception {
        long before = clues();
        var page = get("/public/tips/new", null);
        var cookie = csrfCookie(page);
        var big = new byte[1536 * 1024];
        for (var csrf : new String[] {null, field(page.body(), "_csrf")}) {
            var tip = tip(page.body(), csrf, "附件太大").file("files", "big.jpg", "image/jpeg", big);
            var bytes = tip.bytes();
            for (var body : List.of(
                    HttpRequest.BodyPublishers.ofByteArray(bytes),
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))) {
                var refused = post("/public/tips", cookie, tip.contentType(), body);
                assertThat(refused.statusCode()).isEqualTo(413);
                assertThat(refused.body()).contains("提交的内容超过了允许的大小。").doesNotContain("Exception");
            }
        }
        assertThat(clues()).isEqualTo(before);
    }
}
