package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;
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
import dudao.clues.ClueIntake;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The public's way in: one tip per submission whatever the retries, safe follow-up, nothing that identifies them. */
@DudaoTest
@ExtendWith(OutputCaptureExtension.class)
class PublicTipTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClueIntake intake;

    @Autowired
    dudao.clues.ClueAttachments attachments;

    @Autowired
    dudao.directory.StaffAccounts accounts;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String tip(String description) {
        return """
                {"region":"500116","group":16,
                 "reported":[{"name":"“刀疤”","detail":"在几江街道收保护费"}],
                 "activity":{"category":"MARKET_BULLYING","place":"几江街道农贸市场","time":"最近一周内",
                             "description":"%s"},
                 "officials":[]}""".formatted(description);
    }

    long clues() {
        return jdbc.sql("select count(*) from clue").query(Long.class).single();
    }

    @Test
    void aRetryWithTheSameKeyGivesTheSameReceiptAndOneClue() throws Exception {
        var key = UUID.randomUUID().toString();
        var body = tip("菜市场有人强收摊位费，不交就砸摊 " + key);
        long before = clues();
        var first = mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.1"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(jsonPath("$.receiptCode").value(Matchers.matchesPattern("\\d{16}")))
                .andExpect(jsonPath("$.serial").value(Matchers.startsWith("渝扫线〔")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var second = mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.1"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(clues()).isEqualTo(before + 1);
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneClue() throws Exception {
        var key = UUID.randomUUID().toString();
        var body = tip("同一个举报被同时重发 " + key);
        long before = clues();
        var pool = Executors.newFixedThreadPool(6);
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> JsonPath.read(
                    mvc.perform(post("/api/v1/public/tips")
                                    .with(from("10.1.0.2"))
                                    .header("Idempotency-Key", key)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(body))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.receiptCode"));
        }
        var codes = new HashSet<String>();
        for (var future : pool.invokeAll(tasks)) {
            codes.add(future.get());
        }
        pool.shutdown();
        assertThat(codes).hasSize(1);
        assertThat(clues()).isEqualTo(before + 1);
    }

    @Test
    void manyTipsAtOnceEachGetTheirOwnReceiptAndTheSerialsStayGapFree() throws Exception {
        int n = 48;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < n; i++) {
            int k = i;
            tasks.add(() -> {
                start.await();
                return mvc.perform(post("/api/v1/public/tips")
                                .with(from("10.1.1." + k))
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(tip("同时提交的第" + k + "条线索")))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
            });
        }
        var futures = new ArrayList<java.util.concurrent.Future<String>>();
        for (var task : tasks) {
            futures.add(pool.submit(task));
        }
        start.countDown();
        var serials = new HashSet<String>();
        var codes = new HashSet<String>();
        for (var future : futures) {
            var answer = future.get();
            serials.add(JsonPath.read(answer, "$.serial"));
            codes.add(JsonPath.read(answer, "$.receiptCode"));
        }
        pool.shutdown();
        assertThat(serials).hasSize(n);
        assertThat(codes).hasSize(n);
        for (var code : codes) {
            assertThat(intake.byReceipt(code)).isPresent();
        }
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        var numbers = jdbc.sql("select serial_number from clue where serial_year = ? order by serial_number")
                .param(year)
                .query(Integer.class)
                .list();
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1);
        }
        assertThat(jdbc.sql("select last_number from clue_serial where year = ?")
                        .param(year)
                        .query(Integer.class)
                        .single())
                .isEqualTo(numbers.size());
    }

    @Test
    void aNamedReporterThroughTheApiIsStoredEncryptedAndRevealedOnlyOnRequest() throws Exception {
        var marker = UUID.randomUUID().toString();
        var body = """
                {"region":"500116","reporter":{"name":"欧阳实名","phone":"139 1234 5678"},
                 "reported":[{"name":"不清楚"}],
                 "activity":{"category":"MARKET_BULLYING","place":"几江街道","time":"昨天","description":"实名举报 %s"}}""".formatted(marker);
        var answer = mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.2.1"))
                        .header("Idempotency-Key", marker)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = intake.byReceipt(JsonPath.read(answer, "$.receiptCode"))
                .orElseThrow()
                .value();
        var row = jdbc.sql("select anonymous, has_contact, c::text as everything from clue c where id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getBoolean(2), rs.getString(3)})
                .single();
        assertThat(row[0]).isEqualTo(false);
        assertThat(row[1]).isEqualTo(true);
        assertThat((String) row[2]).doesNotContain("欧阳实名").doesNotContain("1234");
        mvc.perform(post("/api/v1/clues/" + id + "/reveal-identity")
                        .with(SignIns.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"需回访举报人核实细节\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("欧阳实名"))
                .andExpect(jsonPath("$.phone").value("139 1234 5678"));
    }

    @Test
    void aKeyReusedForOtherContentIsRefused() throws Exception {
        var key = UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.3"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("第一次 " + key)))
                .andExpect(status().isCreated());
        long before = clues();
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.3"))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("内容不同 " + key)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("Idempotency-Key")));
        assertThat(clues()).isEqualTo(before);
    }

    @Test
    void refusesStaffTokensAndBadInput() throws Exception {
        long before = clues();
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.4"))
                        .header("Authorization", "Bearer " + SignIns.token(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("带令牌")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("portal.noTokens"));
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.4"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"500116\",\"activity\":{\"category\":\"NOPE\"}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.4"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("x".repeat(6000))))
                .andExpect(status().isBadRequest());
        assertThat(clues()).isEqualTo(before);
    }

    @Test
    void aBadTipIsAnsweredWithTheStatusAndTheFieldInTheCallersLanguage() throws Exception {
        long before = clues();
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.5"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(tip("纯文本")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("error.mediaType"));
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.5"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("error.unreadable"));
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.5"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("组号是字").replace("\"group\":16", "\"group\":\"十六\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("error.unreadable"))
                .andExpect(jsonPath("$.fields[0].field").value("group"));
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.5"))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("x".repeat(6000))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("error.invalid"))
                .andExpect(jsonPath("$.fields[0].field").value("activity.description"))
                .andExpect(jsonPath("$.fields[0].message").value(Matchers.matchesPattern("[\\x20-\\x7e]+")));
        mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.5"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("x".repeat(6000))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].message").value(Matchers.matchesPattern(".*\\p{IsHan}.*")));
        assertThat(clues()).isEqualTo(before);
    }

    @Test
    void aTipAppearsInTheStaffListAndTheConversationGoesBothWays() throws Exception {
        var marker = "桥头烧烤店老板被逼交钱" + UUID.randomUUID().toString().substring(0, 6);
        var created = mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.5"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip(marker)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = JsonPath.read(created, "$.receiptCode");
        String serial = JsonPath.read(created, "$.serial");

        mvc.perform(get("/api/v1/clues").param("q", marker).with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(serial)));

        long id = intake.byReceipt(code).orElseThrow().value();
        mvc.perform(post("/api/v1/clues/" + id + "/reply")
                        .with(SignIns.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\":\"已收到，正在核查。\"}"))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/public/tips/lookup")
                        .with(from("10.1.0.5"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"" + code + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.serial").value(serial))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.messages[0].from").value("handler"))
                .andExpect(jsonPath("$.messages[0].text").value("已收到，正在核查。"));

        mvc.perform(post("/api/v1/public/tips/messages")
                        .with(from("10.1.0.5"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"" + code + "\",\"text\":\"他们晚上十点后来收钱。\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/clues/" + id).with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("他们晚上十点后来收钱。")));
    }

    @Test
    void wrongReceiptCodesRevealNothingAndAreThenRefused() throws Exception {
        var created = mvc.perform(post("/api/v1/public/tips")
                        .with(from("10.1.0.6"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("查询限制测试")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = JsonPath.read(created, "$.receiptCode");
        var wrong = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            wrong.add(mvc.perform(post("/api/v1/public/tips/lookup")
                            .with(from("10.6.6.6"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"receiptCode\":\"000000000000000" + i + "\"}"))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString()
                    .replaceAll("\"requestId\":\"[^\"]+\"", ""));
        }
        assertThat(new HashSet<>(wrong)).hasSize(1);
        mvc.perform(post("/api/v1/public/tips/lookup")
                        .with(from("10.6.6.6"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"" + code + "\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error").value("portal.limit.lookups"));
        mvc.perform(post("/api/v1/public/tips/lookup")
                        .with(from("10.1.0.6"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"receiptCode\":\"" + code + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void keepsNoAddressOrBrowserOfTheReporterInTheDatabaseOrTheLog(CapturedOutput output) throws Exception {
        var address = "10.77.123.45";
        var agent = "UA-Secret-Probe/9.9";
        mvc.perform(post("/api/v1/public/tips")
                        .with(from(address))
                        .header("User-Agent", agent)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tip("不留痕迹测试")))
                .andExpect(status().isCreated());
        for (var table : new String[] {
            "clue", "clue_event", "clue_message", "clue_person", "tip_submission", "clue_intake_key", "audit_entry"
        }) {
            long found = jdbc.sql("select count(*) from " + table + " t where t::text like ? or t::text like ?")
                    .params("%" + address + "%", "%" + agent + "%")
                    .query(Long.class)
                    .single();
            assertThat(found).as(table).isZero();
        }
        assertThat(output.getAll()).doesNotContain(address).doesNotContain(agent);
    }

    @Test
    void theFormTakesAnAnonymousTipWithAPhotoAndShowsTheReceiptOnce() throws Exception {
        var page = mvc.perform(get("/public/tips/new").param("group", "16"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"500116\" selected")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var token = page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
        var challenge = page.replaceAll("(?s).*name=\"challenge\" value=\"([^\"]+)\".*", "$1");
        var bits = Integer.parseInt(page.replaceAll("(?s).*data-proof-of-work=\"(\\d+)\".*", "$1"));
        var photo = new MockMultipartFile(
                "files", "IMG_2001.jpg", "image/jpeg", dudao.TestFiles.withExifGps(dudao.TestFiles.jpeg()));
        var receipt = mvc.perform(multipart("/public/tips")
                        .file(photo)
                        .with(csrf())
                        .with(from("10.1.0.8"))
                        .param("token", token)
                        .param("challenge", challenge)
                        .param("proof", ProofOfWork.solve(challenge, bits))
                        .param("group", "16")
                        .param("region", "500116")
                        .param("category", "VILLAGE_BULLY")
                        .param("time", "MONTH")
                        .param("description", "村里有人霸占集体鱼塘，威胁村民。")
                        .param("officials", "NO")
                        .param("named", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("查询码只显示这一次")))
                .andReturn();
        assertThat(receipt.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        var html = receipt.getResponse().getContentAsString();
        var code = html.replaceAll("(?s).*id=\"receipt-code\">(\\d{16})<.*", "$1");
        long id = intake.byReceipt(code).orElseThrow().value();
        var city = accounts.principal("city").orElseThrow();
        var stored = attachments.of(new dudao.clues.ClueId(id));
        assertThat(stored).hasSize(1);
        var content = attachments.read(new dudao.clues.ClueId(id), stored.get(0).id(), city);
        assertThat(content.contentType()).isEqualTo("image/jpeg");
        assertThat(new String(content.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    @Test
    void theFormRefusesAProgramDisguisedAsAPhotoAndStoresNothing() throws Exception {
        long before = clues();
        var exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        var page =
                mvc.perform(get("/public/tips/new")).andReturn().getResponse().getContentAsString();
        var challenge = page.replaceAll("(?s).*name=\"challenge\" value=\"([^\"]+)\".*", "$1");
        mvc.perform(multipart("/public/tips")
                        .file(new MockMultipartFile("files", "photo.jpg", "image/jpeg", exe))
                        .with(csrf())
                        .with(from("10.1.0.9"))
                        .param("token", UUID.randomUUID().toString())
                        .param("challenge", challenge)
                        .param("proof", ProofOfWork.solve(challenge, 12))
                        .param("region", "500116")
                        .param("description", "附件是伪装的程序"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("不支持这种文件类型")));
        assertThat(clues()).isEqualTo(before);
    }

    @Test
    void theFormRefusesADamagedFileWithASentenceInTheReportersLanguage() throws Exception {
        long before = clues();
        var zip = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            out.write("<Types/>".repeat(200).getBytes(StandardCharsets.UTF_8));
        }
        var broken = zip.toByteArray();
        // The entry's name (at byte 30 of its local header) made invalid UTF-8: the zip reader throws a runtime
        // exception, not an IOException.
        broken[31] = (byte) 0xC3;
        broken[32] = (byte) 0x28;
        for (var language : new String[] {"zh_CN", "en"}) {
            // A challenge serves one form: each language's form gets its own.
            var page = mvc.perform(get("/public/tips/new"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            var challenge = page.replaceAll("(?s).*name=\"challenge\" value=\"([^\"]+)\".*", "$1");
            mvc.perform(multipart("/public/tips")
                            .file(new MockMultipartFile("files", "report.docx", "application/octet-stream", broken))
                            .with(csrf())
                            .with(from("10.1.0.11"))
                            .param("lang", language)
                            .param("token", UUID.randomUUID().toString())
                            .param("challenge", challenge)
                            .param("proof", ProofOfWork.solve(challenge, 12))
                            .param("region", "500116")
                            .param("description", "附件已损坏"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content()
                            .string(Matchers.containsString(
                                    language.equals("en") ? "The file is damaged or cannot be read." : "文件已损坏或无法读取")));
        }
        assertThat(clues()).isEqualTo(before);
    }

    @Test
    void theFormNeedsItsProofOfWork() throws Exception {
        long before = clues();
        mvc.perform(multipart("/public/tips")
                        .with(csrf())
                        .with(from("10.1.0.10"))
                        .param("token", UUID.randomUUID().toString())
                        .param("challenge", "made.up.12.challenge")
                        .param("proof", "1")
                        .param("region", "500116")
                        .param("description", "没有工作量证明"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("安全校验")));
        assertThat(clues()).isEqualTo(before);
    }
}
