package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.platform.BearerTokens;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** The clue list (线索清单): filters, paging, masking, in the page and the API. */
@DudaoTest
class ClueListTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    BearerTokens tokens;

    @Test
    void filtersTheDemoRoundByDistrictStateDateAndKeyClue() throws Exception {
        var city = SignedIn.bearer(mvc, "city");
        mvc.perform(get("/api/v1/clues")
                        .param("region", "500116")
                        .param("from", "2018-07-16")
                        .param("to", "2018-07-30")
                        .param("size", "10")
                        .header(HttpHeaders.AUTHORIZATION, city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(10))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(30)))
                .andExpect(jsonPath("$.items[*].regionCode")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("500116"))));
        mvc.perform(get("/api/v1/clues").param("key", "true").header(HttpHeaders.AUTHORIZATION, city))
                .andExpect(jsonPath("$.items[*].keyClue")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))));
        mvc.perform(get("/api/v1/clues").param("status", "MERGED").header(HttpHeaders.AUTHORIZATION, city))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.items[0].mergedInto").isNotEmpty());
        mvc.perform(get("/api/v1/clues").param("status", "LOST").header(HttpHeaders.AUTHORIZATION, city))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/clues").param("from", "30/07/2018").header(HttpHeaders.AUTHORIZATION, city))
                .andExpect(status().isBadRequest());
    }

    @Test
    void showsTheListPageWithFiltersAndPagerAndMaskedReporters() throws Exception {
        var html = mvc.perform(get("/clues")
                        .param("region", "500116")
                        .param("status", "CLOSED")
                        .param("from", "2018-07-16")
                        .with(authentication(SignedIn.authentication(mvc, tokens, "group16"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("渝扫线〔2018〕").contains("已办结").doesNotContain("群众甲");
        var discipline = mvc.perform(get("/api/v1/clues")
                        .param("size", "500")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "discipline")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].officialsNamed")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(discipline).contains("\"total\":");
        mvc.perform(get("/api/v1/clues").header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "auditor")))
                .andExpect(jsonPath("$.total").value(0));
    }
}
