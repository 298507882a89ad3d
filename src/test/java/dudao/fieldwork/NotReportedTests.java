package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.campaign.CampaignKind;
import dudao.campaign.Campaigns;
import dudao.campaign.DemoPrincipals;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.NewCampaign;
import dudao.campaign.NewGroup;
import dudao.campaign.NewRound;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.NewAccount;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.StaffAccounts;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A group that has not submitted a day is visible to the city office and reminded on its member's home page. */
@DudaoTest
class NotReportedTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Rounds rounds;

    @Autowired
    InspectionGroups groups;

    @Autowired
    FieldworkLog fieldwork;

    @Autowired
    FieldworkBulletin bulletins;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    @Test
    void showsTheGroupsThatHaveNotReportedADay() throws Exception {
        var principals = new DemoPrincipals(accounts, regions);
        var city = principals.staff("city");
        var suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
        var campaign = campaigns.create(new NewCampaign("安全生产专项整治" + suffix, CampaignKind.SAFETY), city);
        // Starts before the demo round, so the demo round stays the latest one.
        var round = rounds.create(
                campaign, new NewRound("试点轮次", LocalDate.of(2018, 7, 1), LocalDate.of(2018, 7, 30), List.of()), city);
        var group = groups.create(
                round,
                new NewGroup(5, "500113", null, null, null, LocalDate.of(2018, 7, 1), LocalDate.of(2018, 7, 30)),
                city);
        var username = "member" + suffix;
        var member = accounts.create(new NewAccount(username, "测试组员", Role.GROUP_MEMBER, "500113", null), city);
        groups.addMember(group, member.id(), InspectionGroup.MemberRole.MEMBER, city);

        assertThat(fieldwork.notReported(round, LocalDate.of(2018, 7, 30), Jurisdiction.wholeCity()))
                .extracting(InspectionGroup::number)
                .containsExactly(5);
        var bulletin = bulletins.of(round, LocalDate.of(2018, 7, 30), Jurisdiction.wholeCity());
        assertThat(bulletin.notReported()).containsExactly(5);
        assertThat(bulletin.groups().get(0).reported()).isFalse();

        var html = mvc.perform(get("/").with(authentication(principals.authentication(username))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("第5组尚未报送2018-07-30的工作情况");

        // The city office sees the group on its home page, with the way to the day's bulletin, and flagged there.
        var office = authentication(principals.authentication("city"));
        var bulletinLink = "/rounds/" + round + "/bulletin?date=2018-07-30";
        var home = mvc.perform(get("/").with(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(home).contains("<a href=\"" + bulletinLink + "\">试点轮次：1个检查指导组尚未报送2018-07-30的工作情况（第5组）</a>");
        var page = mvc.perform(get("/rounds/{id}/bulletin", round.value())
                        .param("date", "2018-07-30")
                        .with(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .containsPattern("<p[^>]*id=\"not-reported\"[^>]*>未报送：第5组</p>")
                .doesNotContain("id=\"all-reported\"");

        fieldwork.record(
                group,
                LocalDate.of(2018, 7, 30),
                new DayFigures(List.of(new DayFigures.Entry("TALKS", null, 2L)), null, null),
                accounts.principal(username).orElseThrow());
        assertThat(fieldwork.notReported(round, LocalDate.of(2018, 7, 30), Jurisdiction.wholeCity()))
                .isEmpty();
        assertThat(mvc.perform(get("/").with(office)).andReturn().getResponse().getContentAsString())
                .doesNotContain(bulletinLink);
        mvc.perform(get("/rounds/{id}/bulletin", round.value())
                        .param("date", "2018-07-30")
                        .with(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"all-reported\"")));
    }
}
