package dudao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.audit.AuditTrail;
import dudao.campaign.DemoCampaign;
import dudao.campaign.DemoPrincipals;
import dudao.campaign.Rounds;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import dudao.platform.Spreadsheets;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The lists that had no Excel file export one with the list's filters applied, within the reader's jurisdiction: the
 * staff accounts, the audit trail, the survey rates, the dashboard's tables. Each file is read back.
 */
@DudaoTest
class ListExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Rounds rounds;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    AuditTrail trail;

    DemoPrincipals principals;
    long round;

    @BeforeEach
    void demo() {
        principals = new DemoPrincipals(accounts, regions);
        round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id()
                .value();
    }

    @Test
    void exportsTheAccountsWithTheListsFilters() throws Exception {
        var sheet = sheet(get("/admin/accounts/export.xlsx").param("role", "DISTRICT_OFFICE"), "city");
        var usernames = column(sheet, 0);
        assertThat(usernames).contains("jiangjin", "banan").doesNotContain("city", "auditor");
        assertThat(column(sheet, 2)).containsOnly("区县扫黑办");
        var jiangjin = column(sheet(get("/admin/accounts/export.xlsx").param("region", "500116"), "city"), 0);
        assertThat(jiangjin).contains("jiangjin", "jiangjin-police").doesNotContain("banan", "city");
        mvc.perform(get("/admin/accounts/export.xlsx").with(as("jiangjin"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts/export.xlsx")
                        .param("q", "x".repeat(65))
                        .with(as("city")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void exportsTheAuditTrailWithTheListsFilters() throws Exception {
        trail.chainPending();
        var sheet = sheet(get("/audit/export.xlsx").param("actor", "city"), "auditor");
        assertThat(sheet.getLastRowNum()).isPositive();
        assertThat(column(sheet, 2)).containsOnly("city");
        mvc.perform(get("/audit/export.xlsx").with(as("jiangjin"))).andExpect(status().isForbidden());
    }

    @Test
    void exportsTheSurveyRatesOfTheReadersDistrictsOnly() throws Exception {
        var city = column(
                sheet(get("/survey/export.xlsx").param("round", "" + round).param("date", "2018-07-30"), "city"), 0);
        assertThat(city).contains("江津区").hasSizeGreaterThan(1);
        var jiangjin =
                sheet(get("/survey/export.xlsx").param("round", "" + round).param("date", "2018-07-30"), "jiangjin");
        assertThat(column(jiangjin, 0)).containsExactly("江津区");
        assertThat(jiangjin.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
    }

    @Test
    void exportsTheDashboardsTablesAsTheReaderSeesThem() throws Exception {
        var request = get("/dashboard.xlsx").param("round", "" + round).param("date", "2018-07-30");
        var book = book(request, "city");
        var totals = book.getSheetAt(0);
        var found = new ArrayList<Double>();
        for (var row : totals) {
            if (row.getRowNum() > 0 && text(row.getCell(0)).startsWith("发现问题")) {
                found.add(row.getCell(2).getNumericCellValue());
            }
        }
        var overview = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(mvc.perform(get("/api/v1/stats/overview")
                                .param("round", "" + round)
                                .param("date", "2018-07-30")
                                .with(SignIns.bearer(mvc, "city")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        double apiFound = 0;
        for (var f : overview.get("figures")) {
            if (f.get("name").asString().equals("problemsFound")) {
                apiFound = f.get("cumulative").asDouble();
            }
        }
        assertThat(found).containsExactly(apiFound);
        assertThat(apiFound).isPositive();
        assertThat(book.getNumberOfSheets()).isEqualTo(3);
        assertThat(book.getSheetAt(1).getLastRowNum()).isEqualTo(40);
        var district = book(get("/dashboard.xlsx").param("round", "" + round).param("date", "2018-07-30"), "jiangjin");
        assertThat(column(district.getSheetAt(1), 1)).containsExactly("江津区");
        mvc.perform(get("/dashboard.xlsx")
                        .param("round", "" + round)
                        .param("date", "2019-01-01")
                        .with(as("city")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
        assertThat(Spreadsheets.neutralised("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(Spreadsheets.neutralised("+1")).startsWith("'");
        assertThat(Spreadsheets.neutralised("-1")).startsWith("'");
        assertThat(Spreadsheets.neutralised("@SUM(A1)")).startsWith("'");
        assertThat(Spreadsheets.neutralised("江津区")).isEqualTo("江津区");
    }

    private XSSFWorkbook book(MockHttpServletRequestBuilder request, String username) throws Exception {
        var bytes = mvc.perform(request.with(as(username)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private Sheet sheet(MockHttpServletRequestBuilder request, String username) throws Exception {
        return book(request, username).getSheetAt(0);
    }

    private static List<String> column(Sheet sheet, int index) {
        var out = new ArrayList<String>();
        for (var row : sheet) {
            if (row.getRowNum() > 0) {
                out.add(text(row.getCell(index)));
            }
        }
        return out;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return cell.getCellType() == CellType.NUMERIC
                ? Double.toString(cell.getNumericCellValue())
                : cell.getStringCellValue();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
        return authentication(principals.authentication(username));
    }
}
