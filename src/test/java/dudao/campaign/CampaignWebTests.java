package dudao.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.audit.AuditFilter;
import dudao.audit.AuditTrail;
import dudao.directory.Jurisdiction;
import dudao.directory.NewAccount;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.StaffAccounts;
import dudao.platform.Paged;
import dudao.platform.WorkflowViolation;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@DudaoTest
@RecordApplicationEvents
class CampaignWebTests {

    @Autowired
    ApplicationEvents events;

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Rounds rounds;

    @Autowired
    InspectionGroups groups;

    @Autowired
    Checklists checklists;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    AuditTrail audit;

    DemoPrincipals principals;
    Round round;
    Campaign campaign;

    @BeforeEach
    void demo() {
        principals = new DemoPrincipals(accounts, regions);
        campaign = campaigns.named(DemoCampaign.NAME).orElseThrow();
        round = rounds.ofCampaign(campaign.id()).get(0);
    }

    @Test
    void listsCampaignsWithTheirRounds() throws Exception {
        mvc.perform(get("/api/v1/campaigns").with(authentication(principals.authentication("leader"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.campaign.name == '扫黑除恶专项斗争')].rounds[0].startsOn")
                        .value("2018-07-16"))
                .andExpect(jsonPath("$[?(@.campaign.name == '扫黑除恶专项斗争')].campaign.focusAreas.length()")
                        .value(6));
    }

    @Test
    void roundGroupsAreScopedToTheReadersJurisdiction() throws Exception {
        mvc.perform(get("/api/v1/rounds/{id}/groups", round.id().value())
                        .with(authentication(principals.authentication("city"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(40));
        mvc.perform(get("/api/v1/rounds/{id}/groups", round.id().value())
                        .with(authentication(principals.authentication("banan"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].number").value(13))
                .andExpect(jsonPath("$[0].members[0].username").value("group13"));
        mvc.perform(get("/api/v1/rounds/{id}/groups", 999_999).with(authentication(principals.authentication("city"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFailedChecklistItemBecomesAFinding() throws Exception {
        var group13 = groups.stationedIn(round.id(), new RegionCode("500113")).orElseThrow();
        var item = campaign.focusAreas().get(2).items().get(2);
        // From a passing assessment, so that the failure is new even on a database an earlier run left behind.
        checklists.assess(group13.id(), item.id(), AssessmentResult.PARTLY, null, null, principals.staff("group13"));
        mvc.perform(put(
                                "/api/v1/groups/{g}/checklist/{i}",
                                group13.id().value(),
                                item.id().value())
                        .with(authentication(principals.authentication("group13")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"FAILS\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put(
                                "/api/v1/groups/{g}/checklist/{i}",
                                group13.id().value(),
                                item.id().value())
                        .with(authentication(principals.authentication("group13")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"result":"FAILS","notes":"宣传发动未覆盖到村（社区），群众知晓率低",
                                 "evidence":"走访记录3份、问卷统计表1份"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.finding").isNumber());
        var findings = checklists.findings(round.id(), principals.staff("banan").jurisdiction());
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.groupNumber()).isEqualTo(13);
            assertThat(f.districtName()).isEqualTo("巴南区");
            assertThat(f.focusAreaName()).isEqualTo("综合治理");
            assertThat(f.itemText()).isEqualTo(item.text());
            assertThat(f.notes()).contains("知晓率");
            assertThat(f.evidence()).isEqualTo("走访记录3份、问卷统计表1份");
        });
        var finding = findings.stream()
                .filter(f -> f.item().equals(item.id()) && f.groupNumber() == 13)
                .findFirst()
                .orElseThrow();
        mvc.perform(get("/api/v1/groups/{g}/checklist", group13.id().value())
                        .with(authentication(principals.authentication("group13"))))
                .andExpect(jsonPath(
                                "$[?(@.item == %d)].finding".formatted(item.id().value()))
                        .value((int) finding.id().value()))
                .andExpect(jsonPath("$[?(@.item == %d)].evidence"
                                .formatted(item.id().value()))
                        .value("走访记录3份、问卷统计表1份"));

        // On the page: the evidence is shown, the form takes new evidence, and the failed row offers a problem.
        mvc.perform(post(
                                "/groups/{g}/checklist/{i}",
                                group13.id().value(),
                                item.id().value())
                        .with(authentication(principals.authentication("group13")))
                        .with(csrf())
                        .param("result", "FAILS")
                        .param("notes", "宣传发动未覆盖到村（社区），群众知晓率低")
                        .param("evidence", "补充：村（社区）宣传栏照片5张"))
                .andExpect(status().is3xxRedirection());
        var page = mvc.perform(get("/groups/{g}", group13.id().value())
                        .with(authentication(principals.authentication("group13"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<td class=\"evidence\">补充：村（社区）宣传栏照片5张</td>")
                .contains("name=\"evidence\"")
                .contains("href=\"/problems/new?finding=" + finding.id() + "\"");
        assertThat(checklists.finding(finding.id(), Jurisdiction.wholeCity()).evidence())
                .isEqualTo("补充：村（社区）宣传栏照片5张");
        assertThat(checklists.findings(round.id(), principals.staff("jiangjin").jurisdiction()))
                .noneMatch(f -> f.groupNumber() == 13);
        assertThat(events.stream(ChecklistItemFailed.class))
                .anySatisfy(e -> assertThat(e.group()).isEqualTo(group13.id()));
    }

    @Test
    void onlyTheGroupsMembersAssessItsChecklist() {
        var group13 = groups.stationedIn(round.id(), new RegionCode("500113")).orElseThrow();
        var item = campaign.focusAreas().get(0).items().get(0);
        assertThatThrownBy(() -> checklists.assess(
                        group13.id(), item.id(), AssessmentResult.MEETS, null, null, principals.staff("city")))
                .isInstanceOf(WorkflowViolation.class);
        assertThat(checklists.of(group13.id(), Jurisdiction.wholeCity())).hasSize(18);
    }

    @Test
    void pagesRenderForTheCityOfficeAndAGroupLeader() throws Exception {
        var group16 = groups.stationedIn(round.id(), new RegionCode("500116")).orElseThrow();
        for (var user : List.of("city", "group16", "jiangjin")) {
            var auth = authentication(principals.authentication(user));
            mvc.perform(get("/campaigns").with(auth)).andExpect(status().isOk());
            mvc.perform(get("/campaigns/{id}", campaign.id().value()).with(auth))
                    .andExpect(status().isOk());
            mvc.perform(get("/rounds/{id}", round.id().value()).with(auth)).andExpect(status().isOk());
            mvc.perform(get("/groups/{id}", group16.id().value()).with(auth)).andExpect(status().isOk());
            mvc.perform(get("/groups/{id}/fieldwork", group16.id().value()).with(auth))
                    .andExpect(status().isOk());
            mvc.perform(get("/rounds/{id}/bulletin", round.id().value()).with(auth))
                    .andExpect(status().isOk());
        }
        var group13 = groups.stationedIn(round.id(), new RegionCode("500113")).orElseThrow();
        mvc.perform(get("/groups/{id}", group13.id().value())
                        .with(authentication(principals.authentication("jiangjin"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void cityOfficeSetsUpACampaignWithARoundAndAGroup() throws Exception {
        var auth = authentication(principals.authentication("city"));
        var name = "环保督察" + System.nanoTime();
        var location = mvc.perform(post("/campaigns")
                        .with(auth)
                        .with(csrf())
                        .param("name", name)
                        .param("kind", "ENVIRONMENT"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/campaigns/{id}/focus-areas", id)
                        .with(auth)
                        .with(csrf())
                        .param("name", "水污染防治"))
                .andExpect(status().is3xxRedirection());
        var roundLocation = mvc.perform(post("/campaigns/{id}/rounds", id)
                        .with(auth)
                        .with(csrf())
                        .param("name", "第一轮")
                        .param("startsOn", "2019-04-01")
                        .param("endsOn", "2019-04-20")
                        .param("phaseStarts", "2019-04-01", "2019-04-08", "2019-04-16")
                        .param("phaseEnds", "2019-04-07", "2019-04-15", "2019-04-20")
                        .param("phaseNames", "区县层面", "下沉", "汇总"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var roundId = Long.parseLong(roundLocation.substring(roundLocation.lastIndexOf('/') + 1));
        assertThat(rounds.require(new RoundId(roundId)).phases()).hasSize(3);
        mvc.perform(post("/rounds/{id}/groups", roundId)
                        .with(auth)
                        .with(csrf())
                        .param("number", "1")
                        .param("region", "500116")
                        .param("hotline", "023-12345678")
                        .param("postedFrom", "2019-04-02")
                        .param("postedUntil", "2019-04-20"))
                .andExpect(status().is3xxRedirection());
        assertThat(groups.ofRound(new RoundId(roundId), Jurisdiction.wholeCity()))
                .singleElement()
                .satisfies(g -> assertThat(g.regionName()).isEqualTo("江津区"));
        var created =
                groups.ofRound(new RoundId(roundId), Jurisdiction.wholeCity()).get(0);
        mvc.perform(post("/groups/{id}", created.id().value())
                        .with(auth)
                        .with(csrf())
                        .param("hotline", "023-87654321")
                        .param("mailbox", "江津区邮政局第9号信箱")
                        .param("postedFrom", "2019-04-02")
                        .param("postedUntil", "2019-04-19")
                        .param("version", Integer.toString(created.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(groups.require(created.id(), Jurisdiction.wholeCity()).hotline())
                .isEqualTo("023-87654321");
        mvc.perform(post("/groups/{id}", created.id().value())
                        .with(auth)
                        .with(csrf())
                        .param("hotline", "023-11111111")
                        .param("postedFrom", "2019-04-02")
                        .param("postedUntil", "2019-04-19")
                        .param("version", Integer.toString(created.version())))
                .andExpect(status().isConflict());
        mvc.perform(post("/campaigns")
                        .with(authentication(principals.authentication("group16")))
                        .with(csrf())
                        .param("name", "x" + System.nanoTime())
                        .param("kind", "SAFETY"))
                .andExpect(status().isForbidden());

        // What the campaign looks at: a checklist item under the focus area, a clue category with its time limit.
        var campaignId = new CampaignId(id);
        var area = campaigns.require(campaignId).focusAreas().get(0);
        mvc.perform(post("/campaigns/{id}/checklist-items", id)
                        .with(auth)
                        .with(csrf())
                        .param("focusArea", Long.toString(area.id().value()))
                        .param("text", "饮用水源地排污口逐一排查"))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.require(campaignId).focusAreas().get(0).items())
                .extracting(Campaign.ChecklistItem::text)
                .containsExactly("饮用水源地排污口逐一排查");
        mvc.perform(post("/campaigns/{id}/clue-categories", id)
                        .with(auth)
                        .with(csrf())
                        .param("code", "WATER")
                        .param("name", "水污染线索")
                        .param("timeLimitDays", "20"))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.require(campaignId).clueCategory("WATER"))
                .hasValueSatisfying(c -> assertThat(c.timeLimitDays()).isEqualTo(20));
        var categories = campaigns.require(campaignId).clueCategories();
        mvc.perform(post("/campaigns/{id}/clue-categories", id)
                        .with(auth)
                        .with(csrf())
                        .param("code", "WATER")
                        .param("name", "水污染线索")
                        .param("timeLimitDays", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("办理时限须在1至365个工作日之间。")));
        mvc.perform(post("/campaigns/{id}/clue-categories", id)
                        .with(auth)
                        .with(csrf())
                        .param("code", "water pollution")
                        .param("name", "水污染线索")
                        .param("timeLimitDays", "15"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("线索类别代码须为大写字母、数字或下划线（2至32位）。")));
        assertThat(campaigns.require(campaignId).clueCategories()).isEqualTo(categories);

        // A key place of the district, audited; a district itself cannot be one.
        var township = regions.within(
                        Jurisdiction.of(regions.find(new RegionCode("500116")).orElseThrow()),
                        dudao.directory.RegionLevel.TOWNSHIP)
                .get(0);
        mvc.perform(post("/campaigns/{id}/key-places", id)
                        .with(auth)
                        .with(csrf())
                        .param("region", township.code().value())
                        .param("kind", "LISTED_AREA"))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.keyPlaces(campaignId, Jurisdiction.wholeCity()))
                .singleElement()
                .satisfies(k -> {
                    assertThat(k.region()).isEqualTo(township.code());
                    assertThat(k.kind()).isEqualTo(KeyPlaceKind.LISTED_AREA);
                });
        assertThat(audit.find(
                                new AuditFilter("city", "KEY_PLACE_LIST", "campaign", Long.toString(id), null, null),
                                new Paged.Request(0, 10))
                        .items())
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains(township.code().value()));
        mvc.perform(post("/campaigns/{id}/key-places", id)
                        .with(auth)
                        .with(csrf())
                        .param("region", "500116")
                        .param("kind", "WEAK_VILLAGE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("只有镇街或村（社区）可以列为重点地区。")));
        mvc.perform(post("/campaigns/{id}/key-places", id)
                        .with(authentication(principals.authentication("group16")))
                        .with(csrf())
                        .param("region", township.code().value())
                        .param("kind", "WEAK_VILLAGE"))
                .andExpect(status().isForbidden());
        assertThat(campaigns.keyPlaces(campaignId, Jurisdiction.wholeCity())).hasSize(1);
        mvc.perform(get("/campaigns/{id}", id).with(auth))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"key-place-form\"")))
                .andExpect(content().string(containsString("<td>" + township.name() + "</td>")));

        // The group's leader and a member.
        var city = principals.staff("city");
        var suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
        var leader = accounts.create(
                        new NewAccount("hb-leader" + suffix, "环保组组长", Role.GROUP_LEADER, "500116", null), city)
                .id();
        var member = accounts.create(
                        new NewAccount("hb-member" + suffix, "环保组组员", Role.GROUP_MEMBER, "500116", null), city)
                .id();
        mvc.perform(post("/groups/{id}/members", created.id().value())
                        .with(auth)
                        .with(csrf())
                        .param("staff", Long.toString(leader.value()))
                        .param("role", "LEADER"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/groups/{id}/members", created.id().value())
                        .with(auth)
                        .with(csrf())
                        .param("staff", Long.toString(member.value()))
                        .param("role", "MEMBER"))
                .andExpect(status().is3xxRedirection());
        var staffed = groups.require(created.id(), Jurisdiction.wholeCity());
        assertThat(staffed.leader())
                .hasValueSatisfying(m -> assertThat(m.staff()).isEqualTo(leader));
        assertThat(staffed.members())
                .extracting(InspectionGroup.Member::staff, InspectionGroup.Member::role)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(leader, InspectionGroup.MemberRole.LEADER),
                        org.assertj.core.groups.Tuple.tuple(member, InspectionGroup.MemberRole.MEMBER));
    }
}
