package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
 * The key-clue list (重点线索): clues marked for joint study with the study's conclusions, recorded from the list itself,
 * and only the key clues the reader may see.
 */
@DudaoTest
class KeyClueListTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BearerTokens tokens;

    private long receive(String description, String officials) throws Exception {
        var body = mvc.perform(post("/api/v1/clues")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"HOTLINE","region":"500116",
                                 "officials":%s,
                                 "activity":{"category":"VILLAGE_BULLY","place":"江津区","time":"不清楚","description":"%s"}}""".formatted(officials, description)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body).get("id").asLong();
    }

    private String serial(long id) {
        return jdbc.sql("select serial from clue where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String page(String user) throws Exception {
        return mvc.perform(get("/clues/key").with(authentication(SignedIn.authentication(mvc, tokens, user))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private void study(String user, long id, String conclusion) throws Exception {
        mvc.perform(post("/clues/" + id + "/study")
                        .with(authentication(SignedIn.authentication(mvc, tokens, user)))
                        .with(csrf())
                        .param("key", "true")
                        .param("conclusion", conclusion)
                        .param("from", "key"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/clues/key"));
    }

    @Test
    void listsKeyCluesWithTheConclusionsRecordedOnTheList() throws Exception {
        long key = receive("重点研判：几江街道赵某团伙长期垄断河沙运输", "[]");
        long ordinary = receive("重点研判之外：几江街道夜间噪音", "[]");
        study("group16", key, "与公安分局共同研判：团伙特征明显，建议并案侦查。");

        var page = page("jiangjin");
        assertThat(page).contains(serial(key)).contains("与公安分局共同研判：团伙特征明显，建议并案侦查。");
        assertThat(page).doesNotContain(serial(ordinary));

        study("city", key, "第二次研判：已立案侦查。");
        assertThat(page("city")).contains("第二次研判：已立案侦查。").doesNotContain("建议并案侦查");
    }

    @Test
    void showsAKeyClueNamingOfficialsToDisciplineButNeverToTheDistrict() throws Exception {
        long key = receive("重点研判：某局干部为赵某充当保护伞", "[{\"name\":\"江津区某局 钱某\",\"detail\":\"副局长\"}]");
        study("city", key, "纪委监委牵头研判。");

        assertThat(page("discipline")).contains(serial(key)).contains("纪委监委牵头研判。");
        assertThat(page("city")).contains(serial(key));
        assertThat(page("jiangjin")).doesNotContain(serial(key)).doesNotContain("纪委监委牵头研判。");
        assertThat(page("jiangjin-police")).doesNotContain(serial(key));
        assertThat(page("banan")).doesNotContain(serial(key));
    }
}
