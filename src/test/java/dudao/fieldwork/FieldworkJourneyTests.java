package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.Browser;
import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.InspectionGroups;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.StaffAccounts;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** In real Chromium: group 16's leader corrects a day's figures and records a covert visit; the city office sees them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FieldworkJourneyTests {

    static final LocalDate DAY = LocalDate.of(2018, 7, 30);

    @LocalServerPort
    int port;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Rounds rounds;

    @Autowired
    InspectionGroups groups;

    @Autowired
    FieldworkLog fieldwork;

    @Autowired
    StaffAccounts accounts;

    @Test
    void groupLeaderRecordsTheDayAndACovertVisitAndTheCityOfficeSeesThemInTheBulletin() {
        var round = rounds.ofCampaign(
                        campaigns.named(DemoCampaign.NAME).orElseThrow().id())
                .get(0);
        var group16 = groups.stationedIn(round.id(), new RegionCode("500116")).orElseThrow();
        var original =
                fieldwork.day(group16.id(), DAY, Jurisdiction.wholeCity()).orElseThrow();
        try (var browser = Browser.open(port)) {
            browser.signIn("group16");
            browser.go("/fieldwork");
            assertThat(browser.path()).startsWith("/groups/" + group16.id() + "/fieldwork");
            browser.go("/groups/" + group16.id() + "/fieldwork?date=" + DAY);
            browser.type("#kind-DOCUMENTS", "4321");
            browser.type("#kind-TALKS", "17");
            browser.type("#kind-RESIDENTS", "88");
            browser.type("#reason", "补录当日调阅案卷");
            browser.click("#figures-form button[type=submit]");
            browser.waitForText("补录当日调阅案卷");
            assertThat(browser.text("#count-DOCUMENTS-SUMMARY")).contains("4321");

            browser.type("#visit-place", "江津区几江街道某娱乐场所");
            browser.driver()
                    .findElement(org.openqa.selenium.By.cssSelector("#visit-kind option[value=OTHER]"))
                    .click();
            browser.driver()
                    .findElement(org.openqa.selenium.By.cssSelector("#visit-mode option[value=COVERT]"))
                    .click();
            browser.type("#visit-findings", "夜间暗访，未发现涉黑涉恶迹象");
            browser.click("#visit-form button[type=submit]");
            browser.waitForText("江津区几江街道某娱乐场所");
            assertThat(browser.text("#visits")).contains("江津区几江街道某娱乐场所", "夜间暗访");

            browser.driver().manage().deleteAllCookies();
            browser.signIn("city");
            browser.go("/rounds/" + round.id() + "/bulletin?date=" + DAY);
            browser.waitForText(DemoCampaign.ROUND_NAME);
            var line = browser.text("#group-16 td[data-column=DOCUMENTS] .day");
            assertThat(line).isEqualTo("4321");
            assertThat(browser.text("#group-16 td[data-column=TALKS] .day")).isEqualTo("17");
            assertThat(browser.text("#group-16 td[data-column=RESIDENTS_DISTRICT] .day"))
                    .isEqualTo("88");
            assertThat(browser.text("#bulletin-visits")).contains("江津区几江街道某娱乐场所", "暗访");
            assertThat(Integer.parseInt(browser.text("#group-16 td.visits .covert")))
                    .isPositive();
        } finally {
            // Put the demo day back as it was, so the article's totals hold for every test on this database.
            var entries = original.counts().stream()
                    .map(c -> new DayFigures.Entry(c.kind().name(), c.phase().name(), (long) c.amount()))
                    .toList();
            fieldwork.record(
                    group16.id(),
                    DAY,
                    new DayFigures(entries, "restore the demo figures after the browser journey", null),
                    accounts.principal("group16").orElseThrow());
        }
    }
}
