package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.campaign.CampaignKind;
import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.DemoPrincipals;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.NewCampaign;
import dudao.campaign.NewGroup;
import dudao.campaign.NewRound;
import dudao.campaign.Round;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.NewAccount;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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

    @Autowired
    InspectionGroups groups;

    @Autowired
    FieldworkLog fieldwork;

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
            // Every group's cell on the page holds the JSON's figures.
            var pageCells = pageCells(html);
            assertThat(pageCells).hasSize(groups.size());
            for (var line : groups) {
                var cells = pageCells.get(line.get("number").asInt());
                assertThat(cells).as("group %s on the page", line.get("number")).hasSize(columns.size());
                for (var column : columns) {
                    assertThat(cells.get(column.asString()))
                            .as("group %s, %s", line.get("number"), column.asString())
                            .containsExactly(
                                    line.get("day").get(column.asString()).asLong(),
                                    line.get("cumulative")
                                            .get(column.asString())
                                            .asLong());
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
            // The day's visits: each group's open and covert counts after its figures, and the list on a sheet of
            // its own, in the order of the JSON.
            int visitColumn = BulletinWorkbook.FIRST_FIGURE_COLUMN + 2 * columns.size();
            long open = 0;
            long covert = 0;
            for (int g = 0; g < groups.size(); g++) {
                var row = sheet.getRow(BulletinWorkbook.FIRST_GROUP_ROW + g);
                assertThat((int) row.getCell(visitColumn).getNumericCellValue())
                        .isEqualTo(groups.get(g).get("openVisits").asInt());
                assertThat((int) row.getCell(visitColumn + 1).getNumericCellValue())
                        .isEqualTo(groups.get(g).get("covertVisits").asInt());
                open += groups.get(g).get("openVisits").asInt();
                covert += groups.get(g).get("covertVisits").asInt();
            }
            assertThat((long) total.getCell(visitColumn).getNumericCellValue()).isEqualTo(open);
            assertThat((long) total.getCell(visitColumn + 1).getNumericCellValue())
                    .isEqualTo(covert);
            var visits = json.get("visits");
            assertThat(visits.size()).as("the demo has visits on 25 July").isPositive();
            assertThat(open + covert).isEqualTo(visits.size());
            var visitSheet = workbook.getSheetAt(1);
            assertThat(visitSheet.getLastRowNum() - BulletinWorkbook.VISITS_FIRST_ROW + 1)
                    .isEqualTo(visits.size());
            for (int v = 0; v < visits.size(); v++) {
                var row = visitSheet.getRow(BulletinWorkbook.VISITS_FIRST_ROW + v);
                var visit = visits.get(v);
                assertThat((int) row.getCell(0).getNumericCellValue())
                        .isEqualTo(visit.get("groupNumber").asInt());
                assertThat(row.getCell(1).getStringCellValue())
                        .isEqualTo(visit.get("place").asString());
                assertThat(row.getCell(3).getStringCellValue())
                        .isEqualTo(visit.get("mode").asString().equals("COVERT") ? "暗访" : "明察");
                assertThat(row.getCell(4).getStringCellValue())
                        .isEqualTo(visit.get("listedKeyArea").asBoolean() ? "是" : "");
                assertThat(html).contains("id=\"visit-" + visit.get("id").asLong() + "\"");
            }
        }
    }

    /** A group that has not reported the day: the page's badge, the workbook's cell and the JSON say so alike. */
    @Test
    void aGroupThatHasNotReportedIsFlaggedAlikeOnThePageInTheWorkbookAndInTheJson() throws Exception {
        var city = principals.staff("city");
        var suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
        var campaign = campaigns.create(new NewCampaign("通报导出测试" + suffix, CampaignKind.OTHER), city);
        // Starts before the demo round, so the demo round stays the latest one.
        var round = rounds.create(
                campaign, new NewRound("导出轮次", LocalDate.of(2018, 7, 2), LocalDate.of(2018, 7, 30), List.of()), city);
        var day = LocalDate.of(2018, 7, 30);
        var reporting = group(round, 1, "500101", "reporting" + suffix);
        var silent = group(round, 2, "500102", "silent" + suffix);
        fieldwork.record(
                reporting.id(),
                day,
                new DayFigures(
                        List.of(new DayFigures.Entry("TALKS", null, 3L), new DayFigures.Entry("DOCUMENTS", null, 12L)),
                        null,
                        null),
                accounts.principal("reporting" + suffix).orElseThrow());
        try {
            var auth = authentication(principals.authentication("city"));
            var json = JsonMapper.builder()
                    .build()
                    .readTree(mvc.perform(get("/api/v1/rounds/{id}/bulletin", round.value())
                                    .param("date", day.toString())
                                    .with(auth))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            var html = mvc.perform(get("/rounds/{id}/bulletin", round.value())
                            .param("date", day.toString())
                            .with(auth))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            var bytes = mvc.perform(get("/rounds/{id}/bulletin.xlsx", round.value())
                            .param("date", day.toString())
                            .with(auth))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();

            var notReported = new java.util.ArrayList<Integer>();
            json.get("notReported").forEach(n -> notReported.add(n.asInt()));
            assertThat(notReported).containsExactly(silent.number());
            var badges = pageBadges(html);
            assertThat(badges.keySet()).containsExactly(silent.number());
            assertThat(html).containsPattern("(?s)<p[^>]*id=\"not-reported\"[^>]*>[^<]*第" + silent.number() + "组");
            try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                var sheet = workbook.getSheetAt(0);
                var groups = json.get("groups");
                assertThat(groups.size()).isEqualTo(2);
                for (int g = 0; g < groups.size(); g++) {
                    var line = groups.get(g);
                    var row = sheet.getRow(BulletinWorkbook.FIRST_GROUP_ROW + g);
                    int number = line.get("number").asInt();
                    assertThat((int) row.getCell(0).getNumericCellValue()).isEqualTo(number);
                    var reportedCell = row.getCell(2).getStringCellValue();
                    if (number == silent.number()) {
                        assertThat(line.get("reported").asBoolean()).isFalse();
                        assertThat(reportedCell).isEqualTo(badges.get(number));
                    } else {
                        assertThat(line.get("reported").asBoolean()).isTrue();
                        assertThat(reportedCell).isNotEqualTo(badges.get(silent.number()));
                    }
                }
                var pageCells = pageCells(html);
                assertThat(pageCells.get(reporting.number()).get("TALKS")).containsExactly(3L, 3L);
                assertThat(pageCells.get(silent.number()).get("TALKS")).containsExactly(0L, 0L);
            }
        } finally {
            // The silent group reports too, so no round is left with a group missing today.
            fieldwork.record(
                    silent.id(),
                    day,
                    new DayFigures(List.of(), null, null),
                    accounts.principal("silent" + suffix).orElseThrow());
        }
        assertThat(fieldwork.notReported(round, day, Jurisdiction.wholeCity())).isEmpty();
    }

    private InspectionGroup group(RoundId round, int number, String district, String member) {
        var city = principals.staff("city");
        var id = groups.create(
                round,
                new NewGroup(number, district, null, null, null, LocalDate.of(2018, 7, 2), LocalDate.of(2018, 7, 30)),
                city);
        var account = accounts.create(new NewAccount(member, "导出测试组员", Role.GROUP_MEMBER, district, null), city);
        groups.addMember(id, account.id(), InspectionGroup.MemberRole.MEMBER, city);
        return groups.require(id, Jurisdiction.wholeCity());
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

    /** Each group's cells on the page: its number, then each column's day and cumulative figure. */
    private static Map<Integer, Map<String, List<Long>>> pageCells(String html) {
        var out = new HashMap<Integer, Map<String, List<Long>>>();
        var rows = Pattern.compile("<tr id=\"group-(\\d+)\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        while (rows.find()) {
            var cells = new HashMap<String, List<Long>>();
            var cell = Pattern.compile(
                            "data-column=\"([A-Z_]+)\">\\s*<span class=\"day\">(\\d+)</span> / <span class=\"cumulative\">(\\d+)</span>")
                    .matcher(rows.group(2));
            while (cell.find()) {
                cells.put(cell.group(1), List.of(Long.parseLong(cell.group(2)), Long.parseLong(cell.group(3))));
            }
            out.put(Integer.parseInt(rows.group(1)), cells);
        }
        return out;
    }

    /** The not-reported badges on the page's group lines: the group's number and the badge's words. */
    private static Map<Integer, String> pageBadges(String html) {
        var out = new HashMap<Integer, String>();
        var rows = Pattern.compile("<tr id=\"group-(\\d+)\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        while (rows.find()) {
            var badge = Pattern.compile("<span class=\"badge badge-warn\">([^<]+)</span>")
                    .matcher(rows.group(2));
            if (badge.find()) {
                out.put(Integer.parseInt(rows.group(1)), badge.group(1));
            }
        }
        return out;
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
