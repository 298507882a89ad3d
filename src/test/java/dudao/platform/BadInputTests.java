package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.SignIns;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Bad input gets a clear sentence in the caller's language and a 4xx, never a 500 or a stack trace. */
@DudaoTest
class BadInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

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
                .andExpect(jsonPath("$.error").value("error.invalid"))
                .andExpect(jsonPath("$.fields[0].field").value("id"))
                .andExpect(jsonPath("$.fields[0].message").value("应为整数。"));
        mvc.perform(get("/api/v1/regions").param("level", "GALAXY").with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/regions/abc'--").with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("区域代码格式不正确。"));
    }

    @Test
    void anUnknownEnumValueInAQueryIsNamedInTheCallersLanguage() throws Exception {
        var city = SignIns.bearer(mvc, "city");
        var chinese = mvc.perform(get("/api/v1/staff").param("role", "KING").with(city))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("role"))
                .andExpect(jsonPath("$.fields[0].message").value("不是可选的取值之一。"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var english = mvc.perform(get("/api/v1/staff")
                        .param("role", "KING")
                        .header("Accept-Language", "en")
                        .with(city))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].message").value("Not one of the values that can be chosen."))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(List.of(chinese, english)).allSatisfy(BadInputTests::speaksNoJava);
    }

    @Test
    void aDateThatIsNoneIsNamedInTheCallersLanguage() throws Exception {
        var auditor = SignIns.bearer(mvc, "auditor");
        var chinese = mvc.perform(get("/api/v1/audit").param("from", "x").with(auditor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("error.invalid"))
                .andExpect(jsonPath("$.fields[0].field").value("from"))
                .andExpect(jsonPath("$.fields[0].message").value("日期格式不正确，应为 年-月-日（如 2018-07-30）。"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var english = mvc.perform(get("/api/v1/audit")
                        .param("from", "x")
                        .header("Accept-Language", "en")
                        .with(auditor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].message")
                        .value("Not a valid date; write it as year-month-day (such as 2018-07-30)."))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var page = mvc.perform(get("/api/v1/audit").param("page", "first").with(auditor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("page"))
                .andExpect(jsonPath("$.fields[0].message").value("应为整数。"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(List.of(chinese, english, page)).allSatisfy(BadInputTests::speaksNoJava);
    }

    @Test
    void wrongTypesInAJsonBodyAreNamedInTheCallersLanguageAndChangeNothing() throws Exception {
        long before = staff();
        var city = SignIns.bearer(mvc, "city");
        var bodies = new ArrayList<String>();
        bodies.add(mvc.perform(post("/api/v1/staff")
                        .with(city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"typed1\",\"displayName\":\"王\",\"role\":\"KING\","
                                + "\"region\":\"500000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("error.unreadable"))
                .andExpect(jsonPath("$.fields[0].field").value("role"))
                .andExpect(jsonPath("$.fields[0].message").value("不是可选的取值之一。"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        bodies.add(mvc.perform(post("/api/v1/staff")
                        .with(city)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"typed2\",\"displayName\":\"王\",\"role\":\"UNIT_HANDLER\","
                                + "\"region\":\"500116\",\"unit\":\"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("unit"))
                .andExpect(jsonPath("$.fields[0].message").value("Must be a whole number."))
                .andReturn()
                .getResponse()
                .getContentAsString());
        bodies.add(mvc.perform(post("/api/v1/staff")
                        .with(city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":[\"typed3\"],\"displayName\":\"王\",\"role\":\"LEADER\","
                                + "\"region\":\"500000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("username"))
                .andExpect(jsonPath("$.fields[0].message").value("应为文字。"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(bodies).allSatisfy(BadInputTests::speaksNoJava);
        assertThat(staff()).isEqualTo(before);
    }

    @Test
    void aFormWithValuesOfTheWrongTypeShowsTheSentencesAndChangesNothing() throws Exception {
        long before = staff();
        var session = SignIns.session(mvc, "city");
        for (var language : List.of("zh", "en")) {
            var html = mvc.perform(post("/admin/accounts")
                            .session(session)
                            .with(csrf())
                            .param("lang", language)
                            .param("username", "typed-" + language)
                            .param("displayName", "王")
                            .param("role", "KING")
                            .param("region", "500116")
                            .param("unit", "abc"))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (language.equals("zh")) {
                assertThat(html).contains("不是可选的取值之一。", "应为整数。");
            } else {
                assertThat(html).contains("Not one of the values that can be chosen.", "Must be a whole number.");
            }
            speaksNoJava(html);
        }
        assertThat(staff()).isEqualTo(before);
    }

    @Test
    void theAuditPageNamesADateThatIsNone() throws Exception {
        var session = SignIns.session(mvc, "auditor");
        var html = mvc.perform(get("/audit").param("from", "2018-13-45").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("日期格式不正确，应为 年-月-日（如 2018-07-30）。")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        speaksNoJava(html);
        mvc.perform(get("/audit").param("from", "x").param("lang", "en").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "Not a valid date; write it as year-month-day (such as 2018-07-30).")));
    }

    @Test
    void aWrongTypeInAPageAddressIsNamedOnTheErrorPage() throws Exception {
        var session = SignIns.session(mvc, "city");
        var html = mvc.perform(get("/admin/accounts").param("page", "two").session(session))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("应为整数。")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        speaksNoJava(html);
    }

    static void speaksNoJava(String body) {
        assertThat(body)
                .doesNotContain("java.")
                .doesNotContain("Failed to convert")
                .doesNotContain("Exception")
                .doesNotContain("at dudao.");
    }

    long staff() {
        return jdbc.queryForObject("select count(*) from staff", Long.class);
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
