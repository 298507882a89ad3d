package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Importing a hotline's existing ledger: all or nothing, each bad row reported. */
@DudaoTest
class ClueImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dudao.platform.BearerTokens tokens;

    private static byte[] ledger(String[]... rows) throws Exception {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("台账");
            var header = new String[] {"受理时间", "来源渠道", "所属区县", "举报人", "电话", "被举报人", "类别", "地点", "时间", "主要问题", "公职人员"};
            var h = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private long count() {
        return jdbc.sql("select count(*) from clue").query(Long.class).single();
    }

    @Test
    void importsAHotlineLedgerWithAReceiptCodeForEachClue() throws Exception {
        long before = count();
        var file = ledger(
                new String[] {
                    "2018-07-20 10:30",
                    "举报电话",
                    "江津区",
                    "",
                    "13800001111",
                    "冯某、褚某",
                    "非法放贷、套路贷",
                    "江津区双福街道",
                    "2018年5月",
                    "导入测试：冯某在双福街道放高利贷",
                    ""
                },
                new String[] {
                    "2018-07-21 15:00",
                    "LETTER",
                    "500113",
                    "匿名",
                    "",
                    "不清楚",
                    "UNKNOWN",
                    "不清楚",
                    "不清楚",
                    "导入测试：某村霸欺压村民",
                    "不清楚"
                });
        mvc.perform(multipart("/api/v1/clues/import")
                        .file(new MockMultipartFile("file", "ledger.xlsx", null, file))
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.clues[0].serial").value(org.hamcrest.Matchers.startsWith("渝扫线〔2018〕")))
                .andExpect(jsonPath("$.clues[1].receiptCode").value(org.hamcrest.Matchers.matchesPattern("\\d{16}")));
        assertThat(count()).isEqualTo(before + 2);
        assertThat(jdbc.sql("select officials_named from clue where description = ?")
                        .param("导入测试：某村霸欺压村民")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void refusesTheWholeLedgerAndReportsEachBadRow() throws Exception {
        long before = count();
        var file = ledger(
                new String[] {"2018-07-20 10:30", "举报电话", "江津区", "", "", "", "强迫交易", "某地", "不清楚", "正确的一行", ""},
                new String[] {"2018-07-20 11:30", "举报电话", "火星区", "", "", "", "外星人", "某地", "不清楚", "错误的一行", ""},
                new String[] {"昨天", "飞鸽传书", "江津区", "", "", "", "强迫交易", "", "不清楚", "又一行", ""});
        mvc.perform(multipart("/api/v1/clues/import")
                        .file(new MockMultipartFile("file", "ledger.xlsx", null, file))
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[*].field")
                        .value(org.hamcrest.Matchers.hasItems(
                                "row 3: region",
                                "row 3: category",
                                "row 4: receivedAt",
                                "row 4: channel",
                                "row 4: activity.place")));
        mvc.perform(multipart("/api/v1/clues/import")
                        .file(new MockMultipartFile("file", "ledger.xlsx", null, "not a workbook".getBytes()))
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/clues/import")
                        .file(new MockMultipartFile("file", "ledger.xlsx", null, ledger(new String[] {
                            "2018-07-20 10:30", "举报电话", "巴南区", "", "", "", "强迫交易", "某地", "不清楚", "越权导入", ""
                        })))
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "jiangjin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("row 2: region"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void importsThroughThePageAndShowsEachReceiptCode() throws Exception {
        long before = count();
        var group16 = authentication(SignedIn.authentication(mvc, tokens, "group16"));
        mvc.perform(get("/clues/import").with(group16))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-form\"")));
        var file = ledger(new String[] {
            "2018-07-22 09:15", "举报电话", "江津区", "", "13800002222", "蒋某", "强迫交易", "江津区几江街道", "2018年6月", "页面导入：蒋某强买强卖", ""
        });
        var page = mvc.perform(multipart("/clues/import")
                        .file(new MockMultipartFile("file", "ledger.xlsx", null, file))
                        .with(group16)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-done\"")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(count()).isEqualTo(before + 1);
        var serial = jdbc.sql("select serial from clue where description = ?")
                .param("页面导入：蒋某强买强卖")
                .query(String.class)
                .single();
        assertThat(page).contains(serial).containsPattern("<code>\\d{16}</code>");
    }

    @Test
    void refusesABadLedgerOnThePageWithEachBadRowAndItsNumber() throws Exception {
        long before = count();
        var file = ledger(
                new String[] {"2018-07-20 10:30", "举报电话", "江津区", "", "", "", "强迫交易", "某地", "不清楚", "页面：正确的一行", ""},
                new String[] {"2018-07-20 11:30", "举报电话", "火星区", "", "", "", "强迫交易", "某地", "不清楚", "页面：错误的一行", ""});
        var page = mvc.perform(multipart("/clues/import")
                        .file(new MockMultipartFile("file", "ledger.xlsx", null, file))
                        .with(authentication(SignedIn.authentication(mvc, tokens, "city")))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var refused = page.substring(page.indexOf("id=\"import-refused\""));
        refused = refused.substring(refused.indexOf("<tbody>"), refused.indexOf("</tbody>"));
        assertThat(refused.split("<tr>", -1)).hasSize(2);
        assertThat(refused.replaceAll("\\s+", "")).contains("<td>3</td><td>所属区县</td><td>所属区域不存在，或不在您的管辖范围内。</td>");
        assertThat(page).contains("1 处有误，未导入任何线索");
        assertThat(count()).isEqualTo(before);
    }
}
