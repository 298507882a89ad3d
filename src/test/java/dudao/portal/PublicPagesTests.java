package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DatabaseOwner;
import dudao.DudaoTest;
import dudao.campaign.CampaignKind;
import dudao.campaign.Campaigns;
import dudao.campaign.InspectionGroups;
import dudao.campaign.NewCampaign;
import dudao.campaign.NewGroup;
import dudao.campaign.NewRound;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.StaffAccounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What each group publishes while posted, readable without signing in. */
@DudaoTest
class PublicPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Rounds rounds;

    @Autowired
    InspectionGroups groups;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Flyway flyway;

    /**
     * Rounds a test sets up, removed after it: while one of them is the current round it takes over the public page
     * (and other modules' pages), which the other tests sharing this database read.
     */
    final List<RoundId> made = new ArrayList<>();

    @Test
    void listsEveryGroupOfTheRoundWithItsHotlineMailboxAndOffice() throws Exception {
        var html = mvc.perform(get("/public"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html.split("data-group=\"").length - 1).isEqualTo(40);
        assertThat(html).contains("江津区", "巴南区", "两江新区", "第16组", "受理中");
    }

    @Test
    void showsTheHotlineAsActiveOnlyWhileTheGroupIsPosted() throws Exception {
        // The demo's today is 2018-07-30: a round running on it, begun after the demo round, is the current one.
        var round = round(LocalDate.of(2018, 7, 20), LocalDate.of(2018, 7, 31));
        group(round, 71, "500116", LocalDate.of(2018, 7, 20), LocalDate.of(2018, 7, 31));
        group(round, 72, "500113", LocalDate.of(2018, 7, 20), LocalDate.of(2018, 7, 25));
        var html = mvc.perform(get("/public")).andReturn().getResponse().getContentAsString();

        assertThat(row(html, 71)).contains("href=\"tel:023-7100\"", "受理中").doesNotContain("未在进驻期");
        assertThat(row(html, 72))
                .contains("023-7200", "未在进驻期")
                .doesNotContain("tel:")
                .doesNotContain("受理中")
                .doesNotContain("/public/tips/new");
    }

    @Test
    void linksEachPostedGroupToTheTipFormForItsDistrict() throws Exception {
        var html = mvc.perform(get("/public")).andReturn().getResponse().getContentAsString();
        assertThat(row(html, 16)).contains("href=\"/public/tips/new?group=16\"", "网上举报");
    }

    @Test
    void labelsEveryCellOfAGroupForPhonesWhereTheTableHeaderIsHidden() throws Exception {
        var row = row(mvc.perform(get("/public")).andReturn().getResponse().getContentAsString(), 16);
        assertThat(row)
                .contains(
                        "data-label=\"检查指导组\"",
                        "data-label=\"进驻区县\"",
                        "data-label=\"举报电话\"",
                        "data-label=\"邮政信箱\"",
                        "data-label=\"办公地点\"",
                        "data-label=\"进驻时间\"");
        var english = row(
                mvc.perform(get("/public").param("lang", "en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                16);
        assertThat(english)
                .contains("data-label=\"Hotline\"", "data-label=\"Postal mailbox\"", "data-label=\"Office\"");
    }

    @Test
    void aRoundSetUpAheadOrBegunLaterButEndedDoesNotTakeOverThePublicPage() throws Exception {
        var ended = round(LocalDate.of(2018, 7, 20), LocalDate.of(2018, 7, 25));
        group(ended, 73, "500116", LocalDate.of(2018, 7, 20), LocalDate.of(2018, 7, 25));
        var ahead = round(LocalDate.of(2018, 8, 15), LocalDate.of(2018, 8, 30));
        group(ahead, 74, "500116", LocalDate.of(2018, 8, 15), LocalDate.of(2018, 8, 30));
        var html = mvc.perform(get("/public")).andReturn().getResponse().getContentAsString();
        assertThat(html.split("data-group=\"").length - 1).isEqualTo(40);
        assertThat(html).doesNotContain("data-group=\"73\"").doesNotContain("data-group=\"74\"");
        assertThat(row(html, 16)).contains("受理中");
    }

    @Test
    void printsAPosterWithTheHotlineMailboxOfficeAndAQrCodeToTheTipForm() throws Exception {
        var group16 =
                groups
                        .ofRound(
                                rounds.runningOn(LocalDate.of(2018, 7, 30))
                                        .get(0)
                                        .id(),
                                Jurisdiction.wholeCity())
                        .stream()
                        .filter(g -> g.number() == 16)
                        .findFirst()
                        .orElseThrow();
        assertThat(group16.hotline()).isNotBlank();
        assertThat(group16.mailbox()).isNotBlank();
        mvc.perform(get("/public/groups/16/poster"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("第16组进驻江津区")))
                .andExpect(content()
                        .string(Matchers.containsString("<dd class=\"poster-hotline\">" + group16.hotline() + "</dd>")))
                .andExpect(content().string(Matchers.containsString("<dd>" + group16.mailbox() + "</dd>")))
                .andExpect(content().string(Matchers.containsString("<dd>" + group16.officeAddress() + "</dd>")))
                .andExpect(content().string(Matchers.containsString("/public/groups/16/qr.svg")))
                .andExpect(content().string(Matchers.containsString("/public/tips/new?group=16")));
        mvc.perform(get("/public/groups/16/qr.svg"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("image/svg+xml")))
                .andExpect(content().string(Matchers.startsWith("<svg")));
    }

    @Test
    void givesAPlainCaptionForScreens() throws Exception {
        mvc.perform(get("/public/groups/16/caption"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/plain")))
                .andExpect(content().string(Matchers.containsString("第16检查指导组进驻江津区")))
                .andExpect(content().string(Matchers.containsString("举报电话：023-")));
    }

    @Test
    void anUnknownGroupIsNotFound() throws Exception {
        mvc.perform(get("/public/groups/99/poster")).andExpect(status().isNotFound());
        mvc.perform(get("/public/groups/abc/poster")).andExpect(status().isBadRequest());
    }

    @Test
    void readingThePublicPagesOpensNoSession() throws Exception {
        var response = mvc.perform(get("/public")).andReturn();
        assertThat(response.getRequest().getSession(false)).isNull();
    }

    @AfterEach
    void removeTheRoundsMade() {
        var owner = DatabaseOwner.jdbc(flyway);
        for (var round : made) {
            owner.update("delete from inspection_group where round_id = ?", round.value());
            owner.update("delete from round_phase where round_id = ?", round.value());
            owner.update("delete from round where id = ?", round.value());
        }
        made.clear();
    }

    private RoundId round(LocalDate from, LocalDate until) {
        var city = accounts.principal("city").orElseThrow();
        var suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
        var campaign = campaigns.create(new NewCampaign("公开页面测试" + suffix, CampaignKind.OTHER), city);
        var round = rounds.create(campaign, new NewRound("轮次" + suffix, from, until, List.of()), city);
        made.add(round);
        return round;
    }

    private void group(RoundId round, int number, String region, LocalDate from, LocalDate until) {
        groups.create(
                round,
                new NewGroup(number, region, "023-" + number + "00", "信箱" + number, "办公室" + number, from, until),
                accounts.principal("city").orElseThrow());
    }

    private static String row(String html, int group) {
        var start = html.indexOf("data-group=\"" + group + "\"");
        assertThat(start).as("row of group " + group).isNotNegative();
        var row = html.substring(start);
        return row.substring(0, row.indexOf("</tr>"));
    }
}
