package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Likely duplicates on intake: a re-worded tip finds the demo clue it repeats; an unrelated tip finds none. */
@DudaoTest
class ClueSimilarityTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private long anchor() {
        return jdbc.sql("select id from clue where demo and description = ?")
                .param(ClueDemoData.ANCHOR)
                .query(Long.class)
                .single();
    }

    private List<JsonNode> similarTo(String description) throws Exception {
        var city = SignedIn.bearer(mvc, "city");
        var created = mvc.perform(post("/api/v1/clues")
                        .header(HttpHeaders.AUTHORIZATION, city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"HOTLINE","region":"500116",
                                 "activity":{"category":"UNKNOWN","place":"不清楚","time":"不清楚","description":"%s"}}""".formatted(description)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = JSON.readTree(created).get("id").asLong();
        var body = mvc.perform(get("/api/v1/clues/" + id + "/similar").header(HttpHeaders.AUTHORIZATION, city))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var out = new ArrayList<JsonNode>();
        JSON.readTree(body).forEach(out::add);
        return out;
    }

    @Test
    void findsAReWordedDuplicateOfADemoClue() throws Exception {
        var similar = similarTo("珞璜镇砂石厂刘老板带着一帮社会闲散人员，逼工地高价买他家砂石，不买就打人威胁");
        var anchor = similar.stream()
                .filter(s -> s.get("id").asLong() == anchor())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo clue is not among " + similar));
        assertThat(anchor.get("likelyDuplicate").asBoolean()).isTrue();
        assertThat(anchor.get("reasons").toString()).contains("TEXT");
    }

    @Test
    void doesNotFlagAnUnrelatedClue() throws Exception {
        var similar = similarTo("几江街道某网吧长期违规接纳未成年人通宵上网");
        var demo = jdbc.sql("select id from clue where demo").query(Long.class).list();
        assertThat(similar).noneMatch(s -> s.get("id").asLong() == anchor());
        // Other tests may record clues of their own; none of the demo round's clues is like this one.
        assertThat(similar)
                .filteredOn(s -> demo.contains(s.get("id").asLong()))
                .noneMatch(s -> s.get("likelyDuplicate").asBoolean());
    }
}
