package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.audit.AuditFilter;
import dudao.audit.AuditTrail;
import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.DemoPrincipals;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.Round;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import dudao.platform.Paged;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** PUT and GET of a group's day: own group and posting days only, known kinds, no negative counts, nothing changed. */
@DudaoTest
class FieldworkApiTests {

    static final LocalDate DAY = LocalDate.of(2018, 7, 20);

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
    AuditTrail audit;

    DemoPrincipals principals;
    Round round;
    InspectionGroup group16;
    InspectionGroup group13;

    @BeforeEach
    void demo() {
        principals = new DemoPrincipals(accounts, regions);
        round = rounds.ofCampaign(
                        campaigns.named(DemoCampaign.NAME).orElseThrow().id())
                .get(0);
        group16 = groups.stationedIn(round.id(), new RegionCode("500116")).orElseThrow();
        group13 = groups.stationedIn(round.id(), new RegionCode("500113")).orElseThrow();
    }

    private ResultActions putDay(String user, InspectionGroup group, String date, String body) throws Exception {
        return mvc.perform(put("/api/v1/groups/{g}/fieldwork/{d}", group.id().value(), date)
                .with(authentication(principals.authentication(user)))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String figuresOf(InspectionGroup group, LocalDate day) {
        return FieldworkLog.describe(fieldwork
                .day(group.id(), day, Jurisdiction.wholeCity())
                .orElseThrow()
                .counts());
    }

    @Test
    void groupLeaderReadsOwnDay() throws Exception {
        mvc.perform(get("/api/v1/groups/{g}/fieldwork/{d}", group16.id().value(), DAY)
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value(DAY.toString()))
                .andExpect(jsonPath("$.counts[0].amount").isNumber());
    }

    @Test
    void refusesAnotherGroupsIdAndChangesNothing() throws Exception {
        var before = figuresOf(group13, DAY);
        putDay("group16", group13, DAY.toString(), "{\"counts\":[{\"kind\":\"TALKS\",\"amount\":1}],\"reason\":\"x\"}")
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.message").isNotEmpty());
        assertThat(figuresOf(group13, DAY)).isEqualTo(before);
    }

    @Test
    void cityOfficeCannotRecordForAGroup() throws Exception {
        putDay("city", group16, DAY.toString(), "{\"counts\":[{\"kind\":\"TALKS\",\"amount\":1}],\"reason\":\"x\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message")
                        .value("You can record fieldwork only for your own group, not for group 16."));
    }

    @Test
    void refusesADayOutsideThePosting() throws Exception {
        putDay("group16", group16, "2018-07-16", "{\"counts\":[{\"kind\":\"TALKS\",\"amount\":1}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message")
                        .value("Fieldwork can be recorded only for days of the posting (2018-07-17 to 2018-07-30)."));
        mvc.perform(get("/api/v1/groups/{g}/fieldwork/{d}", group16.id().value(), "2018-07-16")
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isNotFound());
        putDay("group16", group16, "2018-07-31", "{\"counts\":[]}").andExpect(status().isBadRequest());
    }

    @Test
    void refusesANegativeCountAndChangesNothing() throws Exception {
        var before = figuresOf(group16, DAY);
        putDay(
                        "group16",
                        group16,
                        DAY.toString(),
                        "{\"counts\":[{\"kind\":\"DOCUMENTS\",\"amount\":5},{\"kind\":\"TALKS\",\"amount\":-3}],\"reason\":\"fix\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").isNotEmpty())
                .andExpect(jsonPath("$.fields[0].message").value("The count of TALKS cannot be negative."));
        assertThat(figuresOf(group16, DAY)).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownKindWithTheKindsThereAre() throws Exception {
        var before = figuresOf(group16, DAY);
        putDay(
                        "group16",
                        group16,
                        DAY.toString(),
                        "{\"counts\":[{\"kind\":\"BANQUETS\",\"amount\":2}],\"reason\":\"r\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].message")
                        .value("There is no kind \"BANQUETS\"; the kinds are DOCUMENTS, RESIDENTS, QUESTIONNAIRES,"
                                + " UNITS, TALKS, TOWNSHIPS, KEY_AREAS."));
        assertThat(figuresOf(group16, DAY)).isEqualTo(before);
    }

    @Test
    void correctionNeedsAReasonAndIsAudited() throws Exception {
        var day = fieldwork.day(group16.id(), DAY, Jurisdiction.wholeCity()).orElseThrow();
        // The same figures sent back: the demo totals stay as the article has them.
        var body = day.counts().stream()
                .map(c ->
                        "{\"kind\":\"" + c.kind() + "\",\"phase\":\"" + c.phase() + "\",\"amount\":" + c.amount() + "}")
                .collect(Collectors.joining(",", "{\"counts\":[", "]"));
        putDay("group16", group16, DAY.toString(), body + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("reason"));
        putDay("group16", group16, DAY.toString(), body + ",\"reason\":\"核对台账后重报\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.corrections[-1:].reason").value("核对台账后重报"))
                .andExpect(jsonPath("$.version").value(day.version() + 1));
        var entries = audit.find(
                new AuditFilter(
                        "group16", "FIELDWORK_CORRECT", "group", group16.id().toString(), null, null),
                new Paged.Request(0, 10));
        assertThat(entries.items()).isNotEmpty();
        assertThat(entries.items().get(0).details()).contains("核对台账后重报");
    }

    @Test
    void districtOfficeReadsOnlyItsOwnGroupsBulletinLine() throws Exception {
        mvc.perform(get("/api/v1/rounds/{id}/bulletin", round.id().value())
                        .param("date", "2018-07-30")
                        .with(authentication(principals.authentication("jiangjin"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].number").value(16));
    }
}
