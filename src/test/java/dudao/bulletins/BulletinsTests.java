package dudao.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.SignIns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.DemoPrincipals;
import dudao.campaign.Rounds;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import dudao.directory.Units;
import dudao.rectification.NewProblem;
import dudao.rectification.ProblemList;
import dudao.rectification.Source;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard and the daily bulletin of the demo round through the API and the files: the seed article's figures,
 * the figures bound into the text, the snapshot that does not move, and the district office that sees its district only.
 */
@DudaoTest
class BulletinsTests {

    static final LocalDate LAST_DAY = LocalDate.of(2018, 7, 30);

    @Autowired
    MockMvc mvc;

    @Autowired
    Rounds rounds;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    Units units;

    @Autowired
    ProblemList problems;

    @Autowired
    DailyBulletins bulletins;

    @Autowired
    dudao.deadlines.Deadlines deadlines;

    @Autowired
    RoundFigures figures;

    @Autowired
    dudao.survey.SurveyStatistics surveyStatistics;

    JsonMapper json = JsonMapper.builder().build();

    long round;
    DemoPrincipals principals;

    @BeforeEach
    void demoRound() {
        round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id()
                .value();
        principals = new DemoPrincipals(accounts, regions);
    }

    RequestPostProcessor as(String username) {
        return authentication(principals.authentication(username));
    }

    JsonNode api(String url, String username) throws Exception {
        var body = mvc.perform(get(url).with(SignIns.bearer(mvc, username)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    static JsonNode figure(JsonNode overview, String name) {
        for (var f : overview.get("figures")) {
            if (f.get("name").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no figure " + name);
    }

    /** The bulletin of a day of the demo round, published by the city office unless it already is. */
    long published(LocalDate date) throws Exception {
        var city = principals.staff("city");
        return bulletins.ofRound(new dudao.campaign.RoundId(round), city).stream()
                .filter(b -> b.date().equals(date))
                .findFirst()
                .map(PublishedBulletin.Summary::id)
                .orElseGet(() -> bulletins.publish(
                        new dudao.campaign.RoundId(round),
                        new DailyBulletins.Publication(date, null, List.of()),
                        city));
    }

    @Test
    void overviewOfThirtiethJulyShowsTheArticlesFiguresEachWithDefinitionAndLink() throws Exception {
        var overview = api("/api/v1/stats/overview?round=" + round + "&date=" + LAST_DAY, "city");
        assertThat(figure(overview, "groups").get("cumulative").asLong()).isEqualTo(40);
        assertThat(figure(overview, "documents").get("cumulative").asLong()).isBetween(80_000L, 81_000L);
        assertThat(figure(overview, "residentsDistrict").get("cumulative").asLong())
                .isBetween(3_800L, 3_900L);
        assertThat(figure(overview, "questionnaires").get("cumulative").asLong())
                .isBetween(3_800L, 3_900L);
        assertThat(figure(overview, "units").get("cumulative").asLong()).isBetween(520L, 530L);
        assertThat(figure(overview, "talks").get("cumulative").asLong()).isEqualTo(1_146);
        assertThat(figure(overview, "residentsTownships").get("cumulative").asLong())
                .isBetween(18_200L, 18_300L);
        assertThat(figure(overview, "townships").get("cumulative").asLong()).isBetween(480L, 490L);
        assertThat(figure(overview, "keyAreas").get("cumulative").asLong()).isEqualTo(157);
        assertThat(figure(overview, "problemsFound").get("cumulative").asLong()).isGreaterThanOrEqualTo(1_291);
        assertThat(figure(overview, "problemsClosed").get("cumulative").asLong())
                .isGreaterThanOrEqualTo(848);
        for (var f : overview.get("figures")) {
            assertThat(f.get("definitionKey").asString()).startsWith("bulletins.definition.");
            assertThat(f.get("definition").asString()).isNotBlank();
            assertThat(f.get("link").asString()).startsWith("/");
        }
        assertThat(figure(overview, "problemsOverdue").get("link").asString())
                .isEqualTo("/problems?round=" + round + "&overdue=true");
        assertThat(overview.get("districts")).hasSize(40);
        assertThat(overview.get("groups")).hasSize(40);
        var found = 0L;
        for (var d : overview.get("districts")) {
            found += d.get("cumulative").get("problemsFound").asLong();
        }
        assertThat(found)
                .isEqualTo(figure(overview, "problemsFound").get("cumulative").asLong());
    }

    @Test
    void theBulletinShowsHotlineAwarenessAndParticipationPerDistrictBesideAwareness() throws Exception {
        var rates = surveyStatistics.rates(
                new dudao.campaign.RoundId(round), dudao.directory.Jurisdiction.wholeCity(), LAST_DAY);
        var total = rates.cumulative();
        assertThat(total.answeredHotline()).isPositive();
        assertThat(total.answeredReport()).isPositive();

        var overview = api("/api/v1/stats/overview?round=" + round + "&date=" + LAST_DAY, "city");
        assertThat(figure(overview, "hotlineAwarenessRate").get("cumulative").asDouble())
                .isEqualTo(Line.percent(total.knowsHotline(), total.answeredHotline()));
        assertThat(figure(overview, "participationRate").get("cumulative").asDouble())
                .isEqualTo(Line.percent(total.wouldReport(), total.answeredReport()));
        assertThat(figure(overview, "awarenessRate").get("cumulative").asDouble())
                .isEqualTo(Line.percent(total.knowsCampaign(), total.answeredCampaign()));
        var jiangjin = rates.districts().stream()
                .filter(d -> d.region().equals("500116"))
                .findFirst()
                .orElseThrow()
                .cumulative();
        JsonNode line = null;
        for (var d : overview.get("districts")) {
            if (d.get("key").asString().equals("500116")) {
                line = d.get("cumulative");
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("hotlineAwarenessRate").asDouble())
                .isEqualTo(Line.percent(jiangjin.knowsHotline(), jiangjin.answeredHotline()));
        assertThat(line.get("participationRate").asDouble())
                .isEqualTo(Line.percent(jiangjin.wouldReport(), jiangjin.answeredReport()));

        long id = published(LAST_DAY);
        var xlsx = mvc.perform(get("/bulletins/" + id + "/bulletin.xlsx").with(as("city")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var districts = book.getSheetAt(1);
            var header = new java.util.ArrayList<String>();
            districts.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            int hotline = header.indexOf("举报电话知晓率（%）");
            int participation = header.indexOf("群众参与率（%）");
            assertThat(hotline).isPositive();
            assertThat(participation).isPositive();
            for (var row : districts) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("500116")) {
                    assertThat(row.getCell(hotline).getNumericCellValue())
                            .isEqualTo(line.get("hotlineAwarenessRate").asDouble());
                    assertThat(row.getCell(participation).getNumericCellValue())
                            .isEqualTo(line.get("participationRate").asDouble());
                }
            }
        }
        var page = mvc.perform(get("/bulletins/" + id).with(as("city")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("举报电话知晓率（%）", "群众参与率（%）");
    }

    @Test
    void theDemoBulletinOfThirtiethJulyStatesTheArticlesFiguresInItsTextAndItsWordFile() throws Exception {
        long id = published(LAST_DAY);
        var bulletin = api("/api/v1/bulletins/" + id, "leader");
        var text = new StringBuilder();
        bulletin.get("paragraphs").forEach(p -> text.append(p.asString()));
        assertThat(text.toString())
                .contains("40个检查组共发现问题1291个，已推动整改落实848个")
                .contains("共调阅文件资料80")
                .contains("个别谈话1146人")
                .contains("挂牌重点整治地区157个");
        assertThat(figure(bulletin.get("figures"), "problemsFound")
                        .get("cumulative")
                        .asLong())
                .isEqualTo(1291);

        var docx = mvc.perform(get("/bulletins/" + id + "/bulletin.docx").with(as("leader")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var all = new StringBuilder();
            doc.getParagraphs().forEach(p -> all.append(p.getText()).append('\n'));
            assertThat(all.toString())
                    .contains(DailyBulletins.OFFICE)
                    .contains("渝扫黑办通〔2018〕")
                    .contains("发现问题1291个，已推动整改落实848个")
                    .contains("2018年7月30日");
            assertThat(doc.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualTo("FF0000");
        }

        var xlsx = mvc.perform(get("/bulletins/" + id + "/bulletin.xlsx").with(as("city")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetAt(1).getLastRowNum()).isEqualTo(40);
            assertThat(book.getSheetAt(2).getLastRowNum()).isEqualTo(40);
        }
    }

    @Test
    void refusesATextWithANumberTypedByHandOrAnUnknownFigure() throws Exception {
        var token = SignIns.bearer(mvc, "city");
        var typed = mvc.perform(post("/api/v1/rounds/" + round + "/bulletins")
                        .with(token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2018-07-20\",\"template\":\"共发现问题1300个，已整改{problemsClosed}个。\"}"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(typed).contains("1300");
        mvc.perform(post("/api/v1/rounds/" + round + "/bulletins")
                        .with(token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2018-07-20\",\"template\":\"共发现问题{problemsInvented}个。\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/rounds/" + round + "/bulletins")
                        .with(token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2018-07-20\",\"practices\":[{\"group\":16,\"text\":\"实行三见一清单，整改12项\"}]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/rounds/" + round + "/bulletins")
                        .with(SignIns.bearer(mvc, "leader"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2018-07-20\"}"))
                .andExpect(status().isForbidden());
        assertThat(bulletins.ofRound(new dudao.campaign.RoundId(round), principals.staff("city")))
                .noneMatch(b -> b.date().equals(LocalDate.of(2018, 7, 20)));
    }

    @Test
    void anEditorRewordsTheTextAndAddsAPracticeWhileTheNumbersStayBound() throws Exception {
        var city = principals.staff("city");
        var date = LocalDate.of(2018, 7, 24);
        long id = bulletins.ofRound(new dudao.campaign.RoundId(round), city).stream()
                .filter(b -> b.date().equals(date))
                .findFirst()
                .map(PublishedBulletin.Summary::id)
                .orElseGet(() -> bulletins.publish(
                        new dudao.campaign.RoundId(round),
                        new DailyBulletins.Publication(
                                date,
                                "截至{date}，各组累计发现问题{problemsFound}个，整改{problemsClosed}个。",
                                List.of(new BulletinText.Practice(16, "实行“三见一清单”，做到见问题、见单位、见责任。"))),
                        city));
        var bulletin = api("/api/v1/bulletins/" + id, "city");
        var found = figure(bulletin.get("figures"), "problemsFound")
                .get("cumulative")
                .asLong();
        assertThat(bulletin.get("paragraphs").get(0).asString())
                .isEqualTo("截至7月24日，各组累计发现问题" + found + "个，整改"
                        + figure(bulletin.get("figures"), "problemsClosed")
                                .get("cumulative")
                                .asLong() + "个。");
        assertThat(bulletin.get("practices").get(0).asString()).startsWith("第16组（江津区）实行“三见一清单”");
    }

    @Test
    void aPublishedBulletinDoesNotMoveWhenAProblemIsClosedAfterwardsAndTheChangesShowIt() throws Exception {
        long id = published(LAST_DAY);
        var before = api("/api/v1/bulletins/" + id, "city");
        long closedBefore = figure(before.get("figures"), "problemsClosed")
                .get("cumulative")
                .asLong();
        long foundBefore =
                figure(before.get("figures"), "problemsFound").get("cumulative").asLong();
        var liveTotal = figures.now(new dudao.campaign.RoundId(round), principals.staff("city"))
                .total();
        long liveBefore = liveTotal.cumulative(Measure.PROBLEMS_CLOSED).longValue();
        long foundLiveBefore = liveTotal.cumulative(Measure.PROBLEMS_FOUND).longValue();

        var group16 = principals.staff("group16");
        var police = principals.staff("jiangjin-police");
        var problem = problems.record(
                new NewProblem(
                        round,
                        null,
                        "500116",
                        null,
                        Source.FIELDWORK,
                        "通报后整改的问题",
                        "描述：通报后整改的问题",
                        "江津区公安局",
                        "立行立改",
                        "走访群众反映"),
                group16);
        long unit = units.named(new RegionCode("500116"), "江津区公安局")
                .orElseThrow()
                .id()
                .value();
        problems.assign(
                problem,
                new ProblemList.Assignment(unit, List.of(), deadlines.today().plusDays(10)),
                null,
                group16);
        problems.acknowledge(problem, null, police);
        problems.submitFeedback(problem, "已整改到位", List.of(), null, police);
        problems.accept(problem, "核查属实", null, group16);

        var after = api("/api/v1/bulletins/" + id, "city");
        assertThat(figure(after.get("figures"), "problemsClosed")
                        .get("cumulative")
                        .asLong())
                .isEqualTo(closedBefore);
        assertThat(after.get("paragraphs").toString())
                .isEqualTo(before.get("paragraphs").toString());

        // The changes view shows each figure whose value now differs from the published one: one problem more
        // found, and one more closed than just before (the total may coincide with the published one when a look-back
        // reopened another problem since, so it is compared with the live figure before the closure).
        var changes = api("/api/v1/bulletins/" + id + "/changes", "city");
        assertThat(total(changes, "problemsFound")).as(changes.toString()).hasValueSatisfying(c -> {
            assertThat(c.get("published").asLong()).isEqualTo(foundBefore);
            assertThat(c.get("live").asLong()).isEqualTo(foundLiveBefore + 1);
        });
        long closedNow = total(changes, "problemsClosed")
                .map(c -> c.get("live").asLong())
                .orElse(closedBefore);
        assertThat(closedNow).isEqualTo(liveBefore + 1);
    }

    static java.util.Optional<JsonNode> total(JsonNode changes, String figure) {
        JsonNode found = null;
        for (var c : changes) {
            if (c.get("figure").asString().equals(figure)
                    && c.get("line").asString().isEmpty()) {
                found = c;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    @Test
    void jiangjinSeesOnlyJiangjinInTheOverviewTheBulletinAndItsFiles() throws Exception {
        var city = api("/api/v1/stats/overview?round=" + round + "&date=" + LAST_DAY, "city");
        JsonNode jiangjinLine = null;
        for (var d : city.get("districts")) {
            if (d.get("key").asString().equals("500116")) {
                jiangjinLine = d;
            }
        }
        assertThat(jiangjinLine).isNotNull();

        var overview = api("/api/v1/stats/overview?round=" + round + "&date=" + LAST_DAY, "jiangjin");
        assertThat(overview.get("scope").asString()).isEqualTo("江津区");
        assertThat(overview.get("districts")).hasSize(1);
        assertThat(overview.get("districts").get(0).get("key").asString()).isEqualTo("500116");
        assertThat(overview.get("groups")).hasSize(1);
        assertThat(overview.get("groups").get(0).get("key").asString()).isEqualTo("16");
        assertThat(figure(overview, "problemsFound").get("cumulative").asLong())
                .isEqualTo(jiangjinLine.get("cumulative").get("problemsFound").asLong());
        assertThat(figure(overview, "groups").get("cumulative").asLong()).isEqualTo(1);

        long id = published(LAST_DAY);
        var bulletin = api("/api/v1/bulletins/" + id, "jiangjin");
        assertThat(bulletin.get("figures").get("districts")).hasSize(1);
        assertThat(bulletin.get("figures").get("groups")).hasSize(1);
        var published = bulletins.require(id, principals.staff("city"), java.util.Locale.CHINA);
        var jiangjinPublished = published.figures().districts().stream()
                .filter(l -> l.key().equals("500116"))
                .findFirst()
                .orElseThrow();
        long found = jiangjinPublished.cumulative(Measure.PROBLEMS_FOUND).longValue();
        assertThat(figure(bulletin.get("figures"), "problemsFound")
                        .get("cumulative")
                        .asLong())
                .isEqualTo(found);
        assertThat(bulletin.get("paragraphs").toString()).contains("1个检查组共发现问题" + found + "个");
        assertThat(bulletin.get("figures").get("figures").toString()).doesNotContain("cluesReceived");

        var docx = mvc.perform(get("/bulletins/" + id + "/bulletin.docx").with(as("jiangjin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var all = new StringBuilder();
            doc.getParagraphs().forEach(p -> all.append(p.getText()));
            assertThat(all.toString()).contains("发现问题" + found + "个").doesNotContain("1291");
        }
        var xlsx = mvc.perform(get("/bulletins/" + id + "/bulletin.xlsx").with(as("jiangjin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(1).getLastRowNum()).isEqualTo(1);
            assertThat(book.getSheetAt(1).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("500116");
            assertThat(book.getSheetAt(2).getLastRowNum()).isEqualTo(1);
        }
        var page = mvc.perform(
                        get("/dashboard?round=" + round + "&date=" + LAST_DAY).with(as("jiangjin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("district-500116").doesNotContain("district-500113");
    }

    @Test
    void rankingsScoreEveryGroupAndDistrictItemByItemWithinTheReadersJurisdiction() throws Exception {
        var city = api("/api/v1/stats/rankings?round=" + round + "&date=" + LAST_DAY, "city");
        assertThat(city.get("groups")).hasSize(40);
        assertThat(city.get("districts")).hasSize(40);
        assertThat(city.get("groups").get(0).get("place").asInt()).isEqualTo(1);
        assertThat(city.get("groups").get(0).get("items").size()).isGreaterThanOrEqualTo(3);
        var jiangjin = api("/api/v1/stats/rankings?round=" + round + "&date=" + LAST_DAY, "jiangjin");
        assertThat(jiangjin.get("groups")).hasSize(1);
        assertThat(jiangjin.get("districts")).hasSize(1);
        mvc.perform(get("/rankings?round=" + round + "&date=" + LAST_DAY).with(as("city")))
                .andExpect(status().isOk());
    }

    @Test
    void unitsAndAuditorsDoNotReadTheDashboard() throws Exception {
        mvc.perform(get("/api/v1/stats/overview?round=" + round + "&date=" + LAST_DAY)
                        .with(SignIns.bearer(mvc, "auditor")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").with(as("jiangjin-police"))).andExpect(status().isForbidden());
    }

    @Test
    void dashboardPageCarriesChartDataAndDefinitions() throws Exception {
        var page = mvc.perform(
                        get("/dashboard?round=" + round + "&date=" + LAST_DAY).with(as("city")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("chart-trend")
                .contains("data-trend=")
                .contains("echarts")
                .contains("figure-problemsFound")
                .doesNotContain("<script>");
    }
}
