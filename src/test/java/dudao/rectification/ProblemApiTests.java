package dudao.rectification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.campaign.DemoCampaign;
import dudao.campaign.Rounds;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.StaffAccounts;
import dudao.directory.Units;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API: creation, ETag and If-Match, refusals in the caller's language, scoping, uploads. */
@DudaoTest
class ProblemApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Regions regions;

    @Autowired
    Rounds rounds;

    @Autowired
    Units units;

    @Autowired
    JsonMapper json;

    @Autowired
    dudao.deadlines.Deadlines deadlines;

    Principals principals;
    long round;
    long police;

    @BeforeEach
    void demo() {
        principals = new Principals(accounts, regions);
        round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id()
                .value();
        police = units.named(new RegionCode("500116"), "江津区公安局")
                .orElseThrow()
                .id()
                .value();
    }

    long create() throws Exception {
        var body = """
                {"round": %d, "region": "500116", "title": "接口测试", "description": "接口测试描述", "source": "FIELDWORK"}""".formatted(round);
        var result = mvc.perform(post("/api/v1/problems")
                        .with(authentication(principals.authentication("group16")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status", is("RECORDED")))
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString())
                .get("id")
                .asLong();
    }

    String assignBody(LocalDate deadline) {
        return """
                {"leadUnit": %d, "deadline": "%s"}""".formatted(police, deadline);
    }

    @Test
    void servesTheProblemWithItsVersionAsETag() throws Exception {
        long id = create();
        mvc.perform(get("/api/v1/problems/" + id).with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.title", is("接口测试")));
    }

    @Test
    void answers412WhenIfMatchNamesAnOldVersion() throws Exception {
        long id = create();
        mvc.perform(post("/api/v1/problems/" + id + "/assign")
                        .with(authentication(principals.authentication("group16")))
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(assignBody(LocalDate.now().plusDays(9))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(post("/api/v1/problems/" + id + "/acknowledge")
                        .with(authentication(principals.authentication("jiangjin-police")))
                        .header("If-Match", "\"0\"")
                        .header("Accept-Language", "en"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.message", containsString("changed this record since you opened it")));
    }

    @Test
    void refusesTransitionFromTheWrongStateWith409InTheUsersLanguage() throws Exception {
        long id = create();
        mvc.perform(post("/api/v1/problems/" + id + "/accept")
                        .with(authentication(principals.authentication("group16")))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message", containsString("已反馈待核查")));
        mvc.perform(post("/api/v1/problems/" + id + "/accept")
                        .with(authentication(principals.authentication("group16")))
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message", containsString("awaiting verification")));
    }

    @Test
    void refusesDeadlineInThePastWith400() throws Exception {
        long id = create();
        mvc.perform(post("/api/v1/problems/" + id + "/assign")
                        .with(authentication(principals.authentication("group16")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(assignBody(deadlines.today().minusDays(2))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field", is("deadline")));
    }

    @Test
    void answers404ForAnotherDistrictsProblem() throws Exception {
        long id = create();
        mvc.perform(get("/api/v1/problems/" + id).with(authentication(principals.authentication("banan"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/problems/" + id + "/assign")
                        .with(authentication(principals.authentication("banan")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(assignBody(LocalDate.now().plusDays(3))))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesTransitionsToRolesThatMayNotMakeThem() throws Exception {
        long id = create();
        mvc.perform(post("/api/v1/problems/" + id + "/assign")
                        .with(authentication(principals.authentication("jiangjin-police")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(assignBody(LocalDate.now().plusDays(3))))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAnEvidenceFileWhoseContentIsNotAnAcceptedType() throws Exception {
        long id = create();
        mvc.perform(post("/api/v1/problems/" + id + "/assign")
                        .with(authentication(principals.authentication("group16")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(assignBody(LocalDate.now().plusDays(9))))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/problems/" + id + "/acknowledge")
                        .with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().isOk());
        var fake = new MockMultipartFile("files", "photo.png", "image/png", "<html>not an image</html>".getBytes());
        mvc.perform(multipart("/api/v1/problems/" + id + "/feedback")
                        .file(fake)
                        .param("measures", "已整改")
                        .with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", is("evidence.type")));
        var pdf = new MockMultipartFile("files", "report.pdf", "application/pdf", ProblemListTests.PDF);
        mvc.perform(multipart("/api/v1/problems/" + id + "/feedback")
                        .file(pdf)
                        .param("measures", "已整改")
                        .with(authentication(principals.authentication("jiangjin-police"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("FEEDBACK_SUBMITTED")));
    }

    @Test
    void cityOfficeDrawsARandomSampleOfClosedProblemsForTheLookBack() throws Exception {
        mvc.perform(post("/api/v1/problems/look-back-sample")
                        .param("round", Long.toString(round))
                        .param("size", "5")
                        .with(authentication(principals.authentication("city"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", is(5)))
                .andExpect(jsonPath("$[0].status", is("CLOSED")));
        mvc.perform(post("/api/v1/problems/look-back-sample")
                        .param("round", Long.toString(round))
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/problems/look-back-sample")
                        .param("round", Long.toString(round))
                        .param("size", "0")
                        .with(authentication(principals.authentication("city"))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void listsWithFiltersAndStatistics() throws Exception {
        create();
        mvc.perform(get("/api/v1/problems")
                        .param("round", Long.toString(round))
                        .param("status", "RECORDED")
                        .with(authentication(principals.authentication("group16"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status", is("RECORDED")));
        mvc.perform(get("/api/v1/problems/statistics")
                        .param("round", Long.toString(round))
                        .param("asOf", LocalDate.now().toString())
                        .param("by", "DISTRICT")
                        .with(authentication(principals.authentication("city"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.found").isNumber())
                .andExpect(jsonPath("$.total.rate").isNumber());
    }
}
