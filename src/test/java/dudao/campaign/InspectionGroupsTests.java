package dudao.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.DudaoTest;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@DudaoTest
class InspectionGroupsTests {

    @Autowired
    Campaigns campaigns;

    @Autowired
    Rounds rounds;

    @Autowired
    InspectionGroups groups;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    DemoPrincipals principals;
    Round round;

    @BeforeEach
    void demoRound() {
        principals = new DemoPrincipals(accounts, regions);
        var campaign = campaigns.named(DemoCampaign.NAME).orElseThrow();
        round = rounds.ofCampaign(campaign.id()).get(0);
    }

    @Test
    void demoCampaignHasTheSixFocusAreasWithChecklistItems() {
        var campaign = campaigns.named(DemoCampaign.NAME).orElseThrow();
        assertThat(campaign.focusAreas())
                .extracting(Campaign.FocusArea::name)
                .containsExactly("政治站位", "依法严惩", "综合治理", "深挖彻查", "基层组织建设", "组织领导");
        assertThat(campaign.focusAreas()).allSatisfy(a -> assertThat(a.items()).isNotEmpty());
        assertThat(campaign.clueCategories()).isNotEmpty();
    }

    @Test
    void demoRoundRunsSixteenthToThirtiethJulyInThreePhases() {
        assertThat(round.startsOn()).isEqualTo(DemoCampaign.ROUND_STARTS);
        assertThat(round.endsOn()).isEqualTo(DemoCampaign.ROUND_ENDS);
        assertThat(round.phases()).extracting(Round.Phase::name).containsExactly("区县层面检查指导", "下沉镇街检查指导", "汇总反馈");
    }

    @Test
    void fortyGroupsNumberedOnceEachEnterTheirDistrictsOnSeventeenthJuly() {
        var all = groups.ofRound(round.id(), Jurisdiction.wholeCity());
        assertThat(all).hasSize(40);
        assertThat(all)
                .extracting(InspectionGroup::number)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(all).extracting(InspectionGroup::region).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(g -> {
            assertThat(g.postedFrom()).isEqualTo(DemoCampaign.GROUPS_ENTER);
            assertThat(g.leader()).isPresent();
            assertThat(g.hotline()).isNotBlank();
            assertThat(g.mailbox()).isNotBlank();
        });
    }

    @Test
    void groupNumbersTheArticleNamesGoToTheDistrictsItNames() {
        assertThat(number("500101")).isEqualTo(1);
        assertThat(number("500114")).isEqualTo(2);
        assertThat(number("500106")).isEqualTo(7);
        assertThat(number("500107")).isEqualTo(8);
        assertThat(number("500108")).isEqualTo(9);
        assertThat(number("500113")).isEqualTo(13);
        assertThat(number("500116")).isEqualTo(16);
        assertThat(number("500151")).isEqualTo(23);
        assertThat(number("500152")).isEqualTo(24);
        assertThat(number("500238")).isEqualTo(36);
        assertThat(number("500242")).isEqualTo(39);
        assertThat(number("500243")).isEqualTo(40);
    }

    @Test
    void demoGroupLeadersLeadTheirDistrictsGroups() {
        var group16 = groups.of(principals.staff("group16").id(), round.id()).orElseThrow();
        assertThat(group16.number()).isEqualTo(16);
        assertThat(group16.regionName()).isEqualTo("江津区");
        assertThat(group16.leader().orElseThrow().username()).isEqualTo("group16");
        var group13 = groups.of(principals.staff("group13").id(), round.id()).orElseThrow();
        assertThat(group13.number()).isEqualTo(13);
        assertThat(group13.regionName()).isEqualTo("巴南区");
    }

    @Test
    void findsTheGroupStationedAboveATownship() {
        assertThat(groups.stationedIn(round.id(), new RegionCode("500106019001"))
                        .orElseThrow()
                        .number())
                .isEqualTo(7);
    }

    @Test
    void districtReadersSeeOnlyTheirDistrictsGroup() {
        var jiangjin = principals.staff("jiangjin");
        assertThat(groups.ofRound(round.id(), jiangjin.jurisdiction()))
                .extracting(InspectionGroup::number)
                .containsExactly(16);
        var group13 = groups.stationedIn(round.id(), new RegionCode("500113")).orElseThrow();
        assertThatThrownBy(() -> groups.require(group13.id(), jiangjin.jurisdiction()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void onlyTheCityOfficeSetsUpGroups() {
        var jiangjin = principals.staff("jiangjin");
        assertThatThrownBy(() -> groups.create(
                        round.id(),
                        new NewGroup(41, "500116", null, null, null, round.startsOn(), round.endsOn()),
                        jiangjin))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesASecondGroupInADistrictAndAPostingOutsideTheRound() {
        var city = principals.staff("city");
        assertThatThrownBy(() -> groups.create(
                        round.id(),
                        new NewGroup(41, "500116", null, null, null, round.startsOn(), round.endsOn()),
                        city))
                .isInstanceOf(BadInput.class)
                .hasMessage("group.region.taken");
        assertThatThrownBy(() -> groups.create(
                        round.id(),
                        new NewGroup(16, "500116", null, null, null, round.startsOn(), round.endsOn()),
                        city))
                .hasMessage("group.number.taken");
        assertThatThrownBy(() -> InspectionGroups.checkPosting(
                        round,
                        dudao.directory.RegionLevel.DISTRICT,
                        round.startsOn(),
                        round.endsOn().plusDays(1)))
                .hasMessage("group.posting.outsideRound");
    }

    private int number(String district) {
        return groups.stationedIn(round.id(), new RegionCode(district))
                .orElseThrow()
                .number();
    }
}
