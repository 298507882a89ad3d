package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.DemoPrincipals;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.Round;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import java.time.LocalDate;
import java.util.HashSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The group's fieldwork page: a visit names a township or department of the district and earns coverage. */
@DudaoTest
class FieldworkPagesTests {

    static final LocalDate DAY = LocalDate.of(2018, 7, 21);

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
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    DemoPrincipals principals;
    Round round;
    InspectionGroup group16;

    @BeforeEach
    void demo() {
        principals = new DemoPrincipals(accounts, regions);
        round = rounds.ofCampaign(
                        campaigns.named(DemoCampaign.NAME).orElseThrow().id())
                .get(0);
        group16 = groups.stationedIn(round.id(), new RegionCode("500116")).orElseThrow();
    }

    @Test
    void aTownshipAndADepartmentChosenOnThePageEarnCoverageAndShowInTheBulletin() throws Exception {
        var visited = new HashSet<Object>();
        for (var visit : fieldwork.visits(group16.id(), Jurisdiction.wholeCity())) {
            visited.add(visit.region());
            visited.add(visit.unit());
        }
        var township = fieldwork.places(group16.id(), Jurisdiction.wholeCity()).stream()
                .filter(r -> r.level() == RegionLevel.TOWNSHIP && !visited.contains(r.code()))
                .findFirst()
                .orElseThrow();
        var department = fieldwork.departments(group16.id(), Jurisdiction.wholeCity()).stream()
                .filter(u -> !visited.contains(u.id()))
                .findFirst()
                .orElseThrow();
        var before = fieldwork.coverage(group16.id(), Jurisdiction.wholeCity());
        var leader = authentication(principals.authentication("group16"));

        var page = mvc.perform(get("/groups/{id}/fieldwork", group16.id().value())
                        .param("date", DAY.toString())
                        .with(leader))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<select id=\"visit-region\" name=\"region\"")
                .contains("<option value=\"" + township.code() + "\">" + township.name() + "</option>")
                .contains("<select id=\"visit-unit\" name=\"unit\"")
                .contains("<option value=\"" + department.id() + "\">" + department.name() + "</option>")
                .doesNotContain("<option value=\"500113");

        mvc.perform(post("/groups/{id}/visits", group16.id().value())
                        .with(leader)
                        .with(csrf())
                        .param("day", DAY.toString())
                        .param("region", township.code().value())
                        .param("placeKind", "TOWNSHIP")
                        .param("mode", "OPEN")
                        .param("findings", "页面测试：镇街走访"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/groups/{id}/visits", group16.id().value())
                        .with(leader)
                        .with(csrf())
                        .param("day", DAY.toString())
                        .param("unit", Long.toString(department.id().value()))
                        .param("placeKind", "DEPARTMENT")
                        .param("mode", "COVERT"))
                .andExpect(status().is3xxRedirection());
        var ids = fieldwork.visits(group16.id(), Jurisdiction.wholeCity()).stream()
                .filter(v ->
                        township.code().equals(v.region()) || department.id().equals(v.unit()))
                .map(Visit::id)
                .toList();
        try {
            assertThat(ids).hasSize(2);
            var after = fieldwork.coverage(group16.id(), Jurisdiction.wholeCity());
            assertThat(after.townships().visited()).isEqualTo(before.townships().visited() + 1);
            assertThat(after.departments().visited())
                    .isEqualTo(before.departments().visited() + 1);
            assertThat(after.visited()).isEqualTo(before.visited() + 2);
            mvc.perform(get("/groups/{id}/fieldwork", group16.id().value())
                            .param("date", DAY.toString())
                            .with(leader))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<span>" + township.name() + "</span>")));

            // The day's bulletin lists both visits for the city office, with the group's open and covert counts,
            // and not for another district's office.
            var bulletin = fieldwork.visits(group16.id(), Jurisdiction.wholeCity()).stream()
                    .filter(v -> v.day().equals(DAY))
                    .toList();
            long open =
                    bulletin.stream().filter(v -> v.mode() == VisitMode.OPEN).count();
            long covert = bulletin.size() - open;
            var city = authentication(principals.authentication("city"));
            var html = mvc.perform(get("/rounds/{id}/bulletin", round.id().value())
                            .param("date", DAY.toString())
                            .with(city))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            for (var id : ids) {
                assertThat(html).contains("id=\"visit-" + id + "\"");
            }
            assertThat(html)
                    .contains("<span class=\"place\">" + township.name() + "</span>")
                    .contains("<span class=\"place\">" + department.name() + "</span>")
                    .containsPattern("(?s)<tr id=\"group-16\">.*?<td class=\"num visits\"><span class=\"open\">" + open
                            + "</span> / <span class=\"covert\">" + covert + "</span></td>");
            mvc.perform(get("/api/v1/rounds/{id}/bulletin", round.id().value())
                            .param("date", DAY.toString())
                            .with(city))
                    .andExpect(status().isOk())
                    .andExpect(
                            jsonPath("$.groups[?(@.number == 16)].openVisits").value((int) open))
                    .andExpect(
                            jsonPath("$.groups[?(@.number == 16)].covertVisits").value((int) covert))
                    .andExpect(jsonPath("$.visits[?(@.place == '%s')].mode".formatted(township.name()))
                            .value("OPEN"))
                    .andExpect(jsonPath("$.visits[?(@.place == '%s')].mode".formatted(department.name()))
                            .value("COVERT"));
            mvc.perform(get("/rounds/{id}/bulletin", round.id().value())
                            .param("date", DAY.toString())
                            .with(authentication(principals.authentication("banan"))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("id=\"visit-" + ids.get(0) + "\""))));
        } finally {
            // The demo's visits stay as they were (group 16's coverage is the demo's).
            for (var id : ids) {
                jdbc.sql("delete from visit where id = ?").param(id).update();
            }
        }
        assertThat(fieldwork.coverage(group16.id(), Jurisdiction.wholeCity())).isEqualTo(before);
    }
}
