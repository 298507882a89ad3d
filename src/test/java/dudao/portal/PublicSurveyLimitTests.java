package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.survey.Questionnaires;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public survey answer is limited per client and hour, as tips are: a flood from one place is refused. */
@DudaoTest
class PublicSurveyLimitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicGroups groups;

    @Autowired
    Questionnaires questionnaires;

    @Autowired
    PortalProperties properties;

    long batches() {
        return jdbc.sql("select count(*) from survey_batch").query(Long.class).single();
    }

    MockHttpServletRequestBuilder answer(String address, long question) {
        return post("/public/survey")
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .param("region", "500113")
                .param("q" + question, "YES");
    }

    @Test
    void oneClientAnswersUpToItsHourlyLimitAndIsThenRefusedWhileOthersStillAnswer() throws Exception {
        var question = questionnaires
                .active(groups.currentRound().orElseThrow().campaign())
                .get(0)
                .id();
        long before = batches();
        int limit = properties.surveyAnswersPerHour();
        for (int i = 0; i < limit; i++) {
            mvc.perform(answer("10.66.0.1", question)).andExpect(status().isOk());
        }
        mvc.perform(answer("10.66.0.1", question))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(Matchers.containsString("此处提交的问卷过多")));
        assertThat(batches()).isEqualTo(before + limit);
        mvc.perform(answer("10.66.0.2", question)).andExpect(status().isOk());
        assertThat(batches()).isEqualTo(before + limit + 1);
    }
}
