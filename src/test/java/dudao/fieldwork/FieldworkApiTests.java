package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import dudao.directory.Units;
import dudao.platform.Paged;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * PUT and GET of a group's day, and its visits and coverage: own group, own district and posting days only, known
 * kinds, no negative counts; a refusal says why in the caller's language and changes nothing.
 */
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

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

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
        // Another district's group answers like one that does not exist, so its id cannot be probed.
        putDay("group16", group13, DAY.toString(), "{\"counts\":[{\"kind\":\"TALKS\",\"amount\":1}],\"reason\":\"x\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message")
                        .value("There is no such inspection group, or it is outside your jurisdiction."));
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
                        .with(authentication(principals.authentication("group16")))
                        .header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.message").value("No figures have been reported for 2018-07-16."));
        mvc.perform(get("/api/v1/groups/{g}/fieldwork/{d}", group16.id().value(), "2018-07-16")
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("2018-07-16的工作情况尚未报送。"));
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

    private ResultActions postVisit(String user, InspectionGroup group, String body) throws Exception {
        return mvc.perform(post("/api/v1/groups/{g}/visits", group.id().value())
                .with(authentication(principals.authentication(user)))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** The visits there are and the visits the audit trail has recorded. */
    private String visitsWritten() {
        return jdbc.sql("select count(*) from visit").query(Long.class).single() + "/"
                + jdbc.sql("select count(*) from audit_entry where action = 'VISIT_RECORD'")
                        .query(Long.class)
                        .single();
    }

    @Test
    void refusesABadVisitWithAClearMessageAndWritesNothing() throws Exception {
        var before = visitsWritten();
        var bananTownship = regions.within(
                        Jurisdiction.of(regions.find(group13.region()).orElseThrow()), RegionLevel.TOWNSHIP)
                .get(0);
        var bananPolice = units.named(group13.region(), "巴南区公安局").orElseThrow();
        postVisit("group16", group16, """
                        {"day":"2018-07-20","region":"%s","placeKind":"TOWNSHIP","mode":"OPEN"}""".formatted(bananTownship.code()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The place visited must lie in the group's district."));
        postVisit("group16", group16, """
                        {"day":"2018-07-20","unit":%d,"placeKind":"DEPARTMENT","mode":"OPEN"}""".formatted(bananPolice.id().value()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The place visited must lie in the group's district."));
        postVisit("group16", group13, """
                        {"day":"2018-07-20","place":"巴南区某农贸市场","placeKind":"MARKET","mode":"COVERT"}""")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message")
                        .value("There is no such inspection group, or it is outside your jurisdiction."));
        postVisit("group16", group16, """
                        {"day":"2018-07-20","placeKind":"MARKET","mode":"COVERT"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Name the place visited."));
        postVisit("group16", group16, """
                        {"day":"2018-07-20","place":"   ","placeKind":"MARKET","mode":"COVERT"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Name the place visited."));
        postVisit("group16", group16, """
                        {"day":"2018-07-16","place":"江津区某农贸市场","placeKind":"MARKET","mode":"COVERT"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message")
                        .value("Fieldwork can be recorded only for days of the posting (2018-07-17 to 2018-07-30)."));
        postVisit("city", group16, """
                        {"day":"2018-07-20","place":"江津区某农贸市场","placeKind":"MARKET","mode":"COVERT"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message")
                        .value("You can record fieldwork only for your own group, not for group 16."));
        assertThat(visitsWritten()).isEqualTo(before);
    }

    @Test
    void recordsAVisitWithOnlyTheFieldsItNeeds() throws Exception {
        var body = mvc.perform(post("/api/v1/groups/{g}/visits", group16.id().value())
                        .with(authentication(principals.authentication("group16")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"day":"2018-07-22","place":"江津区某汽车站","placeKind":"STATION","mode":"COVERT"}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll("\\D", ""));
        try {
            mvc.perform(get("/api/v1/groups/{g}/visits", group16.id().value())
                            .with(authentication(principals.authentication("jiangjin"))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.id == %d)].place".formatted(id)).value("江津区某汽车站"))
                    .andExpect(jsonPath("$[?(@.id == %d)].listedKeyArea".formatted(id))
                            .value(false));
        } finally {
            // The demo's visits stay as they were.
            jdbc.sql("delete from visit where id = ?").param(id).update();
        }
    }

    @Test
    void readsVisitsAndCoverageOnlyOfGroupsInTheJurisdiction() throws Exception {
        for (var path : new String[] {"/api/v1/groups/{g}/visits", "/api/v1/groups/{g}/coverage"}) {
            mvc.perform(get(path, group13.id().value())
                            .with(authentication(principals.authentication("group16")))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.message")
                            .value("There is no such inspection group, or it is outside your jurisdiction."));
            mvc.perform(get(path, group13.id().value()).with(authentication(principals.authentication("jiangjin"))))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.message").value("检查指导组不存在，或不在您的管辖范围内。"));
            mvc.perform(get(path, 999_999_999L)
                            .with(authentication(principals.authentication("city")))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.message")
                            .value("There is no such inspection group, or it is outside your jurisdiction."));
            mvc.perform(get(path, group16.id().value()).with(authentication(principals.authentication("jiangjin"))))
                    .andExpect(status().isOk());
        }
        var coverage = fieldwork.coverage(group16.id(), Jurisdiction.wholeCity());
        mvc.perform(get("/api/v1/groups/{g}/coverage", group16.id().value())
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(
                        jsonPath("$.townships.total").value(coverage.townships().total()))
                .andExpect(jsonPath("$.percent").value(coverage.percent()));
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
