package dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.campaign.DemoCampaign;
import dudao.campaign.InspectionGroups;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.deadlines.Deadlines;
import dudao.directory.Jurisdiction;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The generated Word and Excel files, read back; and the ledger import, all or nothing. */
@DudaoTest
class DocumentsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    Rounds rounds;

    @Autowired
    InspectionGroups groups;

    @Autowired
    ProblemLedger ledger;

    @Autowired
    ProblemList problems;

    @Autowired
    Deadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    Principals principals;
    RoundId round;

    @BeforeEach
    void demo() {
        principals = new Principals(accounts, regions);
        round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id();
    }

    static String text(XWPFDocument doc) {
        return String.join(
                "\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
    }

    @Test
    void writesTheSupervisionNoticeAsAnOfficialDocumentWithItsNumber() throws Exception {
        var notice = jdbc.sql("""
                select w.subject_id, s.id, s.number from deadline_step s join deadline_watch w on w.id = s.watch_id
                where w.subject_type = 'problem' and s.rung = 'SUPERVISION_NOTICE' and s.notice_year = 2018
                order by s.id limit 1""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .single();
        var bytes = mvc.perform(get("/problems/" + notice[0] + "/notices/" + notice[1] + ".docx")
                        .with(authentication(principals.authentication("city"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var paragraphs = doc.getParagraphs();
            assertThat(paragraphs.get(0).getText()).isEqualTo(OfficialDocuments.OFFICE);
            assertThat(paragraphs.get(0).getRuns().get(0).getColor()).isEqualTo("FF0000");
            assertThat(paragraphs.get(1).getText()).isEqualTo(notice[2]).matches("渝扫黑办督〔2018〕\\d+号");
            assertThat(paragraphs.get(2).getText()).isEqualTo("督办通知书");
            assertThat(paragraphs.get(3).getText()).endsWith("：");
            assertThat(text(doc)).contains("逾期未报送").contains("2018年");
            var size = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(size.getW().toString()).isEqualTo("11906");
            assertThat(size.getH().toString()).isEqualTo("16838");
        }
    }

    @Test
    void writesTheAssignmentLetterAddressedToTheResponsibleUnits() throws Exception {
        long id = jdbc.sql("select p.id from problem p join inspection_group g on g.id = p.group_id"
                        + " where g.number = 16 and p.status = 'CLOSED' order by p.id limit 1")
                .query(Long.class)
                .single();
        var bytes = mvc.perform(get("/problems/" + id + "/letter.docx")
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertThat(doc.getParagraphs().get(2).getText()).isEqualTo("关于交办专项斗争检查指导发现问题的函");
            assertThat(doc.getParagraphs().get(3).getText()).contains("江津区");
            assertThat(text(doc)).contains("挂单整改、逐一销号").contains("牵头单位");
        }
        mvc.perform(get("/problems/" + id + "/letter.docx").with(authentication(principals.authentication("banan"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void exportsTheLedgerOfAGroupAsExcel() throws Exception {
        var group13 = groups.ofRound(round, Jurisdiction.wholeCity()).stream()
                .filter(g -> g.number() == 13)
                .findFirst()
                .orElseThrow();
        var bytes = mvc.perform(get("/problems/export.xlsx")
                        .param("round", round.toString())
                        .param("group", group13.id().toString())
                        .with(authentication(principals.authentication("city"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("问题摘要");
            assertThat(sheet.getLastRowNum()).isEqualTo(31);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(13);
        }
    }

    @Test
    void exportsExactlyTheProblemsTheListShowsInTheListsOrder() throws Exception {
        // A district's reader with a filter: the district's problems of the filter, no other district's.
        var filter = new ProblemFilter(round.value(), null, null, null, null, null, null, false);
        var district = listed(filter, "jiangjin");
        assertThat(district).isNotEmpty();
        assertThat(listed(ProblemFilter.none(), "jiangjin")).hasSizeGreaterThan(district.size());
        assertThat(listed(filter, "city")).hasSizeGreaterThan(district.size());
        assertThat(exported("jiangjin", "round", round.toString(), "overdue", "false"))
                .containsExactlyElementsOf(district);
        // The whole city, unfiltered: one query read through its cursor, row for row the list's pages.
        assertThat(exported("city")).containsExactlyElementsOf(listed(ProblemFilter.none(), "city"));
    }

    /** The ids of every page of the problem list, in the list's order, as the reader sees it. */
    java.util.List<Long> listed(ProblemFilter filter, String reader) {
        var ids = new java.util.ArrayList<Long>();
        var page = 0;
        dudao.platform.Paged<ProblemRow> found;
        do {
            found = problems.find(
                    filter,
                    principals.staff(reader),
                    new dudao.platform.Paged.Request(page++, dudao.platform.Paged.MAX_SIZE));
            found.items().forEach(p -> ids.add(p.id()));
        } while (found.hasNext());
        return ids;
    }

    /** The ids in the ledger's first column, as the reader downloads it with the given query parameters. */
    java.util.List<Long> exported(String reader, String... params) throws Exception {
        var request = get("/problems/export.xlsx").with(authentication(principals.authentication(reader)));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var bytes = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var ids = new java.util.ArrayList<Long>();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                ids.add((long) sheet.getRow(r).getCell(0).getNumericCellValue());
            }
        }
        return ids;
    }

    byte[] ledgerFile(String[]... rows) throws Exception {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet();
            var header = sheet.createRow(0);
            for (int i = 0; i < ProblemLedger.IMPORT_COLUMNS.length; i++) {
                header.createCell(i).setCellValue(ProblemLedger.IMPORT_COLUMNS[i]);
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

    long countTitled(String title) {
        return jdbc.sql("select count(*) from problem where title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    @Test
    void importsNothingAndReportsEachBadRowWithItsNumberAndReason() throws Exception {
        var deadline = deadlines.today().plusDays(20).toString();
        var file = ledgerFile(
                new String[] {"16", "500116", "依法严惩", "导入测试甲", "描述", "", "", "江津区公安局", deadline},
                new String[] {"16", "500116", "依法严惩", "导入测试乙", "描述", "", "", "巴南区公安局", deadline},
                new String[] {"16", "500116", "没有这个领域", "导入测试丙", "描述", "", "", "", ""},
                new String[] {"16", "500116", "依法严惩", "导入测试丁", "描述", "", "", "江津区公安局", "2018-01-01"});
        var result = ledger.importLedger(
                round, new ByteArrayInputStream(file), principals.staff("group16"), Locale.SIMPLIFIED_CHINESE);
        assertThat(result.imported()).isZero();
        assertThat(result.badRows()).extracting(ProblemLedger.BadRow::row).containsExactly(3, 4, 5);
        assertThat(result.badRows().get(1).reason()).contains("重点领域");
        assertThat(result.badRows().get(2).reason()).contains("不能早于今天");
        assertThat(countTitled("导入测试甲")).isZero();
    }

    @Test
    void importsEveryRowOfAGoodLedgerAndAssignsThoseWithALeadUnit() throws Exception {
        var deadline = deadlines.today().plusDays(20).toString();
        var file = ledgerFile(
                new String[] {"16", "500116", "依法严惩", "导入成功甲", "描述", "责任人", "建议", "江津区公安局", deadline},
                new String[] {"16", "500116", "政治站位", "导入成功乙", "描述", "", "", "", ""});
        var result = ledger.importLedger(
                round, new ByteArrayInputStream(file), principals.staff("group16"), Locale.SIMPLIFIED_CHINESE);
        assertThat(result.badRows()).isEmpty();
        assertThat(result.imported()).isEqualTo(2);
        assertThat(jdbc.sql("select status from problem where title = '导入成功甲'")
                        .query(String.class)
                        .single())
                .isEqualTo("ASSIGNED");
        assertThat(jdbc.sql("select source from problem where title = '导入成功乙'")
                        .query(String.class)
                        .single())
                .isEqualTo("IMPORT");
    }
}
