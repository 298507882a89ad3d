package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.platform.BearerTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Intake from every channel, the serial numbers, the receipt code and the reporter's encrypted identity. */
@DudaoTest
class ClueIntakeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ClueIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClueList list;

    @Autowired
    BearerTokens tokens;

    static String hotline(String description, String name, String phone, String officials) {
        return """
                {"channel":"HOTLINE","region":"500116",
                 "reporter":{"name":%s,"phone":%s,"idNumber":"500381199001011234","address":"江津区几江街道"},
                 "reported":[{"name":"刘某","detail":"砂石厂老板"}],
                 "activity":{"category":"FORCED_TRADING","place":"江津区珞璜镇","time":"2018年6月","description":"%s"},
                 "officials":%s}""".formatted(
                        name == null ? "null" : "\"" + name + "\"",
                        phone == null ? "null" : "\"" + phone + "\"",
                        description,
                        officials == null ? "[]" : officials);
    }

    long create(String username, String json) throws Exception {
        var body = mvc.perform(post("/api/v1/clues")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, username))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body).get("id").asLong();
    }

    @Test
    void recordsHotlineClueWithSerialAndReceiptCodeShownOnce() throws Exception {
        var body = mvc.perform(post("/api/v1/clues")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(hotline("刘某强迫周边商户购买其砂石", "王某", "13800000001", null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.serial").value(org.hamcrest.Matchers.matchesPattern("渝扫线〔\\d{4}〕\\d{5}号")))
                .andExpect(jsonPath("$.receiptCode").value(org.hamcrest.Matchers.matchesPattern("\\d{16}")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var answer = JSON.readTree(body);
        long id = answer.get("id").asLong();
        var code = answer.get("receiptCode").asString();
        assertThat(intake.byReceipt(code)).contains(new ClueId(id));
        assertThat(intake.follow(code)).hasValueSatisfying(f -> {
            assertThat(f.serial()).isEqualTo(answer.get("serial").asString());
            assertThat(f.stage()).isEqualTo(FollowUp.Stage.RECEIVED);
        });
        assertThat(intake.follow("0000000000000000")).isEmpty();
        assertThat(intake.follow("not a code")).isEmpty();
        var stored = jdbc.sql("select receipt_hash from clue where id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(code);
        mvc.perform(get("/api/v1/clues/" + id).header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.row.serial").value(answer.get("serial").asString()))
                .andExpect(jsonPath("$.receiptCode").doesNotExist());
    }

    @Test
    void keepsReporterIdentityUnreadableInTheDatabase() throws Exception {
        long id = create("city", hotline("赌场老板放高利贷", "欧阳明月", "13911112222", null));
        var raw = jdbc.sql("""
                select coalesce(encode(reporter_name, 'escape'), '') || coalesce(encode(reporter_phone, 'escape'), '')
                       || coalesce(encode(reporter_id_number, 'escape'), '') || coalesce(encode(reporter_address, 'escape'), '')
                       || coalesce(encode(phone_index, 'hex'), '') || coalesce(encode(reporter_key, 'escape'), '')
                from clue where id = ?""").param(id).query(String.class).single();
        assertThat(raw).isNotEmpty().doesNotContain("欧阳", "13911112222", "500381199001011234", "几江");
        var everything = jdbc.sql("select c::text from clue c where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(everything).doesNotContain("欧阳明月", "13911112222", "500381199001011234");
    }

    @Test
    void ciphertextMovedToAnotherRowDoesNotDecrypt() throws Exception {
        long a = create("city", hotline("甲线索内容", "甲某", "13900000011", null));
        long b = create("city", hotline("乙线索内容", "乙某", "13900000012", null));
        jdbc.sql("update clue set reporter_name = (select reporter_name from clue where id = ?) where id = ?")
                .params(a, b)
                .update();
        mvc.perform(post("/api/v1/clues/" + b + "/reveal-identity")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"核实举报人身份\"}"))
                .andExpect(status().isInternalServerError());
    }

    @Test
    void masksIdentityInListsAndAnswersAndAuditsEachRevealWithItsReason() throws Exception {
        long id = create("group16", hotline("某KTV老板组织卖淫", "司马长风", "13922223333", null));
        var city = SignedIn.bearer(mvc, "city");
        var list = mvc.perform(get("/api/v1/clues").param("q", "某KTV老板组织卖淫").header(HttpHeaders.AUTHORIZATION, city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].reporter.name").value("***"))
                .andExpect(jsonPath("$.items[0].reporter.phone").value("***"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var detail = mvc.perform(get("/api/v1/clues/" + id).header(HttpHeaders.AUTHORIZATION, city))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list + detail).doesNotContain("司马长风", "13922223333");

        long auditBefore = auditCount(id);
        mvc.perform(post("/api/v1/clues/" + id + "/reveal-identity")
                        .header(HttpHeaders.AUTHORIZATION, city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/clues/" + id + "/reveal-identity")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "jiangjin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"想看看是谁举报的\"}"))
                .andExpect(status().isForbidden());
        assertThat(auditCount(id)).isEqualTo(auditBefore);

        mvc.perform(post("/api/v1/clues/" + id + "/reveal-identity")
                        .header(HttpHeaders.AUTHORIZATION, city)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"需回访举报人核实细节\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("司马长风"))
                .andExpect(jsonPath("$.phone").value("13922223333"));
        var entry = jdbc.sql("""
                select actor || ' ' || details from audit_entry
                where action = 'reveal-identity' and object_id = ? order by id desc limit 1""").param(String.valueOf(id)).query(String.class).single();
        assertThat(entry).isEqualTo("city reason=需回访举报人核实细节");
        assertThat(jdbc.sql("select string_agg(coalesce(details, ''), ' ') from audit_entry where object_id = ?")
                        .param(String.valueOf(id))
                        .query(String.class)
                        .single())
                .doesNotContain("司马长风", "13922223333");
    }

    @Test
    void groupLeaderRevealsOnlyInOwnDistrict() throws Exception {
        long id =
                create("city", hotline("巴南某村霸欺压村民", "诸葛某", "13933334444", null).replace("500116", "500113"));
        mvc.perform(post("/api/v1/clues/" + id + "/reveal-identity")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "group16"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"核实举报人身份\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/clues/" + id + "/reveal-identity")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "group13"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"核实举报人身份\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void findsEveryClueFromTheSamePhoneThroughTheBlindIndex() throws Exception {
        var city = SignedIn.staff(mvc, tokens, "city");
        long a = create("city", hotline("第一次反映某砂场强买强卖问题", "张某", "138 0013 9000", null));
        long b = create("city", hotline("另一件事：某酒店涉赌", null, "+86 13800139000", null));
        assertThat(jdbc.sql(
                                "select count(*) from clue where id in (?, ?) and phone_index = (select phone_index from clue where id = ?)")
                        .params(a, b, a)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(list.samePhone(new ClueId(a), city)).extracting(ClueRow::id).contains(b);
        mvc.perform(get("/api/v1/clues/" + a + "/similar")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.id == " + b + ")].reasons[*]").value(org.hamcrest.Matchers.hasItem("PHONE")));
    }

    @Test
    void serialsAreNeverRepeatedOrSkippedUnderFiftyConcurrentIntakes() throws Exception {
        var city = SignedIn.staff(mvc, tokens, "city");
        int n = 50;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        var results = new ArrayList<Future<Intake>>();
        try {
            for (int i = 0; i < n; i++) {
                int k = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return intake.record(newClue("并发登记测试线索 " + k), city);
                }));
            }
            start.countDown();
            var numbers = Collections.synchronizedList(new ArrayList<Integer>());
            for (var f : results) {
                var serial = f.get().serial();
                numbers.add(Integer.parseInt(serial.substring(serial.indexOf('〕') + 1, serial.indexOf('号'))));
            }
            var sorted = numbers.stream().sorted().toList();
            assertThat(sorted).doesNotHaveDuplicates().hasSize(n);
            assertThat(sorted.get(n - 1) - sorted.get(0)).isEqualTo(n - 1);
            int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .getYear();
            var stored = jdbc.sql("select serial_number from clue where serial_year = ? order by serial_number")
                    .param(year)
                    .query(Integer.class)
                    .list();
            for (int i = 0; i < stored.size(); i++) {
                assertThat(stored.get(i)).isEqualTo(i + 1);
            }
            assertThat(jdbc.sql("select last_number from clue_serial where year = ?")
                            .param(year)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(stored.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedIntakeUsesUpNoSerialNumber() throws Exception {
        var city = SignedIn.staff(mvc, tokens, "city");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        intake.record(newClue("失败前的一条"), city);
        int before = last(year);
        var bad = new NewClue(
                Channel.HOTLINE,
                "999999",
                null,
                null,
                null,
                null,
                List.of(),
                new NewClue.Activity(ActivityCategory.OTHER, "不清楚", "不清楚", "区域不存在"),
                List.of());
        try {
            intake.record(bad, city);
        } catch (dudao.platform.BadInput expected) {
            // refused
        }
        assertThat(last(year)).isEqualTo(before);
        var next = intake.record(newClue("失败后的一条"), city);
        assertThat(next.serial()).contains(String.format("%05d", before + 1));
    }

    private int last(int year) {
        return jdbc.sql("select last_number from clue_serial where year = ?")
                .param(year)
                .query(Integer.class)
                .single();
    }

    static NewClue newClue(String description) {
        return new NewClue(
                Channel.HOTLINE,
                "500116",
                16,
                null,
                null,
                null,
                List.of(new NewClue.Person("不清楚", "")),
                new NewClue.Activity(ActivityCategory.UNKNOWN, "不清楚", "不清楚", description),
                List.of());
    }

    private long auditCount(long id) {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'clue' and object_id = ?")
                .param(String.valueOf(id))
                .query(Long.class)
                .single();
    }
}
