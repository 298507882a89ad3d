package dudao.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dudao.DudaoTest;
import dudao.SignIns;
import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.Round;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@DudaoTest
class SurveyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Rounds rounds;

    @Autowired
    Questionnaires questionnaires;

    @Autowired
    SurveyStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    Round demoRound() {
        var campaign = campaigns.named(DemoCampaign.NAME).orElseThrow();
        return rounds.ofCampaign(campaign.id()).stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow();
    }

    List<Question> questions() {
        return questionnaires.active(demoRound().campaign());
    }

    @Test
    void theDemoRoundsAwarenessRisesOverTheRound() {
        var round = demoRound();
        var early = statistics.rates(round.id(), Jurisdiction.wholeCity(), LocalDate.of(2018, 7, 21));
        var late = statistics.rates(round.id(), Jurisdiction.wholeCity(), DemoCampaign.ROUND_ENDS);
        assertThat(late.cumulative().respondents())
                .isGreaterThan(early.cumulative().respondents());
        assertThat(late.districts()).hasSize(40);
        var earlyDay = statistics
                .rates(round.id(), Jurisdiction.wholeCity(), LocalDate.of(2018, 7, 19))
                .today();
        var lateDay = statistics
                .rates(round.id(), Jurisdiction.wholeCity(), LocalDate.of(2018, 7, 29))
                .today();
        if (earlyDay.awarenessRate() != null && lateDay.awarenessRate() != null) {
            assertThat(lateDay.awarenessRate()).isGreaterThan(earlyDay.awarenessRate());
        }
        assertThat(late.cumulative().awarenessRate()).isBetween(0.6, 1.0);
    }

    @Test
    void aGroupEntersPaperFormsOfItsDistrictAndTheyCount() throws Exception {
        var round = demoRound();
        var before = statistics.rates(round.id(), Jurisdiction.wholeCity(), DemoCampaign.ROUND_ENDS);
        var q = questions().get(0);
        mvc.perform(post("/api/v1/rounds/" + round.id().value() + "/survey/paper")
                        .with(SignIns.bearer(mvc, "group16"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"region\":\"500116\",\"day\":\"2018-07-25\",\"forms\":10,\"tallies\":[{\"question\":"
                                        + q.id() + ",\"yes\":9,\"no\":1,\"unsure\":0}]}"))
                .andExpect(status().isCreated());
        var after = statistics.rates(round.id(), Jurisdiction.wholeCity(), DemoCampaign.ROUND_ENDS);
        assertThat(after.cumulative().respondents())
                .isEqualTo(before.cumulative().respondents() + 10);
        assertThat(after.cumulative().answeredCampaign())
                .isEqualTo(before.cumulative().answeredCampaign() + 10);
    }

    @Test
    void refusesAnotherDistrictADayOutsideThePostingAndTooManyAnswersAndChangesNothing() throws Exception {
        var round = demoRound();
        var q = questions().get(0);
        long batches = batches();
        var group16 = SignIns.bearer(mvc, "group16");
        var path = "/api/v1/rounds/" + round.id().value() + "/survey/paper";
        mvc.perform(post(path)
                        .with(group16)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"500113\",\"day\":\"2018-07-25\",\"forms\":5,\"tallies\":[{\"question\":"
                                + q.id() + ",\"yes\":5,\"no\":0,\"unsure\":0}]}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(path)
                        .with(group16)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"500116\",\"day\":\"2018-07-16\",\"forms\":5,\"tallies\":[{\"question\":"
                                + q.id() + ",\"yes\":5,\"no\":0,\"unsure\":0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("进驻期间")));
        mvc.perform(post(path)
                        .with(group16)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"500116\",\"day\":\"2018-07-25\",\"forms\":5,\"tallies\":[{\"question\":"
                                + q.id() + ",\"yes\":5,\"no\":3,\"unsure\":0}]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path)
                        .with(group16)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"500116\",\"day\":\"2018-07-25\",\"forms\":-5,\"tallies\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.length()").value(2));
        mvc.perform(post(path)
                        .with(SignIns.bearer(mvc, "jiangjin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"500116\",\"day\":\"2018-07-25\",\"forms\":5,\"tallies\":[{\"question\":"
                                + q.id() + ",\"yes\":5,\"no\":0,\"unsure\":0}]}"))
                .andExpect(status().isForbidden());
        assertThat(batches()).isEqualTo(batches);
    }

    @Test
    void aDistrictReadsOnlyItsOwnRates() throws Exception {
        var body = mvc.perform(get("/api/v1/rounds/" + demoRound().id().value() + "/survey")
                        .param("date", "2018-07-30")
                        .with(SignIns.bearer(mvc, "jiangjin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> districts = JsonPath.read(body, "$.districts[*].name");
        assertThat(districts).containsExactly("江津区");
    }

    @Test
    void theRatesPageShowsItsDefinition() throws Exception {
        mvc.perform(get("/survey").session(SignIns.session(mvc, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("数据口径")))
                .andExpect(content().string(Matchers.containsString("巴南区")));
    }

    @Test
    void theEnglishSurveyShowsEachQuestionsEnglishTextAndTheChineseWhereThereIsNone() throws Exception {
        var round = demoRound();
        var city = SignIns.session(mvc, "city");
        var chinese = "您是否参加过本村的扫黑除恶宣传活动" + System.nanoTime() % 100_000 + "？";
        mvc.perform(post("/survey/questions")
                        .session(city)
                        .with(csrf())
                        .param("round", Long.toString(round.id().value()))
                        .param("text", chinese)
                        .param("purpose", "OTHER"))
                .andExpect(status().is3xxRedirection());
        var added = questionnaires.questions(round.campaign()).stream()
                .filter(q -> q.text().equals(chinese))
                .findFirst()
                .orElseThrow();
        try {
            assertThat(added.textEn()).isNull();
            var english = page("en");
            assertThat(english)
                    .contains("Do you know that a campaign against gang crime is under way here?")
                    .doesNotContain("您是否知道本地正在开展扫黑除恶专项斗争")
                    .contains("<legend lang=\"zh-CN\">" + chinese + "</legend>");

            mvc.perform(post("/survey/questions/english")
                            .session(city)
                            .with(csrf())
                            .param("round", Long.toString(round.id().value()))
                            .param("question", Long.toString(added.id()))
                            .param("textEn", "Have you taken part in your village's campaign events?"))
                    .andExpect(status().is3xxRedirection());
            assertThat(page("en"))
                    .contains("<legend>Have you taken part in your village&#39;s campaign events?</legend>")
                    .doesNotContain(chinese);
            assertThat(page("zh_CN")).contains(chinese).contains("您是否知道本地正在开展扫黑除恶专项斗争");
            mvc.perform(get("/survey/questions")
                            .session(city)
                            .param("round", Long.toString(round.id().value())))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("value=\"Have you taken part")));

            mvc.perform(post("/survey/questions/english")
                            .session(city)
                            .with(csrf())
                            .param("round", Long.toString(round.id().value()))
                            .param("question", Long.toString(added.id()))
                            .param("textEn", "x"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString("英文题目须为2至300个字符")));
        } finally {
            questionnaires.retire(round.campaign(), added.id(), null);
        }
    }

    private String page(String language) throws Exception {
        return mvc.perform(get("/public/survey").param("lang", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theMemberOfThePublicAnswersOnlineAnonymously() throws Exception {
        var round = demoRound();
        var before = statistics.rates(round.id(), Jurisdiction.wholeCity(), DemoCampaign.ROUND_ENDS);
        var q = questions();
        mvc.perform(post("/public/survey")
                        .with(csrf())
                        .param("region", "500113")
                        .param("q" + q.get(0).id(), "YES")
                        .param("q" + q.get(1).id(), "NO"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("感谢您填写问卷")));
        var after = statistics.rates(round.id(), Jurisdiction.wholeCity(), DemoCampaign.ROUND_ENDS);
        assertThat(after.cumulative().respondents())
                .isEqualTo(before.cumulative().respondents() + 1);
        assertThat(after.cumulative().knowsCampaign())
                .isEqualTo(before.cumulative().knowsCampaign() + 1);
        assertThat(jdbc.sql("select channel from survey_batch order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("ONLINE");
    }

    @Test
    void refusesAnOnlineAnswerWithoutDistrictOrWithAnInventedReply() throws Exception {
        long batches = batches();
        var q = questions().get(0);
        mvc.perform(post("/public/survey").with(csrf()).param("q" + q.id(), "YES"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("请选择一个区县")));
        mvc.perform(post("/public/survey")
                        .with(csrf())
                        .param("region", "500113")
                        .param("q" + q.id(), "MAYBE"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/public/survey").with(csrf()).param("region", "500113"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("请至少回答一道题")));
        assertThat(batches()).isEqualTo(batches);
    }

    long batches() {
        return jdbc.sql("select count(*) from survey_batch").query(Long.class).single();
    }
}
