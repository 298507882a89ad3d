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
import dudao.deadlines.Deadlines;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import dudao.directory.Units;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The pages render for the roles that use them, offer only the forms a role may use, and refuse stale forms. */
@DudaoTest
class ProblemPagesTests {

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
    Units units;

    @Autowired
    Deadlines deadlines;

    Principals principals;
    long round;
    long police;

    @BeforeEach
    void demo() {
        principals = new Principals(accounts, regions);
        round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id()
                .value();
        police = units.named(new RegionCode("500116"), "江津区公安局")
                .orElseThrow()
                .id()
                .value();
    }

    ProblemId assigned(String title) {
        var group16 = principals.staff("group16");
        var id = problems.record(
                new NewProblem(round, null, "500116", null, null, title, "页面测试", null, null, null), group16);
        problems.assign(
                id,
                new ProblemList.Assignment(
                        police, List.of(), deadlines.clockDay().plusDays(5)),
                null,
                group16);
        return id;
    }

    @Test
    void showsTheListWithFiltersToTheGroup() throws Exception {
        assigned("列表页面测试");
        mvc.perform(get("/problems")
                        .param("status", "ASSIGNED")
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("列表页面测试")))
                .andExpect(content().string(containsString("id=\"problems\"")));
        mvc.perform(get("/problems").param("status", "CLOSED").with(authentication(principals.authentication("city"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/problems?status=CLOSED&amp;page=1")));
    }

    @Test
    void showsTheUnitItsOwnProblemsWithTheFormsItMayUse() throws Exception {
        var id = assigned("单位页面测试");
        mvc.perform(get("/problems/mine").with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("单位页面测试")));
        mvc.perform(get("/problems/" + id).with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("form-acknowledge")))
                .andExpect(content().string(not(containsString("form-accept"))));
    }

    @Test
    void refusesAFormOpenedBeforeSomeoneElseChangedTheProblem() throws Exception {
        var id = assigned("过期表单测试");
        mvc.perform(post("/problems/" + id + "/acknowledge")
                        .param("version", "0")
                        .with(csrf())
                        .with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已被他人修改")));
    }

    @Test
    void showsATransitionsInputErrorNextToItsFieldOnTheFormAndChangesNothing() throws Exception {
        var id = assigned("表单校验测试");
        var view = problems.require(id, principals.staff("group16"));
        mvc.perform(post("/problems/" + id + "/extend")
                        .param("version", Long.toString(view.version()))
                        .param("newDeadline", deadlines.today().minusDays(1).toString())
                        .param("reason", "涉及跨区调查")
                        .with(csrf())
                        .with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"error-extend-newDeadline\"")))
                // the field says it is wrong and which message describes it (screen readers read it out)
                .andExpect(content().string(containsString("aria-describedby=\"error-extend-newDeadline\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                // what the person typed is still in the form
                .andExpect(content().string(containsString(">涉及跨区调查</textarea>")))
                .andExpect(content().string(containsString("form-extend")));
        mvc.perform(post("/problems/" + id + "/extend")
                        .param("version", Long.toString(view.version()))
                        .param("newDeadline", "31/12/2030")
                        .param("reason", "x")
                        .with(csrf())
                        .with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"error-extend-newDeadline\"")));
        mvc.perform(post("/problems/" + id + "/extend")
                        .param("version", Long.toString(view.version()))
                        .param("newDeadline", deadlines.clockDay().plusDays(30).toString())
                        .param("reason", " ")
                        .header("Accept-Language", "en")
                        .with(csrf())
                        .with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"error-extend-reason\"")));
        var after = problems.require(id, principals.staff("group16"));
        org.assertj.core.api.Assertions.assertThat(after.version()).isEqualTo(view.version());
        org.assertj.core.api.Assertions.assertThat(after.pendingExtension()).isNull();
    }

    @Test
    void showsTheRecordFormsErrorsAtTheirFields() throws Exception {
        mvc.perform(post("/problems")
                        .param("round", Long.toString(round))
                        .param("region", "500116")
                        .param("title", "")
                        .param("description", "描述")
                        .with(csrf())
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("problem-form")))
                .andExpect(content().string(containsString("此项必填")))
                .andExpect(content().string(containsString("aria-describedby=\"error-title\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(containsString("aria-describedby=\"error-description\""))));
        // 巴南区 is not group 16's district: refused at the region field, on the form.
        mvc.perform(post("/problems")
                        .param("round", Long.toString(round))
                        .param("region", "500113")
                        .param("title", "别区问题")
                        .param("description", "描述")
                        .with(csrf())
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("problem-form")))
                .andExpect(content().string(containsString("别区问题")));
    }

    @Test
    void rendersTheRecordFormAndTheStatistics() throws Exception {
        mvc.perform(get("/problems/new").with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("problem-form")));
        mvc.perform(get("/problems/statistics")
                        .param("by", "DISTRICT")
                        .with(authentication(principals.authentication("city"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("statistics-total")));
        mvc.perform(get("/problems/new").with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().isForbidden());
    }

    @Autowired
    dudao.campaign.Checklists checklists;

    @Autowired
    dudao.campaign.InspectionGroups groups;

    @Autowired
    dudao.campaign.Campaigns campaigns;

    @Test
    void aRoundSetUpInAdvanceDoesNotBecomeTheFormsRoundBeforeItStarts() throws Exception {
        var city = principals.staff("city");
        var campaign = campaigns.create(
                new dudao.campaign.NewCampaign("下一轮准备测试" + System.nanoTime(), dudao.campaign.CampaignKind.OTHER), city);
        // The test profile's business day is the demo round's last day, 2018-07-30: this round has not begun.
        var later = rounds.create(
                campaign,
                new dudao.campaign.NewRound(
                        "提前设立的轮次", java.time.LocalDate.of(2018, 8, 15), java.time.LocalDate.of(2018, 8, 30), List.of()),
                city);
        var html = mvc.perform(get("/problems/new").with(authentication(principals.authentication("city"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var select = Pattern.compile("<select[^>]* id=\"round\".*?</select>", Pattern.DOTALL)
                .matcher(html);
        assertThat(select.find()).as("the round field").isTrue();
        var selected = Pattern.compile("<option value=\"(\\d+)\" selected=\"selected\"")
                .matcher(select.group());
        assertThat(selected.find()).as("a round is selected").isTrue();
        assertThat(Long.parseLong(selected.group(1)))
                .as("the demo round, running today, not the one set up for later (%s)", later.value())
                .isEqualTo(round);
    }

    @Test
    void preFillsAProblemFromAFailedChecklistItem() throws Exception {
        var group16 = principals.staff("group16");
        var roundId = new dudao.campaign.RoundId(round);
        var group = groups.of(group16.id(), roundId).orElseThrow();
        var campaign = rounds.require(roundId).campaign();
        var item = campaigns.require(campaign).focusAreas().get(1).items().get(0);
        var finding = checklists
                .assess(group.id(), item.id(), dudao.campaign.AssessmentResult.FAILS, "清单检查：未达标的具体情况", null, group16)
                .orElseThrow();
        var form = mvc.perform(get("/problems/new")
                        .param("finding", finding.toString())
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("清单检查：未达标的具体情况")))
                .andExpect(content().string(containsString("value=\"CHECKLIST\" selected")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(selected(form, "region")).isEqualTo(group.region().value());
        assertThat(selected(form, "focusArea"))
                .isEqualTo(Long.toString(item.focusArea().value()));
        assertThat(selected(form, "group")).isEqualTo(group.id().toString());
        assertThat(selected(form, "round")).isEqualTo(Long.toString(round));

        // The group's page offers the way there on the failed item, to its members and the city office only.
        var link = "/problems/new?finding=" + finding;
        for (var user : List.of("group16", "city")) {
            mvc.perform(get("/groups/{id}", group.id().value()).with(authentication(principals.authentication(user))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("href=\"" + link + "\"")))
                    .andExpect(content().string(containsString("立为整改问题")));
        }
        mvc.perform(get("/groups/{id}", group.id().value()).with(authentication(principals.authentication("jiangjin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(link))));
    }

    /** The value of the option a select of the page has selected. */
    private static String selected(String html, String select) {
        var m = Pattern.compile("<select[^>]*id=\"" + select + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("select " + select).isTrue();
        var option = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(m.group(1));
        assertThat(option.find()).as("a selected option in " + select).isTrue();
        return option.group(1);
    }

    @Test
    void listsWhatWaitsForEachRoleOnTheHomePage() throws Exception {
        var id = assigned("首页待办测试");
        mvc.perform(get("/").with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待签收")))
                .andExpect(content().string(containsString("首页待办测试")));
        var police = principals.staff("jiangjin-police");
        problems.acknowledge(id, null, police);
        problems.submitFeedback(id, "已整改", List.of(), null, police);
        mvc.perform(get("/").with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待核查销号")));
    }

    @Test
    void remindsTheUnitOnItsHomePage() throws Exception {
        var id = assigned("首页提醒测试");
        deadlines.sweep(deadlines.clockDay().plusDays(3));
        mvc.perform(get("/").with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("整改期限将至")))
                .andExpect(content().string(containsString("：首页提醒测试")))
                .andExpect(content().string(containsString("/problems/" + id)));
    }
}
