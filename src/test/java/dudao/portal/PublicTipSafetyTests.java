package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dudao.DudaoTest;
import dudao.SignIns;
import dudao.TestFiles;
import dudao.clues.ClueId;
import dudao.clues.ClueIntake;
import dudao.clues.ReporterFollowUp;
import dudao.platform.Uploads;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public portal under stress and misuse: resent forms, busy answers, control characters, limits per client and
 * on lookups, no gateway request id, and receipts that only the reporter's own key can bring back.
 */
@DudaoTest
class PublicTipSafetyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClueIntake intake;

    @Autowired
    ReporterFollowUp followUp;

    @Autowired
    Throttle throttle;

    @Autowired
    PortalKey keys;

    @Autowired
    PortalProperties properties;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String tip(String description) {
        return """
                {"region":"500116",
                 "reported":[{"name":"不清楚"}],
                 "activity":{"category":"MARKET_BULLYING","place":"几江街道","time":"最近一周内",
                             "description":"%s"}}""".formatted(description);
    }

    long clues() {
        return jdbc.sql("select count(*) from clue").query(Long.class).single();
    }

    long reporterMessages(ClueId clue) {
        return jdbc.sql("select count(*) from clue_message where clue_id = ? and from_reporter")
                .param(clue.value())
                .query(Long.class)
                .single();
    }

    /** The tip form as the browser has it after loading the page: its token and challenge. */
    record Form(String token, String challenge, int bits) {}

    Form form() throws Exception {
        var page = mvc.perform(get("/public/tips/new"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Form(
                page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1"),
                page.replaceAll("(?s).*name=\"challenge\" value=\"([^\"]+)\".*", "$1"),
                Integer.parseInt(page.replaceAll("(?s).*data-proof-of-work=\"(\\d+)\".*", "$1")));
    }

    /**
     * The form posted with its proof of work done. (Its CSRF token comes from Spring Security's test support here:
     * the double-submit cookie as a browser sends it is tested on a real server, in PublicFormsWithoutSessionsTests.)
     */
    MockMultipartHttpServletRequestBuilder send(
            Form form, String address, String description, MockMultipartFile... files) {
        var request = multipart("/public/tips");
        for (var file : files) {
            request.file(file);
        }
        request.with(csrf())
                .with(from(address))
                .param("token", form.token())
                .param("challenge", form.challenge())
                .param("proof", ProofOfWork.solve(form.challenge(), form.bits()))
                .param("region", "500116")
                .param("category", "VILLAGE_BULLY")
                .param("time", "MONTH")
                .param("description", description)
                .param("officials", "NO")
                .param("named", "false");
        return request;
    }

    static String receiptCode(MvcResult result) throws Exception {
        var html = result.getResponse().getContentAsString();
        assertThat(html).contains("id=\"receipt-code\"");
        return html.replaceAll("(?s).*id=\"receipt-code\">(\\d{16})<.*", "$1");
    }

    static MockMultipartFile photo() throws Exception {
        return new MockMultipartFile("files", "IMG_1.jpg", "image/jpeg", TestFiles.jpeg());
    }

    static MockMultipartFile disguisedProgram() {
        var exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        return new MockMultipartFile("files", "photo.jpg", "image/jpeg", exe);
    }

    @Test
    void aResentFormGetsTheSameReceiptAndMakesOneClue() throws Exception {
        var form = form();
        var description = "同一个表单被重新提交 " + UUID.randomUUID();
        long before = clues();
        var first = mvc.perform(send(form, "10.70.0.1", description, photo()))
                .andExpect(status().isOk())
                .andReturn();
        var again = mvc.perform(send(form, "10.70.0.1", description, photo()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(receiptCode(again)).isEqualTo(receiptCode(first));
        assertThat(clues()).isEqualTo(before + 1);
        var clue = intake.byReceipt(receiptCode(first)).orElseThrow();
        assertThat(followUp.view(clue).files()).hasSize(1);
    }

    @Test
    void aFormAnsweredBusyGoesThroughWhenSentAgain() throws Exception {
        var form = form();
        var description = "提交高峰时的举报 " + UUID.randomUUID();
        long before = clues();
        int room = properties.maxConcurrentSubmissions();
        var inside = new CountDownLatch(room);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(room);
        try {
            for (int i = 0; i < room; i++) {
                pool.submit(() -> throttle.admit(() -> {
                    inside.countDown();
                    try {
                        return release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            mvc.perform(send(form, "10.70.0.2", description))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(content().string(Matchers.containsString("当前提交人数较多")));
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertThat(clues()).isEqualTo(before);
        var receipt = mvc.perform(send(form, "10.70.0.2", description))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(intake.byReceipt(receiptCode(receipt))).isPresent();
        assertThat(clues()).isEqualTo(before + 1);
    }

    @Test
    void aKeptReceiptOpensOnlyWithTheFormsOwnToken() throws Exception {
        var form = form();
        var code = receiptCode(mvc.perform(send(form, "10.70.0.3", "查询码只能凭原始令牌找回 " + UUID.randomUUID()))
                .andExpect(status().isOk())
                .andReturn());
        var keyHash = MessageDigest.getInstance("SHA-256")
                .digest(("idempotency:form:" + form.token()).getBytes(StandardCharsets.UTF_8));
        var kept = jdbc.sql("select receipt from tip_submission where key_hash = ?")
                .param(keyHash)
                .query(byte[].class)
                .single();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain(code);
        assertThat(keys.open(kept, keys.sealingKey("form:" + form.token()), keyHash))
                .isEqualTo(code);
        // Everything the server holds without the raw token: the portal key's receipt key, the stored hash.
        assertThatThrownBy(() -> keys.open(kept, keys.derive("receipt"), keyHash))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() ->
                        keys.open(kept, keys.sealingKey(java.util.HexFormat.of().formatHex(keyHash)), keyHash))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.open(kept, keys.sealingKey("form:" + UUID.randomUUID()), keyHash))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anApiRetryStillGetsTheSameReceiptAndTheKeptCopyIsNoPlainText() throws Exception {
        var key = UUID.randomUUID().toString();
        var body = tip("接口重试 " + key);
        var first = mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.0.4"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.0.4"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(content().json(first));
        String code = JsonPath.read(first, "$.receiptCode");
        var keyHash =
                MessageDigest.getInstance("SHA-256").digest(("idempotency:" + key).getBytes(StandardCharsets.UTF_8));
        var kept = jdbc.sql("select receipt from clue_intake_key where key_hash = ?")
                .param(keyHash)
                .query(byte[].class)
                .single();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain(code);

        // A kept copy that no longer opens (sealed by an older node, or damaged): the retry is told the tip was
        // received and its code cannot be shown again; no second clue, no 500.
        long before = clues();
        kept[kept.length - 1] ^= 1;
        jdbc.sql("update clue_intake_key set receipt = ? where key_hash = ?")
                .params(kept, keyHash)
                .update();
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.0.4"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("portal.receipt.gone"));
        assertThat(clues()).isEqualTo(before);
    }

    @Test
    void controlCharactersAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
        long before = clues();
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.1.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("有人收保护费\\u0000后面的字")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("activity.description"))
                .andExpect(jsonPath("$.fields[0].message").value(Matchers.containsString("控制字符")));
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.1.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"region":"500116","reported":[{"name":"刀疤\\u0007"}],
                                 "activity":{"category":"OTHER","place":"不清楚","time":"不清楚","description":"有人打人"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("reported[0].name"));
        mvc.perform(send(form(), "10.70.1.1", "村里\u0000有人霸占鱼塘"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("发生了什么：不能包含控制字符")));
        assertThat(clues()).isEqualTo(before);
        // A tab and line breaks are text, not control characters.
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.1.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("第一行\\r\\n第二行\\t缩进")))
                .andExpect(status().isCreated());

        var created = mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.1.2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("后续留言的线索")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = JsonPath.read(created, "$.receiptCode");
        var clue = intake.byReceipt(code).orElseThrow();
        mvc.perform(post("/api/v1/public/tips/lookup")
                        .with(from("10.70.1.2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"" + code + "\\u0000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("receiptCode"));
        mvc.perform(post("/api/v1/public/tips/messages")
                        .with(from("10.70.1.2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"" + code + "\",\"text\":\"晚上\\u0000来收钱\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("text"));
        mvc.perform(post("/public/tips/lookup")
                        .with(csrf())
                        .with(from("10.70.1.2"))
                        .param("receiptCode", code + "\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("查询码不能包含控制字符")));
        mvc.perform(multipart("/public/tips/reply")
                        .with(csrf())
                        .with(from("10.70.1.2"))
                        .param("receiptCode", code)
                        .param("text", "晚上\u0000来收钱"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("留言不能包含控制字符")));
        assertThat(reporterMessages(clue)).isZero();
    }

    @Test
    void theFormChecksProofOfWorkAndTheClientsLimitBeforeItOpensTheFiles() throws Exception {
        long before = clues();
        var form = form();
        var forged = new Form(form.token(), "made.up.12.challenge", form.bits());
        mvc.perform(send(forged, "10.70.2.1", "工作量证明在文件之前", disguisedProgram()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("安全校验")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("不支持这种文件类型"))));
        var busy = new MockHttpServletRequest();
        busy.setRemoteAddr("10.70.2.2");
        var client = throttle.client(busy);
        for (int i = 0; i < properties.submissionsPerHour(); i++) {
            throttle.countSubmission(client);
        }
        mvc.perform(send(form(), "10.70.2.2", "超过限额的客户端", disguisedProgram()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.not(Matchers.containsString("不支持这种文件类型"))));
        assertThat(clues()).isEqualTo(before);
    }

    @Test
    void oneClientIsRefusedPastItsHourlyTipsWithRetryAfterInItsLanguage() throws Exception {
        int limit = properties.submissionsPerHour();
        for (int i = 0; i < limit; i++) {
            mvc.perform(post("/api/v1/public/tips")
                            .with(from("10.70.3.1"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(tip("同一来源的第" + i + "条")))
                    .andExpect(status().isCreated());
        }
        long before = clues();
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.3.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("超出限额")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"))
                .andExpect(jsonPath("$.message").value("提交过于频繁，请稍后再试。"));
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.3.1"))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("超出限额")))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.message").value(Matchers.startsWith("Too many reports")));
        mvc.perform(send(form(), "10.70.3.1", "表单也受同一限额"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"))
                .andExpect(content().string(Matchers.containsString("提交过于频繁")));
        assertThat(clues()).isEqualTo(before);
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.3.2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("另一来源不受影响")))
                .andExpect(status().isCreated());
    }

    @Test
    void lookupAndMessagesRefuseStaffTokens() throws Exception {
        var token = SignIns.token(mvc, "city");
        mvc.perform(post("/api/v1/public/tips/lookup")
                        .with(from("10.70.4.1"))
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"0000000000000000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("portal.noTokens"));
        mvc.perform(post("/api/v1/public/tips/messages")
                        .with(from("10.70.4.1"))
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"0000000000000000\",\"text\":\"带令牌的留言\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("portal.noTokens"));
    }

    @Test
    void wrongCodesSentAtOnceGetNoMoreTriesThanAllowed() throws Exception {
        int n = 20;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < n; i++) {
            int k = i;
            tasks.add(() -> {
                start.await();
                return mvc.perform(post("/api/v1/public/tips/lookup")
                                .with(from("10.70.5.1"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"receiptCode\":\"%016d\"}".formatted(k)))
                        .andReturn()
                        .getResponse()
                        .getStatus();
            });
        }
        var futures = tasks.stream().map(pool::submit).toList();
        start.countDown();
        var statuses = new ArrayList<Integer>();
        for (var future : futures) {
            statuses.add(future.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 404).count()).isEqualTo(properties.lookupFailuresBeforeRefusal());
        assertThat(statuses.stream().filter(s -> s == 429).count())
                .isEqualTo(n - properties.lookupFailuresBeforeRefusal());
        mvc.perform(post("/api/v1/public/tips/lookup")
                        .with(from("10.70.5.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"0000000000000000\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(
                                "Retry-After",
                                Long.toString(properties.refusal().toSeconds())))
                .andExpect(jsonPath("$.message")
                        .value("查询码输错次数过多，请" + properties.refusal().toMinutes() + "分钟后再试。"));
    }

    @Test
    void publicRequestsGetAFreshRequestIdWhateverTheGatewaySent() throws Exception {
        var sent = "gateway-" + UUID.randomUUID().toString().substring(0, 18);
        var answer = mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.6.1"))
                        .header("X-Request-Id", sent)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("网关请求号不进审计 " + sent)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse();
        assertThat(answer.getHeader("X-Request-Id")).isNotBlank().isNotEqualTo(sent);
        mvc.perform(get("/public/tips/new").header("X-Request-Id", sent))
                .andExpect(header().string("X-Request-Id", Matchers.not(sent)));
        assertThat(jdbc.sql("select count(*) from audit_entry where request_id = ?")
                        .param(sent)
                        .query(Long.class)
                        .single())
                .isZero();
        // Staff requests still carry the gateway's id through.
        mvc.perform(get("/api/v1/campaigns").with(SignIns.bearer(mvc, "city")).header("X-Request-Id", sent))
                .andExpect(header().string("X-Request-Id", sent));
    }

    @Test
    void aReplyRefusedForItsFilesLeavesNoMessageBehind() throws Exception {
        var created = mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.70.8.1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("补充材料太多的线索")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = JsonPath.read(created, "$.receiptCode");
        var clue = intake.byReceipt(code).orElseThrow();
        for (int i = 0; i < 9; i++) {
            followUp.addFile(clue, new Uploads.Checked("image/jpeg", "jpg", "old-" + i + ".jpg", TestFiles.jpeg()));
        }
        MockHttpServletResponse refused = mvc.perform(multipart("/public/tips/reply")
                        .file(photo())
                        .file(photo())
                        .with(csrf())
                        .with(from("10.70.8.1"))
                        .param("receiptCode", code)
                        .param("text", "这是和两张照片一起发的留言"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse();
        assertThat(refused.getContentAsString()).contains("这是和两张照片一起发的留言");
        assertThat(reporterMessages(clue)).isZero();
        assertThat(followUp.view(clue).files()).hasSize(9);
        mvc.perform(multipart("/public/tips/reply")
                        .file(photo())
                        .with(csrf())
                        .with(from("10.70.8.1"))
                        .param("receiptCode", code)
                        .param("text", "这是和一张照片一起发的留言"))
                .andExpect(status().isOk());
        assertThat(reporterMessages(clue)).isEqualTo(1);
        assertThat(followUp.view(clue).files()).hasSize(10);
    }
}
