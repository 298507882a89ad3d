package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.DemoPrincipals;
import dudao.campaign.Round;
import dudao.campaign.Rounds;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bulletin page, its JSON and its Excel export agree to the unit. */
@DudaoTest
class BulletinExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Rounds rounds;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    DemoPrincipals principals;
    Round round;

    @BeforeEach
    void demo() {
        principals = new DemoPrincipals(accounts, regions);
        round = rounds.ofCampaign(
                        campaigns.named(DemoCampaign.NAME).orElseThrow().id())
                .get(0);
    }

    @Test
    void pageJsonAndWorkbookAgreeToTheUnit() throws Exception {
        var city = authentication(principals.authentication("city"));
        var json = JsonMapper.builder()
                .build()
                .readTree(mvc.perform(
                                get("/api/v1/rounds/{id}/bulletin", round.id().value())
                                        .param("date", "2018-07-25")
                                        .with(city))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        var bytes = mvc.perform(get("/rounds/{id}/bulletin.xlsx", round.id().value())
                        .param("date", "2018-07-25")
                        .with(city))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var html = mvc.perform(get("/rounds/{id}/bulletin", round.id().value())
                        .param("date", "2018-07-25")
                        .with(city))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheetAt(0);
            var groups = json.get("groups");
            assertThat(groups.size()).isEqualTo(40);
            var columns = json.get("columns");
            for (int g = 0; g < groups.size(); g++) {
                var line = groups.get(g);
                var row = sheet.getRow(BulletinWorkbook.FIRST_GROUP_ROW + g);
                assertThat((int) row.getCell(0).getNumericCellValue())
                        .isEqualTo(line.get("number").asInt());
                for (int c = 0; c < columns.size(); c++) {
                    var column = columns.get(c).asString();
                    int cell = BulletinWorkbook.FIRST_FIGURE_COLUMN + 2 * c;
                    assertThat((long) row.getCell(cell).getNumericCellValue())
                            .isEqualTo(line.get("day").get(column).asLong());
                    assertThat((long) row.getCell(cell + 1).getNumericCellValue())
                            .isEqualTo(line.get("cumulative").get(column).asLong());
                }
            }
            var total = sheet.getRow(BulletinWorkbook.FIRST_GROUP_ROW + groups.size());
            var pageTotals = pageTotals(html);
            for (int c = 0; c < columns.size(); c++) {
                var column = columns.get(c).asString();
                int cell = BulletinWorkbook.FIRST_FIGURE_COLUMN + 2 * c;
                long day = json.get("totalDay").get(column).asLong();
                long cumulative = json.get("totalCumulative").get(column).asLong();
                assertThat((long) total.getCell(cell).getNumericCellValue()).isEqualTo(day);
                assertThat((long) total.getCell(cell + 1).getNumericCellValue()).isEqualTo(cumulative);
                assertThat(pageTotals.get(column)).containsExactly(day, cumulative);
                assertThat(sum(groups, "day", column)).isEqualTo(day);
                assertThat(sum(groups, "cumulative", column)).isEqualTo(cumulative);
            }
        }
    }

    @Test
    void refusesABulletinDateOutsideTheRound() throws Exception {
        mvc.perform(get("/api/v1/rounds/{id}/bulletin", round.id().value())
                        .param("date", "2018-08-01")
                        .with(authentication(principals.authentication("city"))))
                .andExpect(status().isBadRequest());
    }

    private static long sum(JsonNode groups, String which, String column) {
        long sum = 0;
        for (var line : groups) {
            sum += line.get(which).get(column).asLong();
        }
        return sum;
    }

    private static Map<String, long[]> pageTotals(String html) {
        var out = new HashMap<String, long[]>();
        var matcher = Pattern.compile(
                        "<tr id=\"total-([A-Z_]+)\">.*?<td class=\"num day\">(\\d+)</td>\\s*<td class=\"num cumulative\">(\\d+)</td>",
                        Pattern.DOTALL)
                .matcher(html);
        while (matcher.find()) {
            out.put(matcher.group(1), new long[] {Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3))});
        }
        return out;
    }
}
