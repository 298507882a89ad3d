package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.campaign.CampaignKind;
import dudao.campaign.Campaigns;
import dudao.campaign.NewCampaign;
import dudao.campaign.NewRound;
import dudao.campaign.Rounds;
import dudao.platform.BearerTokens;
import dudao.platform.Today;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A clue's handling through the API: every step, the refusals and what they leave unchanged. */
@DudaoTest
class ClueWorkflowTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BearerTokens tokens;

    @Autowired
    ClueStatistics statistics;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Rounds rounds;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Today today;

    @Autowired
    ClueProperties properties;

    private long create(String description, boolean reachable) throws Exception {
        return create(description, reachable, null);
    }

    private long create(String description, boolean reachable, Long round) throws Exception {
        var body = mvc.perform(post("/api/v1/clues")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"VISIT","region":"500116","groupNumber":16,"roundId":%s,
                                 "reporter":%s,
                                 "reported":[{"name":"不清楚","detail":""}],
                                 "activity":{"category":"VILLAGE_BULLY","place":"江津区白沙镇","time":"2018年7月",
                                             "description":"%s"}}""".formatted(round, reachable ? "{\"phone\":\"13700000000\"}" : "null", description)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body).get("id").asLong();
    }

    private ResultActions step(String user, long id, String step, String json) throws Exception {
        return step(user, id, step, json, "zh-CN");
    }

    private ResultActions step(String user, long id, String step, String json, String language) throws Exception {
        return mvc.perform(post("/api/v1/clues/" + id + "/" + step)
                .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, user))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private long policeUnit() {
        return jdbc.sql("select id from unit where name = '江津区公安局'")
                .query(Long.class)
                .single();
    }

    private String state(long id) {
        return jdbc.sql("select status || ':' || version from clue where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long audited() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    @Test
    void handlesClueFromIntakeToClosureAfterReplyingToTheReporter() throws Exception {
        long id = create("村霸张某强占集体土地，殴打村民", true);
        step("group16", id, "triage", "{\"scope\":\"EVIL\",\"subCategory\":\"VILLAGE_BULLY\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_SCOPE"));
        step("group16", id, "assign", "{\"unitId\":" + policeUnit() + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED"));
        mvc.perform(get("/api/v1/clues/" + id)
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "jiangjin-police")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeLimitDays").value(20))
                .andExpect(jsonPath("$.row.dueOn").isNotEmpty());
        step("jiangjin-police", id, "verify", """
                {"methods":["ON_SITE","SUPPLEMENTARY_INVESTIGATION"],"findings":"经实地查证，情况属实","result":"TRUE"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"));
        step("group16", id, "review", "{\"accept\":true}").andExpect(status().isOk());
        step("group16", id, "close", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("举报人留有联系方式，办结前须先答复举报人。"));
        step("group16", id, "reply", "{\"message\":\"您反映的问题经查属实，已依法处理。\"}").andExpect(status().isOk());
        step("group16", id, "close", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(get("/api/v1/clues/" + id).header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(jsonPath("$.timeline[*].action")
                        .value(org.hamcrest.Matchers.contains(
                                "received", "triage", "assign", "verify", "review-accept", "reply", "close")))
                .andExpect(jsonPath("$.messages[0].body").value("您反映的问题经查属实，已依法处理。"));
    }

    /** The limit a clue of a round gets on assignment is the one its campaign sets for the scope, as it stands then. */
    @Test
    void assignsTheTimeLimitTheCampaignSetsForTheScopeAndAChangedLimitMovesTheDueDate() throws Exception {
        var city = SignedIn.staff(mvc, tokens, "city");
        var campaign = campaigns.create(new NewCampaign("线索时限测试" + System.nanoTime(), CampaignKind.ANTI_GANG), city);
        // Over before the demo round starts, so it is never the current round of any page.
        var round = rounds.create(
                campaign, new NewRound("时限轮次", LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 10), List.of()), city);
        campaigns.setClueCategory(campaign, "EVIL", "涉恶", 12, city);
        var first = assignedEvil("时限测试：某村恶势力强揽工程", round.value());
        campaigns.setClueCategory(campaign, "EVIL", "涉恶", 17, city);
        var second = assignedEvil("时限测试：某镇恶势力欺行霸市", round.value());

        assertThat(first.get("timeLimitDays").asInt()).isEqualTo(12);
        assertThat(first.get("row").get("dueOn").asString())
                .isEqualTo(calendar.addWorkingDays(today.date(), 12).toString());
        assertThat(second.get("timeLimitDays").asInt()).isEqualTo(17);
        assertThat(second.get("row").get("dueOn").asString())
                .isEqualTo(calendar.addWorkingDays(today.date(), 17).toString());
        // A scope the campaign has no category for falls back to the configured limit.
        long gang = create("时限测试：某涉黑组织操纵砂石市场", false, round.value());
        step("group16", gang, "triage", "{\"scope\":\"GANG\",\"subCategory\":\"ORGANISED_GANG\"}")
                .andExpect(status().isOk());
        step("group16", gang, "assign", "{\"unitId\":" + policeUnit() + "}").andExpect(status().isOk());
        assertThat(clue(gang).get("timeLimitDays").asInt()).isEqualTo(properties.timeLimitFor(Scope.GANG));
    }

    private JsonNode assignedEvil(String description, long round) throws Exception {
        long id = create(description, false, round);
        step("group16", id, "triage", "{\"scope\":\"EVIL\",\"subCategory\":\"VILLAGE_BULLY\"}")
                .andExpect(status().isOk());
        step("group16", id, "assign", "{\"unitId\":" + policeUnit() + "}").andExpect(status().isOk());
        return clue(id);
    }

    private JsonNode clue(long id) throws Exception {
        return JSON.readTree(
                mvc.perform(get("/api/v1/clues/" + id).header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesStepFromTheWrongStateInTheCallersLanguageAndChangesNothing() throws Exception {
        long id = create("某镇恶势力团伙收取保护费", false);
        var before = state(id);
        long audit = audited();
        step("city", id, "close", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("只有审核通过或已移交的线索可以办结。"));
        step("city", id, "verify", "{\"methods\":[\"ON_SITE\"],\"findings\":\"x\",\"result\":\"TRUE\"}", "en")
                .andExpect(status().isForbidden());
        step("city", id, "review", "{\"accept\":true}", "en")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value("Only a verified clue can be reviewed."));
        assertThat(state(id)).isEqualTo(before);
        assertThat(audited()).isEqualTo(audit);
    }

    @Test
    void refusesBadInputWith400AndRecordsNothing() throws Exception {
        long clues = jdbc.sql("select count(*) from clue").query(Long.class).single();
        int serial = jdbc.sql("select coalesce(max(last_number), 0) from clue_serial")
                .query(Integer.class)
                .single();
        var city = SignedIn.bearer(mvc, "city");
        var unknownCategory = """
                {"channel":"HOTLINE","region":"500116",
                 "activity":{"category":"ALIENS","place":"不清楚","time":"不清楚","description":"x"}}""";
        var oversize = """
                {"channel":"HOTLINE","region":"500116",
                 "activity":{"category":"OTHER","place":"不清楚","time":"不清楚","description":"%s"}}""".formatted("长".repeat(5001));
        var unknownRegion = """
                {"channel":"HOTLINE","region":"999999",
                 "activity":{"category":"OTHER","place":"不清楚","time":"不清楚","description":"x"}}""";
        var web = """
                {"channel":"WEB","region":"500116",
                 "activity":{"category":"OTHER","place":"不清楚","time":"不清楚","description":"x"}}""";
        for (var json : new String[] {unknownCategory, oversize, unknownRegion, web, "{}", "not json"}) {
            mvc.perform(post("/api/v1/clues")
                            .header(HttpHeaders.AUTHORIZATION, city)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").isNotEmpty());
        }
        long id = create("某砂场老板强迫交易", false);
        step("city", id, "triage", "{\"scope\":\"EVIL\",\"subCategory\":\"NONSENSE\"}")
                .andExpect(status().isBadRequest());
        step("city", id, "reveal-identity", "{\"reason\":\"x\"}").andExpect(status().isBadRequest());
        assertThat(state(id)).startsWith("RECEIVED:0");
        assertThat(jdbc.sql("select count(*) from clue").query(Long.class).single())
                .isEqualTo(clues + 1);
        assertThat(jdbc.sql("select coalesce(max(last_number), 0) from clue_serial")
                        .query(Integer.class)
                        .single())
                .isLessThanOrEqualTo(serial + 1);
    }

    @Test
    void answersNotFoundForAnotherDistrictsClue() throws Exception {
        long id = create("江津某建筑工地恶势力阻工", false);
        mvc.perform(get("/api/v1/clues/" + id).header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "banan")))
                .andExpect(status().isNotFound());
        step("banan", id, "triage", "{\"scope\":\"EVIL\",\"subCategory\":\"OTHER\"}")
                .andExpect(status().isNotFound());
        step("group13", id, "reveal-identity", "{\"reason\":\"核实身份信息\"}").andExpect(status().isNotFound());
        assertThat(state(id)).startsWith("RECEIVED:0");
        mvc.perform(get("/clues/" + id).with(authentication(SignedIn.authentication(mvc, tokens, "banan"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void mergedDuplicateStaysReadableCountsOnceAndCanBeSplitOff() throws Exception {
        long main = create("白沙镇某砂石厂老板刘某强迫商户购买高价砂石", false);
        long dup = create("白沙镇砂石厂的刘老板逼迫商户高价买他的砂石", false);
        var staff = SignedIn.staff(mvc, tokens, "city");
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long before = total(today, staff);
        step("city", dup, "merge", "{\"into\":" + main + "}").andExpect(status().isOk());
        mvc.perform(get("/api/v1/clues/" + dup).header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.row.status").value("MERGED"))
                .andExpect(jsonPath("$.description").value("白沙镇砂石厂的刘老板逼迫商户高价买他的砂石"));
        assertThat(total(today, staff)).isEqualTo(before - 1);
        step("city", main, "merge", "{\"into\":" + dup + "}").andExpect(status().isConflict());
        step("city", dup, "split", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"));
        assertThat(total(today, staff)).isEqualTo(before);
    }

    @Test
    void transfersOutOfScopeClueAndClosesIt() throws Exception {
        long id = create("邻居装修噪音扰民", false);
        step("jiangjin", id, "transfer", "{\"department\":\"江津区住建委\",\"letter\":\"关于移交装修扰民问题线索的函\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TRANSFERRED"));
        step("jiangjin", id, "close", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void putsClueOnTheKeyListWithTheJointStudysConclusions() throws Exception {
        long id = create("某公司涉嫌组织领导黑社会性质组织", false);
        step("city", id, "study", "{\"key\":true,\"conclusion\":\"组织特征明显，列为重点线索，提级办理\"}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/clues")
                        .param("key", "true")
                        .param("q", "某公司涉嫌组织领导黑社会性质组织")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(jsonPath("$.items[0].keyClue").value(true));
    }

    private long total(LocalDate day, dudao.directory.Staff staff) {
        var rows = statistics.funnel(day, ClueStatistics.By.DISTRICT, staff);
        return rows.get(rows.size() - 1).received();
    }

    @Test
    void flagsATipReportedAgainAfterItWasClosedAsUntrue() throws Exception {
        long first = create("几江街道某酒楼老板黄某长期强迫周边商户从其处高价购买酒水，不从者遭威胁", false);
        step("city", first, "triage", "{\"scope\":\"EVIL\",\"subCategory\":\"FORCED_TRADING\"}")
                .andExpect(status().isOk());
        step("city", first, "assign", "{\"unitId\":" + policeUnit() + "}").andExpect(status().isOk());
        step("jiangjin-police", first, "verify", """
                {"methods":["ON_SITE"],"findings":"经走访核实，未发现强迫交易行为","result":"UNTRUE"}""").andExpect(status().isOk());
        step("city", first, "review", "{\"accept\":true}").andExpect(status().isOk());
        step("city", first, "close", "{}").andExpect(status().isOk());
        long again = create("几江街道酒楼的黄老板强迫附近商户高价买他的酒水，不买就威胁", false);
        long unrelated = create("几江街道某化工厂夜间偷排污水，河里死鱼很多", false);
        assertThat(jdbc.sql("select recheck from clue where id = ?")
                        .param(again)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select recheck from clue where id = ?")
                        .param(unrelated)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }
}
