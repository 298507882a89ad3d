package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dudao.DudaoTest;
import dudao.SignIns;
import dudao.clues.ClueIntake;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The tip form's choices: 不清楚 is what an untouched question answers, and the reporter's choices about the people
 * involved, violence and weapons reach the staff with the clue, from the form and from the API alike.
 */
@DudaoTest
class TipChoicesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClueIntake intake;

    @Test
    void theFormOpensWithNotSurePreselectedForTheCategoryAndEveryChoiceQuestion() throws Exception {
        var html = mvc.perform(get("/public/tips/new").param("group", "16"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var category = between(html, "<select id=\"category\"", "</select>");
        assertThat(category).contains("<option value=\"UNKNOWN\" selected=\"selected\">不清楚</option>");
        assertThat(category.split("selected").length - 1).isEqualTo(2);
        for (var question : new String[] {"people", "violence", "weapons"}) {
            assertThat(html).contains("name=\"" + question + "\" value=\"UNKNOWN\" checked=\"checked\"");
        }
        assertThat(html).contains("大约有多少人参与", "2至5人", "10人以上", "是否使用暴力或以暴力相威胁", "是否见到刀、枪等凶器");
    }

    @Test
    void anUntouchedFormFilesTheTipAsNotSureNotAsTheFirstCategory() throws Exception {
        var marker = "未选类别" + UUID.randomUUID().toString().substring(0, 6);
        // What a browser posts for the form as it opened: each select and radio group sends its preselected value.
        var id = submit(form(marker)
                .param("category", "UNKNOWN")
                .param("people", "UNKNOWN")
                .param("violence", "UNKNOWN")
                .param("weapons", "UNKNOWN"));
        var page = staffPage(id);
        assertThat(between(page, "<dt>问题类别</dt><dd>", "<")).isEqualTo("不清楚");
        assertThat(between(page, "id=\"clue-people\">", "<")).isEqualTo("不清楚");
        mvc.perform(get("/api/v1/clues/" + id).with(SignIns.bearer(mvc, "city")))
                .andExpect(jsonPath("$.row.category").value("UNKNOWN"))
                .andExpect(jsonPath("$.circumstances.people").value("UNKNOWN"));
    }

    @Test
    void theReportersChoicesReachTheStaffOnTheCluesPage() throws Exception {
        var id = submit(form("几个人拿着砍刀收保护费" + UUID.randomUUID().toString().substring(0, 6))
                .param("category", "MARKET_BULLYING")
                .param("people", "TWO_TO_FIVE")
                .param("violence", "YES")
                .param("weapons", "NO"));
        var page = staffPage(id);
        assertThat(between(page, "id=\"clue-people\">", "<")).isEqualTo("2至5人");
        assertThat(between(page, "id=\"clue-violence\">", "<")).isEqualTo("是");
        assertThat(between(page, "id=\"clue-weapons\">", "<")).isEqualTo("否");
        mvc.perform(get("/api/v1/clues/" + id).with(SignIns.bearer(mvc, "city")))
                .andExpect(jsonPath("$.circumstances.people").value("TWO_TO_FIVE"))
                .andExpect(jsonPath("$.circumstances.violence").value("YES"))
                .andExpect(jsonPath("$.circumstances.weapons").value("NO"));
    }

    @Test
    void theApiTakesTheChoicesAsOptionalFields() throws Exception {
        var with = mvc.perform(post("/api/v1/public/tips")
                        .with(PublicTipTests.from("10.2.0.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PublicTipTests.tip("热线转来的线索" + UUID.randomUUID())
                                .replace(
                                        "\"officials\":[]",
                                        "\"officials\":[],\"circumstances\":{\"people\":\"MORE_THAN_TEN\","
                                                + "\"violence\":\"UNKNOWN\",\"weapons\":\"YES\"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.receiptCode").exists())
                .andExpect(jsonPath("$.serial").exists())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = intake.byReceipt(JsonPath.read(with, "$.receiptCode"))
                .orElseThrow()
                .value();
        mvc.perform(get("/api/v1/clues/" + id).with(SignIns.bearer(mvc, "city")))
                .andExpect(jsonPath("$.circumstances.people").value("MORE_THAN_TEN"))
                .andExpect(jsonPath("$.circumstances.weapons").value("YES"));
        assertThat(staffPage(id)).contains("10人以上");

        var without = mvc.perform(post("/api/v1/public/tips")
                        .with(PublicTipTests.from("10.2.0.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PublicTipTests.tip("没有选择题的线索" + UUID.randomUUID())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long plain = intake.byReceipt(JsonPath.read(without, "$.receiptCode"))
                .orElseThrow()
                .value();
        mvc.perform(get("/api/v1/clues/" + plain).with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.circumstances").doesNotExist());

        mvc.perform(post("/api/v1/public/tips")
                        .with(PublicTipTests.from("10.2.0.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PublicTipTests.tip("错误的选项")
                                .replace(
                                        "\"officials\":[]",
                                        "\"officials\":[],\"circumstances\":{\"people\":\"MANY\"}")))
                .andExpect(status().isBadRequest());
    }

    private MockMultipartHttpServletRequestBuilder form(String description) throws Exception {
        var page =
                mvc.perform(get("/public/tips/new")).andReturn().getResponse().getContentAsString();
        var challenge = page.replaceAll("(?s).*name=\"challenge\" value=\"([^\"]+)\".*", "$1");
        var request = multipart("/public/tips");
        request.with(csrf())
                .with(PublicTipTests.from("10.2.0.2"))
                .param("token", UUID.randomUUID().toString())
                .param("challenge", challenge)
                .param("proof", ProofOfWork.solve(challenge, 12))
                .param("region", "500116")
                .param("time", "UNKNOWN")
                .param("description", description)
                .param("officials", "NO")
                .param("named", "false");
        return request;
    }

    private long submit(MockMultipartHttpServletRequestBuilder request) throws Exception {
        var html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var code = html.replaceAll("(?s).*id=\"receipt-code\">(\\d{16})<.*", "$1");
        return intake.byReceipt(code).orElseThrow().value();
    }

    private String staffPage(long id) throws Exception {
        return mvc.perform(get("/clues/" + id).session(SignIns.session(mvc, "city")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String between(String text, String start, String end) {
        var from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        var rest = text.substring(from + start.length());
        return rest.substring(0, rest.indexOf(end));
    }
}
