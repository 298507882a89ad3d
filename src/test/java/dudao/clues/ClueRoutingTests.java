package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.platform.BearerTokens;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clue naming officials goes to discipline and the city office and never to the district it implicates; nobody
 * named in a clue sees it. Checked on every way of reading clues: API list and search, API answer, similar clues,
 * the list page and search, the clue's page and the ledger export.
 */
@DudaoTest
class ClueRoutingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    BearerTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private long create(String marker, String reported, String officials) throws Exception {
        var body = mvc.perform(post("/api/v1/clues")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"LETTER","region":"500116",
                                 "reported":[{"name":"%s","detail":""}],
                                 "activity":{"category":"PROTECTIVE_UMBRELLA","place":"江津区德感街道",
                                             "time":"不清楚","description":"%s"},
                                 "officials":%s}""".formatted(reported, marker, officials)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body).get("id").asLong();
    }

    private String apiList(String user, String q) throws Exception {
        return mvc.perform(get("/api/v1/clues")
                        .param("q", q)
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int apiShow(String user, long id, String suffix) throws Exception {
        return mvc.perform(get("/api/v1/clues/" + id + suffix)
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, user)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private String page(String user, String path, String q) throws Exception {
        var request = get(path).with(authentication(SignedIn.authentication(mvc, tokens, user)));
        if (q != null) {
            request.param("q", q);
        }
        var html = mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // Only the table of clues: the search box repeats the keyword.
        return html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    }

    private int pageStatus(String user, String path) throws Exception {
        return mvc.perform(get(path).with(authentication(SignedIn.authentication(mvc, tokens, user))))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private void assertInvisible(String user, long id, String marker) throws Exception {
        assertThat(apiList(user, marker)).as(user + " API search").doesNotContain(marker);
        assertThat(apiList(user, "")).as(user + " API list").doesNotContain("\"id\":" + id + ",");
        assertThat(apiShow(user, id, "")).as(user + " API answer").isEqualTo(404);
        assertThat(apiShow(user, id, "/similar")).as(user + " similar").isEqualTo(404);
        assertThat(page(user, "/clues", marker)).as(user + " list page").doesNotContain(marker);
        assertThat(pageStatus(user, "/clues/" + id)).as(user + " clue page").isEqualTo(404);
        assertThat(exported(user)).as(user + " export").doesNotContain(marker);
    }

    private void assertVisible(String user, long id, String marker) throws Exception {
        assertThat(apiList(user, marker)).as(user + " API search").contains(marker);
        assertThat(apiShow(user, id, "")).as(user + " API answer").isEqualTo(200);
        assertThat(page(user, "/clues", marker)).as(user + " list page").contains(marker);
        assertThat(pageStatus(user, "/clues/" + id)).as(user + " clue page").isEqualTo(200);
        assertThat(exported(user)).as(user + " export").contains(marker);
    }

    private String exported(String user) throws Exception {
        var bytes = mvc.perform(
                        get("/clues/export.xlsx").with(authentication(SignedIn.authentication(mvc, tokens, user))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            var out = new StringBuilder();
            for (var row : book.getSheetAt(0)) {
                for (var cell : row) {
                    out.append(cell.toString()).append('\t');
                }
                out.append('\n');
            }
            return out.toString();
        }
    }

    @Test
    void clueNamingJiangjinOfficialsIsInvisibleToJiangjinAndItsPoliceEverywhere() throws Exception {
        var marker = "江津保护伞线索" + System.nanoTime();
        long id = create(marker, "黄某", "[{\"name\":\"不清楚\",\"detail\":\"某派出所副所长\"}]");
        assertInvisible("jiangjin", id, marker);
        assertInvisible("jiangjin-police", id, marker);
        assertInvisible("banan", id, marker);
        assertVisible("city", id, marker);
        assertVisible("discipline", id, marker);
    }

    @Test
    void clueNamingOfficialsCannotBeAssignedToAUnitOfTheImplicatedDistrict() throws Exception {
        var marker = "江津保护伞交办" + System.nanoTime();
        long id = create(marker, "郑某", "[{\"name\":\"钱某\",\"detail\":\"江津区某局科长\"}]");
        var city = SignedIn.bearer(mvc, "city");
        mvc.perform(post("/api/v1/clues/" + id + "/triage")
                        .header(HttpHeaders.AUTHORIZATION, city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"GANG\",\"subCategory\":\"PROTECTIVE_UMBRELLA\"}"))
                .andExpect(status().isOk());
        long police = jdbc.sql("select id from unit where name = '江津区公安局'")
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/clues/" + id + "/assign")
                        .header(HttpHeaders.AUTHORIZATION, city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + police + "}"))
                .andExpect(status().isConflict());
        assertInvisible("jiangjin-police", id, marker);
    }

    @Test
    void staffMemberNamedInAClueNeverSeesIt() throws Exception {
        var marker = "举报周丽线索" + System.nanoTime();
        long id = create(marker, "周丽", "[]");
        assertInvisible("jiangjin", id, marker);
        assertVisible("city", id, marker);
        assertVisible("group16", id, marker);

        var police = "举报赵鹏线索" + System.nanoTime();
        long named = create(police, "赵鹏", "[]");
        var city = SignedIn.bearer(mvc, "city");
        mvc.perform(post("/api/v1/clues/" + named + "/triage")
                        .header(HttpHeaders.AUTHORIZATION, city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scope\":\"EVIL\",\"subCategory\":\"OTHER\"}"))
                .andExpect(status().isOk());
        long unit = jdbc.sql("select id from unit where name = '江津区公安局'")
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/clues/" + named + "/assign")
                        .header(HttpHeaders.AUTHORIZATION, city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + unit + "}"))
                .andExpect(status().isOk());
        assertInvisible("jiangjin-police", named, police);
    }
}
