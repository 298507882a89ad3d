package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.SignIns;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Bad input gets a clear sentence in the caller's language and a 4xx, never a 500 or a stack trace. */
@DudaoTest
class BadInputTests {

    @Autowired
    MockMvc mvc;

    @Test
    void malformedJsonIsA400InChinese() throws Exception {
        mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("提交的内容格式有误，无法读取（请检查字段、类型和取值）。"))
                .andExpect(jsonPath("$.requestId").isString());
    }

    @Test
    void answersInEnglishWhenAskedTo() throws Exception {
        mvc.perform(post("/api/v1/tokens")
                        .header("Accept-Language", "en-GB,en;q=0.9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.startsWith("What was sent cannot be read")));
    }

    @Test
    void aMalformedAcceptLanguageFallsBackToChinese() throws Exception {
        mvc.perform(post("/api/v1/tokens")
                        .header("Accept-Language", ";;;q=abc")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.startsWith("提交的内容格式有误")));
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.TEXT_PLAIN).content("city"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("error.mediaType"));
    }

    @Test
    void anOversizeBodyIs413BeforeAnythingReadsIt() throws Exception {
        var huge = "{\"username\":\"" + "x".repeat(2_000_000) + "\"}";
        mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.error").value("error.tooLarge"));
    }

    @Test
    void aWrongTypeInThePathIs400() throws Exception {
        mvc.perform(get("/api/v1/units/not-a-number").with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("error.unreadable"));
        mvc.perform(get("/api/v1/regions").param("level", "GALAXY").with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/regions/abc'--").with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("区域代码格式不正确。"));
    }

    @Test
    void anUnknownApiPathIsAJson404() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("error.notFound"));
    }

    @Test
    void aWrongMethodIs405() throws Exception {
        mvc.perform(get("/api/v1/tokens")).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void pagesRefuseInTheUsersLanguageWithoutAStackTrace() throws Exception {
        var session = SignIns.session(mvc, "city");
        var html = mvc.perform(get("/directory").param("region", "NOPE99").session(session))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("区域不存在，或不在您的管辖范围内。")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).doesNotContain("Exception").doesNotContain("at dudao.");
    }
}
