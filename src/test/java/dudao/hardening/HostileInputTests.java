package dudao.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dudao.DudaoTest;
import dudao.SignIns;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Malformed and hostile input on the public intake, the staff API and the pages: each is refused with a clear 4xx (a
 * JSON error with a message key on the API), nothing is stored, and what is accepted comes back escaped; nothing
 * answers 500.
 */
@DudaoTest
class HostileInputTests {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final List<String> INJECTIONS = List.of(
            "' or '1'='1",
            "1; drop table clue; --",
            "%' union select password_hash from staff --",
            "\\'); select pg_sleep(5); --",
            SCRIPT,
            "\"><img src=x onerror=alert(1)>",
            "../../../../etc/passwd",
            "%00",
            "${7*7}[[${7*7}]]");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long clues() {
        return jdbc.sql("select count(*) from clue").query(Long.class).single();
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    static void refused(MockHttpServletResponse response, String what) throws Exception {
        assertThat(response.getStatus())
                .as(what + ": " + response.getContentAsString(StandardCharsets.UTF_8))
                .isBetween(400, 499);
    }

    static MockHttpServletRequestBuilder tip(byte[] body, MediaType type) {
        return post("/api/v1/public/tips")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(type)
                .content(body);
    }

    static String tipJson(String region, String group, String description) {
        return "{\"region\":\"" + region + "\"" + (group == null ? "" : ",\"group\":" + group)
                + ",\"reported\":[{\"name\":\"不清楚\"}],\"activity\":{\"category\":\"MARKET_BULLYING\",\"place\":"
                + "\"几江街道\",\"time\":\"上周\",\"description\":\"" + description + "\"}}";
    }

    @Test
    void thePublicTipApiRefusesMalformedInputAndStoresNothing() throws Exception {
        long before = clues();
        var json = MediaType.APPLICATION_JSON;
        // Oversize body (over dudao.max-request-bytes).
        var huge = tipJson("500116", null, "大".repeat(700_000)).getBytes(StandardCharsets.UTF_8);
        refused(send(tip(huge, json)), "oversize body");
        // Wrong content types.
        refused(
                send(tip(tipJson("500116", null, "内容").getBytes(StandardCharsets.UTF_8), MediaType.TEXT_PLAIN)),
                "text/plain");
        refused(send(tip("<tip/>".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML)), "xml");
        refused(
                send(tip("region=500116".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_FORM_URLENCODED)),
                "form");
        // Invalid UTF-8 and broken JSON.
        var invalidUtf8 = tipJson("500116", null, "XX").getBytes(StandardCharsets.UTF_8);
        int at = new String(invalidUtf8, StandardCharsets.ISO_8859_1).indexOf("XX");
        invalidUtf8[at] = (byte) 0xC3;
        invalidUtf8[at + 1] = (byte) 0x28;
        refused(send(tip(invalidUtf8, json)), "invalid UTF-8");
        refused(send(tip("{\"region\":".getBytes(StandardCharsets.UTF_8), json)), "truncated JSON");
        refused(send(tip("[]".getBytes(StandardCharsets.UTF_8), json)), "an array");
        refused(send(tip("null".getBytes(StandardCharsets.UTF_8), json)), "null");
        // Negative, enormous and non-numeric numbers.
        for (var group : List.of("-1", "0", "99999999999999999999999", "1e400", "\"十六\"", "2147483648")) {
            refused(send(tip(tipJson("500116", group, "内容").getBytes(StandardCharsets.UTF_8), json)), "group " + group);
        }
        // Unknown regions, also hostile ones.
        for (var region : INJECTIONS) {
            var escaped = region.replace("\\", "\\\\").replace("\"", "\\\"");
            refused(send(tip(tipJson(escaped, null, "内容").getBytes(StandardCharsets.UTF_8), json)), "region " + region);
        }
        // Keys that are too long or blank.
        refused(
                send(post("/api/v1/public/tips")
                        .header("Idempotency-Key", "k".repeat(201))
                        .contentType(json)
                        .content(tipJson("500116", null, "内容"))),
                "a long Idempotency-Key");
        // Receipt lookups with hostile codes.
        for (var code : INJECTIONS) {
            var escaped = code.replace("\\", "\\\\").replace("\"", "\\\"");
            refused(
                    send(post("/api/v1/public/tips/lookup")
                            .with(r -> {
                                r.setRemoteAddr("198.51.100." + (Math.abs(code.hashCode()) % 200));
                                return r;
                            })
                            .contentType(json)
                            .content("{\"receiptCode\":\"" + escaped + "\"}")),
                    "lookup " + code);
        }
        assertThat(clues()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void scriptAndSqlInATipAreStoredAsTextAndShownEscaped() throws Exception {
        var marker = "注入" + System.nanoTime();
        var description = marker + " " + SCRIPT + " ' or '1'='1 \\\"><img src=x onerror=alert(1)>";
        var created = send(
                tip(tipJson("500116", null, description).getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
        assertThat(created.getStatus()).isEqualTo(201);
        var id = jdbc.sql("select id from clue where description like ?")
                .param(marker + "%")
                .query(Long.class)
                .single();
        // Stored exactly as text, and the API gives it back as JSON text.
        assertThat(jdbc.sql("select description from clue where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .contains(SCRIPT);
        var detail = send(get("/api/v1/clues/" + id).with(SignIns.bearer(mvc, "city")));
        assertThat(detail.getStatus()).isEqualTo(200);
        assertThat(detail.getContentType()).startsWith("application/json");
        var session = SignIns.session(mvc, "city");
        var list = send(get("/clues").param("q", marker).session(session)).getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain(SCRIPT).doesNotContain("<img src=x");
    }

    @Test
    void searchesAndPagingTakeHostileParametersWithoutFailing() throws Exception {
        var session = SignIns.session(mvc, "city");
        var bearer = SignIns.bearer(mvc, "city");
        var values = new java.util.ArrayList<>(INJECTIONS);
        values.addAll(List.of("-1", "0", "99999999999999999999", "2147483648", "-2147483649", "NaN", "大".repeat(5000)));
        for (var value : values) {
            for (var page : List.of("/clues", "/problems", "/admin/accounts", "/audit", "/fieldwork")) {
                for (var param : List.of("q", "page", "size", "status", "region", "from", "to")) {
                    var response = send(get(page).param(param, value).session(session));
                    assertThat(response.getStatus())
                            .as(page + "?" + param + "=" + value)
                            .isLessThan(500);
                    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                            .as(page + "?" + param + "=" + value)
                            .doesNotContain(SCRIPT)
                            .doesNotContain("<img src=x");
                }
            }
            for (var api : List.of("/api/v1/clues", "/api/v1/problems", "/api/v1/staff", "/api/v1/audit")) {
                for (var param : List.of("q", "page", "size", "status", "region")) {
                    var response = send(get(api).param(param, value).with(bearer));
                    assertThat(response.getStatus())
                            .as(api + "?" + param + "=" + value)
                            .isLessThan(500);
                }
            }
        }
        // Path variables: negative, enormous and non-numeric ids.
        for (var id : List.of("-1", "0", "99999999999999999999", "abc", "1%27%20or%201=1")) {
            for (var path :
                    List.of("/clues/", "/problems/", "/groups/", "/rounds/", "/campaigns/", "/admin/accounts/")) {
                var response = send(get(path + id).session(session));
                assertThat(response.getStatus()).as(path + id).isBetween(400, 499);
            }
            for (var path : List.of("/api/v1/clues/", "/api/v1/problems/", "/api/v1/staff/", "/api/v1/units/")) {
                var response = send(get(path + id).with(bearer));
                assertThat(response.getStatus()).as(path + id).isBetween(400, 499);
            }
        }
    }

    @Test
    void datesFarInThePastOrFutureAreRefused() throws Exception {
        var group = jdbc.sql("select id from inspection_group where region_code = '500116' order by id limit 1")
                .query(Long.class)
                .single();
        var bearer = SignIns.bearer(mvc, "group16");
        for (var date : List.of("0001-01-01", "1900-01-01", "9999-12-31", "+10000-01-01", "2018-02-30", "yesterday")) {
            var response = send(put("/api/v1/groups/" + group + "/fieldwork/" + date)
                    .with(bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"counts\":{}}"));
            refused(response, "fieldwork on " + date);
        }
        long before = jdbc.sql("select count(*) from problem").query(Long.class).single();
        var round = jdbc.sql("select round_id from inspection_group where id = ?")
                .param(group)
                .query(Long.class)
                .single();
        for (var deadline : List.of("\"0001-01-01\"", "\"9999-12-31\"", "\"2018-13-01\"", "-1", "1e400")) {
            var response = send(post("/api/v1/problems")
                    .with(bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"round\":" + round + ",\"region\":\"500116\",\"title\":\"日期\",\"description\":\"日期\","
                            + "\"source\":\"FIELDWORK\",\"deadline\":" + deadline + "}"));
            assertThat(response.getStatus()).as("deadline " + deadline).isLessThan(500);
        }
        for (var number : List.of("-1", "0", "99999999999999999999", "\"x\"")) {
            var response = send(post("/api/v1/problems")
                    .with(bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"round\":" + number + ",\"region\":\"500116\",\"title\":\"数字\",\"description\":\"数字\","
                            + "\"source\":\"FIELDWORK\"}"));
            refused(response, "round " + number);
        }
        assertThat(jdbc.sql("select count(*) from problem where title = '数字'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(before).isPositive();
    }
}
