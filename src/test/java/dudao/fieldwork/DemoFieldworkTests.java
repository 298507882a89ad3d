package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.DudaoTest;
import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.Round;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo round, replayed through the fieldwork log, reproduces the seed article's figures. */
@DudaoTest
class DemoFieldworkTests {

    static final LocalDate LAST_DAY = LocalDate.of(2018, 7, 30);

    @Autowired
    Campaigns campaigns;

    @Autowired
    Rounds rounds;

    @Autowired
    InspectionGroups groups;

    @Autowired
    FieldworkBulletin bulletins;

    @Autowired
    FieldworkLog fieldwork;

    Round round;

    @BeforeEach
    void demoRound() {
        round = rounds.ofCampaign(
                        campaigns.named(DemoCampaign.NAME).orElseThrow().id())
                .get(0);
    }

    @Test
    void bulletinOfThirtiethJulyShowsTheArticlesTotals() {
        var bulletin = bulletins.of(round.id(), LAST_DAY, Jurisdiction.wholeCity());
        var total = bulletin.totalCumulative();
        assertThat(bulletin.groups()).hasSize(40);
        assertThat(total.get(BulletinColumn.DOCUMENTS)).isGreaterThan(80_000).isLessThan(81_000);
        assertThat(total.get(BulletinColumn.RESIDENTS_DISTRICT))
                .isGreaterThan(3_800)
                .isLessThan(3_900);
        assertThat(total.get(BulletinColumn.QUESTIONNAIRES))
                .isGreaterThan(3_800)
                .isLessThan(3_900);
        assertThat(total.get(BulletinColumn.UNITS)).isGreaterThan(520).isLessThan(530);
        assertThat(total.get(BulletinColumn.TALKS)).isEqualTo(1_146);
        assertThat(total.get(BulletinColumn.RESIDENTS_TOWNSHIPS))
                .isGreaterThan(18_200)
                .isLessThan(18_300);
        assertThat(total.get(BulletinColumn.TOWNSHIPS)).isGreaterThan(480).isLessThan(490);
        assertThat(total.get(BulletinColumn.KEY_AREAS)).isEqualTo(157);
        assertThat(bulletin.notReported()).isEmpty();
    }

    @Test
    void everyGroupReportsEveryDayOfItsFifteenDayRound() {
        assertThat(round.days()).hasSize(15);
        for (var group : groups.ofRound(round.id(), Jurisdiction.wholeCity())) {
            assertThat(fieldwork.submittedDays(group.id(), Jurisdiction.wholeCity()))
                    .containsExactlyElementsOf(group.postingDays());
        }
        assertThat(fieldwork.notReported(round.id(), LocalDate.of(2018, 7, 16), Jurisdiction.wholeCity()))
                .isEmpty();
    }

    @Test
    void figuresVaryByGroupAndDay() {
        var first = bulletins.of(round.id(), LocalDate.of(2018, 7, 18), Jurisdiction.wholeCity());
        var documents = first.groups().stream()
                .map(l -> l.day().get(BulletinColumn.DOCUMENTS))
                .distinct()
                .count();
        assertThat(documents).isGreaterThan(20);
        var group16 = first.groups().stream()
                .filter(l -> l.number() == 16)
                .findFirst()
                .orElseThrow();
        var next = bulletins.of(round.id(), LocalDate.of(2018, 7, 19), Jurisdiction.wholeCity()).groups().stream()
                .filter(l -> l.number() == 16)
                .findFirst()
                .orElseThrow();
        assertThat(next.day().get(BulletinColumn.DOCUMENTS))
                .isNotEqualTo(group16.day().get(BulletinColumn.DOCUMENTS));
    }

    @Test
    void group24CoversSixtyPercentOfTongnan() {
        var group = group("500152");
        assertThat(group.number()).isEqualTo(24);
        var coverage = fieldwork.coverage(group.id(), Jurisdiction.wholeCity());
        assertThat(coverage.townships().visited()).isEqualTo(13);
        assertThat(coverage.listedAreas().visited()).isEqualTo(3);
        assertThat(coverage.weakVillages().visited()).isEqualTo(2);
        assertThat(coverage.departments().visited()).isEqualTo(3);
        assertThat(coverage.percent()).isEqualTo(60);
    }

    @Test
    void group7MadeFifteenCovertVisitsAndSpotCheckedFourListedKeyAreas() {
        var group = group("500106");
        assertThat(group.number()).isEqualTo(7);
        var visits = fieldwork.visits(group.id(), Jurisdiction.wholeCity());
        assertThat(visits.stream()
                        .filter(v -> v.mode() == VisitMode.COVERT
                                && EnumSet.of(PlaceKind.MARKET, PlaceKind.STATION, PlaceKind.SCENIC_AREA)
                                        .contains(v.placeKind())))
                .hasSize(15);
        var listed = visits.stream().filter(Visit::listedKeyArea).toList();
        assertThat(listed).hasSize(4);
        assertThat(listed).extracting(Visit::place).contains("花园社区", "高店子社区");
        var bulletin = bulletins.of(round.id(), LAST_DAY, Jurisdiction.wholeCity());
        assertThat(bulletin.groups().stream()
                        .filter(l -> l.number() == 7)
                        .findFirst()
                        .orElseThrow()
                        .cumulative()
                        .get(BulletinColumn.KEY_AREAS))
                .isEqualTo(4);
    }

    private InspectionGroup group(String district) {
        return groups.stationedIn(round.id(), new RegionCode(district)).orElseThrow();
    }
}
