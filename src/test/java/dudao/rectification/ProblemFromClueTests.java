package dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.campaign.DemoCampaign;
import dudao.campaign.Rounds;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A clue verified true raises a problem: its page links to the new-problem form, which starts from the clue's region,
 * report and findings, and the problem recorded keeps the clue as its source. A clue not proven true raises nothing.
 */
@DudaoTest
class ProblemFromClueTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProblemList problems;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    Rounds rounds;

    @Autowired
    JdbcClient jdbc;

    Principals principals;
    long round;

    @BeforeEach
    void demo() {
        principals = new Principals(accounts, regions);
        round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id()
                .value();
    }

    /** A demo clue of 江津区 with the given verdicts that group 16 may see. */
    long jiangjinClue(List<String> results) {
        var candidates = jdbc.sql("select id from clue where region_path like '/500000/500116/%' and result in ("
                        + String.join(
                                ", ", results.stream().map(r -> "'" + r + "'").toList()) + ") order by id")
                .query(Long.class)
                .list();
        for (long id : candidates) {
            try {
                mvc.perform(get("/clues/" + id).with(authentication(principals.authentication("group16"))))
                        .andExpect(status().isOk());
                return id;
            } catch (AssertionError | Exception hidden) {
                // Not visible to the group (a clue naming officials goes to discipline only): try the next.
            }
        }
        throw new AssertionError("The demo has no clue of 江津区 with verdict " + results + " that group 16 sees");
    }

    @Test
    void aClueVerifiedTrueRaisesAProblemThatKeepsTheClueAsItsSource() throws Exception {
        long clue = jiangjinClue(List.of("TRUE", "CASE_OPENED"));
        mvc.perform(get("/clues/" + clue).with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"clue-raise-problem\"")))
                .andExpect(content().string(containsString("/problems/new?clue=" + clue)));
        mvc.perform(get("/clues/" + clue).with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(content().string(not(containsString("clue-raise-problem"))));

        var description = jdbc.sql("select description from clue where id = ?")
                .param(clue)
                .query(String.class)
                .single();
        var serial = jdbc.sql("select serial from clue where id = ?")
                .param(clue)
                .query(String.class)
                .single();
        var form = mvc.perform(get("/problems/new")
                        .param("clue", Long.toString(clue))
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"clue\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("value=\"CLUE\" selected");
        assertThat(form).contains(serial + "：");

        var location = mvc.perform(post("/problems")
                        .param("round", Long.toString(round))
                        .param("region", "500116")
                        .param("source", "MANUAL")
                        .param("title", "由线索立项")
                        .param("description", description)
                        .param("clue", Long.toString(clue))
                        .with(csrf())
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = new ProblemId(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        var group16 = principals.staff("group16");
        assertThat(problems.require(id, group16).source()).isEqualTo(Source.CLUE);
        assertThat(problems.clueOf(id, group16)).contains(clue);
    }

    @Test
    void aClueNotProvenTrueRaisesNothing() throws Exception {
        long clue = jiangjinClue(List.of("UNTRUE", "CANNOT_VERIFY"));
        mvc.perform(get("/clues/" + clue).with(authentication(principals.authentication("group16"))))
                .andExpect(content().string(not(containsString("clue-raise-problem"))));
        mvc.perform(get("/problems/new")
                        .param("clue", Long.toString(clue))
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isBadRequest());
        long before = jdbc.sql("select count(*) from problem where clue_id = ?")
                .param(clue)
                .query(Long.class)
                .single();
        mvc.perform(post("/problems")
                        .param("round", Long.toString(round))
                        .param("region", "500116")
                        .param("title", "不属实线索")
                        .param("description", "描述")
                        .param("clue", Long.toString(clue))
                        .with(csrf())
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().is(422));
        assertThat(jdbc.sql("select count(*) from problem where clue_id = ?")
                        .param(clue)
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }
}
