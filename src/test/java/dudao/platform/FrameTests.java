package dudao.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.SignIns;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What every page stands on: scripts and styles served by Dudao itself, the API description, the nav per role. */
@DudaoTest
class FrameTests {

    @Autowired
    MockMvc mvc;

    @Test
    void servesHtmxFromItsWebJarAndItsOwnStyles() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/dudao.css")).andExpect(status().isOk());
        mvc.perform(get("/js/dudao.js")).andExpect(status().isOk());
    }

    @Test
    void pagesLoadNothingFromAnOutsideHost() throws Exception {
        mvc.perform(get("/").session(SignIns.session(mvc, "city")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("src=\"http"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"http"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("style=\""))));
    }

    @Test
    void describesTheApiInOpenApiToStaffOnly() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(Matchers.not(Matchers.containsString("openapi"))));
        mvc.perform(get("/v3/api-docs").with(SignIns.bearer(mvc, "jiangjin-police")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").isString())
                .andExpect(jsonPath("$.paths['/api/v1/tokens']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/audit/verify']").exists())
                // The public tip endpoint reads its body itself; its documentation still names the body and the answer.
                .andExpect(jsonPath("$.paths['/api/v1/public/tips'].post.requestBody.content['application/json'].schema"
                                + "['$ref']")
                        .value(Matchers.endsWith("/PublicTip")))
                .andExpect(jsonPath("$.paths['/api/v1/public/tips'].post.responses['201'].content['application/json']"
                                + ".schema['$ref']")
                        .value(Matchers.endsWith("/Created")));
    }

    @Test
    void showsEachRoleOnlyTheNavigationItMayUse() throws Exception {
        mvc.perform(get("/").session(SignIns.session(mvc, "city")))
                .andExpect(content().string(Matchers.containsString("href=\"/admin/accounts\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/audit\"")));
        mvc.perform(get("/").session(SignIns.session(mvc, "jiangjin-police")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/admin/accounts\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/audit\""))));
    }

    @Test
    void switchesToEnglishAndKeepsTheChoice() throws Exception {
        var session = SignIns.session(mvc, "city");
        var switched = mvc.perform(get("/").param("lang", "en").session(session))
                .andExpect(content().string(Matchers.containsString("Hello, ")))
                .andReturn();
        var cookie = switched.getResponse().getCookie("DUDAO_LANG");
        mvc.perform(get("/directory").session(session).cookie(cookie))
                .andExpect(content().string(Matchers.containsString("Regions and units")));
    }
}
