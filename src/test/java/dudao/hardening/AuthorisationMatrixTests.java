package dudao.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dudao.DudaoTest;
import dudao.SignIns;
import dudao.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application, pages and API, read from the handler mappings, against every demo role and an
 * anonymous caller: only the principals the matrix ({@code hardening/authorisation-matrix.txt}) lists for a route get a
 * 2xx or 3xx answer (a redirect to the sign-in page counts as a refusal), nobody gets a 5xx, and a route the matrix does
 * not list fails the test. Path variables are filled with records of 江津区 (500116), so that 巴南区's district office
 * and group leader meet another district's records. Reading routes are called by every principal; changing routes
 * (POST, PUT) only by the principals that may not use them, with an empty request (the ones that may are not called,
 * so the shared demo data stays as it is).
 */
@DudaoTest
class AuthorisationMatrixTests {

    static final List<String> PRINCIPALS = List.of(
            "anonymous",
            "city",
            "leader",
            "group16",
            "group13",
            "jiangjin",
            "banan",
            "jiangjin-police",
            "discipline",
            "auditor");

    static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dudao.directory.StaffAccounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<String, MockHttpSession> sessions = new HashMap<>();
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, dudao.directory.Staff> staffs = new HashMap<>();

    /** Every route as "METHOD /pattern", from the handler mappings. */
    List<String> routes() {
        var routes = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            var verbs = methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
            for (var pattern : info.getPatternValues()) {
                for (var verb : verbs) {
                    routes.add(verb + " " + pattern);
                }
            }
        });
        return new ArrayList<>(routes);
    }

    /** Values for path variables: records of 江津区 (500116) and its group 16. */
    Map<String, String> samples() throws Exception {
        var values = new HashMap<String, String>();
        var clue = jdbc.sql("select id from clue where region_code = '500116' order by id limit 1")
                .query(Long.class)
                .single();
        var group = jdbc.sql(
                        "select id, round_id from inspection_group where region_code = '500116' order by id limit 1")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        var groupNumber = jdbc.sql("select number from inspection_group where id = ?")
                .param(group[0])
                .query(Integer.class)
                .single();
        var campaign = jdbc.sql("select campaign_id from round where id = ?")
                .param(group[1])
                .query(Long.class)
                .single();
        // An account of 江津区 of its own: the account routes may disable or reset it.
        var staff = accounts.create(
                        new dudao.directory.NewAccount(
                                "matrix" + (System.nanoTime() % 1_000_000),
                                "矩阵测试账号",
                                dudao.directory.Role.DISTRICT_OFFICE,
                                "500116",
                                null),
                        accounts.principal("city").orElseThrow())
                .id()
                .value();
        for (var principal : PRINCIPALS) {
            if (!principal.equals("anonymous")) {
                staffs.put(principal, accounts.principal(principal).orElseThrow());
            }
        }
        var unit = jdbc.sql("select unit_id from staff where username = 'jiangjin-police'")
                .query(Long.class)
                .single();
        var item = jdbc.sql("select id from checklist_item order by id limit 1")
                .query(Long.class)
                .single();
        // A problem of 江津区 with a piece of evidence, made through the API, for the attachment download.
        var round = group[1];
        var problem = Long.parseLong(field(
                call(
                        "group16",
                        HttpMethod.POST,
                        "/api/v1/problems",
                        "/api/v1/problems",
                        "{\"round\":" + round
                                + ",\"region\":\"500116\",\"title\":\"矩阵测试" + System.nanoTime()
                                + "\",\"description\":\"矩阵测试描述\","
                                + "\"source\":\"FIELDWORK\"}"),
                "id"));
        var assigned = call(
                "group16",
                HttpMethod.POST,
                "/api/v1/problems/{id}/assign",
                "/api/v1/problems/" + problem + "/assign",
                "{\"leadUnit\":" + unit + ",\"deadline\":\""
                        + java.time.LocalDate.now().plusDays(20) + "\"}");
        assertThat(assigned.getStatus()).as(assigned.getContentAsString()).isEqualTo(200);
        assertThat(call(
                                "jiangjin-police",
                                HttpMethod.POST,
                                "/api/v1/problems/{id}/acknowledge",
                                "/api/v1/problems/" + problem + "/acknowledge",
                                null)
                        .getStatus())
                .isEqualTo(200);
        var feedback = mvc.perform(multipart("/api/v1/problems/" + problem + "/feedback")
                        .file(new MockMultipartFile("files", "photo.jpg", "image/jpeg", TestFiles.jpeg()))
                        .param("measures", "已整改")
                        .header("Authorization", "Bearer " + token("jiangjin-police")))
                .andReturn()
                .getResponse();
        assertThat(feedback.getStatus()).as(feedback.getContentAsString()).isEqualTo(200);
        var evidence = jdbc.sql("select id from problem_evidence where problem_id = ?")
                .param(problem)
                .query(Long.class)
                .single();
        // A photo on the clue, a published bulletin and a supervision notice, so that their downloads are exercised.
        if (jdbc.sql("select count(*) from clue_attachment where clue_id = ?")
                        .param(clue)
                        .query(Long.class)
                        .single()
                == 0) {
            var attached = mvc.perform(multipart("/api/v1/clues/" + clue + "/attachments")
                            .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", TestFiles.jpeg()))
                            .header("Authorization", "Bearer " + token("city")))
                    .andReturn()
                    .getResponse();
            assertThat(attached.getStatus()).as(attached.getContentAsString()).isEqualTo(201);
        }
        if (jdbc.sql("select count(*) from bulletin").query(Long.class).single() == 0) {
            var published = call(
                    "city",
                    HttpMethod.POST,
                    "/api/v1/rounds/{id}/bulletins",
                    "/api/v1/rounds/" + round + "/bulletins",
                    "{\"date\":\"2018-07-25\"}");
            assertThat(published.getStatus()).as(published.getContentAsString()).isEqualTo(201);
        }
        // A supervision notice on the sample problem (the sweep would issue one only once it is overdue).
        jdbc.sql("""
                        insert into deadline_step (watch_id, cycle, due, rung, issued_on, issued_at, respond_by, unit_id,
                                                   region_path, title, href, number, notice_year, notice_seq)
                        select w.id, 1, current_date, 'SUPERVISION_NOTICE', current_date, now(), current_date + 7,
                               w.unit_id, w.region_path, '矩阵测试', '/problems/' || w.subject_id,
                               '渝扫黑办督〔2099〕' || n.seq || '号', 2099, n.seq
                          from deadline_watch w,
                               (select coalesce(max(notice_seq), 0) + 1 seq from deadline_step where notice_year = 2099) n
                         where w.subject_type = 'problem' and w.subject_id = ?
                        on conflict do nothing""").param(problem).update();
        var notice = jdbc.sql("""
                        select s.id, w.subject_id from deadline_step s
                          join deadline_watch w on w.id = s.watch_id and w.subject_type = 'problem'
                          join problem p on p.id = w.subject_id and p.region_code = '500116'
                         where s.rung = 'SUPERVISION_NOTICE' order by s.id desc limit 1""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        values.put("step", notice.map(n -> Long.toString(n[0])).orElse("1"));
        values.put("noticeProblem", notice.map(n -> Long.toString(n[1])).orElse(Long.toString(problem)));
        values.put("clue", Long.toString(clue));
        values.put("problem", Long.toString(problem));
        values.put("group", Long.toString(group[0]));
        values.put("groupId", Long.toString(group[0]));
        values.put("round", Long.toString(group[1]));
        values.put("campaign", Long.toString(campaign));
        values.put("staff", Long.toString(staff));
        values.put("unit", Long.toString(unit));
        values.put("code", "500116");
        values.put("number", Integer.toString(groupNumber));
        values.put("file", Long.toString(evidence));
        values.put("itemId", Long.toString(item));
        values.put(
                "attachment",
                jdbc.sql("select id from clue_attachment where clue_id = ? order by id limit 1")
                        .param(clue)
                        .query(Long.class)
                        .optional()
                        .map(String::valueOf)
                        .orElse("1"));
        values.put(
                "bulletin",
                jdbc.sql("select id from bulletin order by id limit 1")
                        .query(Long.class)
                        .optional()
                        .map(String::valueOf)
                        .orElse("1"));
        values.put("transition", "acknowledge");
        values.put("date", "2018-07-20");
        values.put("day", "2018-07-20");
        return values;
    }

    /** The record a route's {id} means, from the route's first path segment. */
    static String idOf(String pattern) {
        var path = pattern.replaceFirst("^/api/v1", "");
        if (path.startsWith("/clues")) return "clue";
        if (path.startsWith("/problems")) return "problem";
        if (path.startsWith("/groups")) return "group";
        if (path.startsWith("/rounds")) return "round";
        if (path.startsWith("/campaigns")) return "campaign";
        if (path.startsWith("/admin/accounts") || path.startsWith("/staff")) return "staff";
        if (path.startsWith("/units")) return "unit";
        if (path.startsWith("/bulletins")) return "bulletin";
        return "id";
    }

    String path(String pattern, Map<String, String> samples) {
        var m = VARIABLE.matcher(pattern);
        var out = new StringBuilder();
        while (m.find()) {
            var name = m.group(1).replaceFirst(":.*", "");
            var value = name.equals("id")
                    ? samples.get(pattern.contains("/notices/{step}") ? "noticeProblem" : idOf(pattern))
                    : samples.get(name);
            if (value == null) {
                throw new AssertionError("no sample value for {" + name + "} in " + pattern);
            }
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out + QUERIES.getOrDefault(pattern, "").replace("{round}", samples.get("round"));
    }

    /** The query a route needs to answer at all (without it, it answers 400 to everyone and proves nothing). */
    static final Map<String, String> QUERIES = Map.of(
            "/api/v1/stats/overview", "?round={round}&date=2018-07-30",
            "/api/v1/stats/rankings", "?round={round}&date=2018-07-30",
            "/api/v1/stats/trend", "?round={round}&date=2018-07-30",
            "/rankings", "?round={round}&date=2018-07-30",
            "/api/v1/clues/funnel", "?asOf=2018-07-30",
            "/api/v1/problems/statistics", "?round={round}&asOf=2018-07-30",
            "/api/v1/rounds/{id}/bulletin", "?date=2018-07-30",
            "/api/v1/rounds/{id}/bulletins/draft", "?date=2018-07-30",
            "/rounds/{id}/bulletin.xlsx", "?date=2018-07-30",
            "/dashboard.xlsx", "?round={round}&date=2018-07-30");

    MockHttpServletResponse call(String principal, HttpMethod method, String pattern, String path) throws Exception {
        return call(principal, method, pattern, path, "{}");
    }

    String token(String principal) {
        return tokens.computeIfAbsent(principal, p -> {
            try {
                return SignIns.token(mvc, p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String field(MockHttpServletResponse response, String name) throws Exception {
        var m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(response.getContentAsString());
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + response.getContentAsString());
        }
        return m.group(1);
    }

    MockHttpServletResponse call(String principal, HttpMethod method, String pattern, String path, String json)
            throws Exception {
        var api = pattern.startsWith("/api/") || pattern.startsWith("/v3/");
        var request = request(method, path).with(csrf());
        if (!method.equals(HttpMethod.GET)) {
            if (api) {
                if (json != null) {
                    request.contentType(MediaType.APPLICATION_JSON).content(json);
                }
            } else {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            }
        }
        if (!principal.equals("anonymous")) {
            if (api) {
                request.header("Authorization", "Bearer " + token(principal));
            } else {
                // The principal a form sign-in puts in the session (the login itself is proven by SignInTests).
                var staff = staffs.get(principal);
                request.with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(
                                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                                                .authenticated(
                                                        staff,
                                                        null,
                                                        List.of(
                                                                new org.springframework.security.core.authority
                                                                        .SimpleGrantedAuthority(
                                                                        dudao.platform.Authorities.STAFF),
                                                                new org.springframework.security.core.authority
                                                                        .SimpleGrantedAuthority(staff.role()
                                                                        .authority())))));
            }
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    static boolean answered(MockHttpServletResponse response) {
        int status = response.getStatus();
        if (status >= 300 && status < 400) {
            var location = response.getRedirectedUrl();
            return location == null || !location.contains("/login");
        }
        return status >= 200 && status < 300;
    }

    static Map<String, Set<String>> matrix() throws IOException {
        var matrix = new LinkedHashMap<String, Set<String>>();
        try (var in = AuthorisationMatrixTests.class.getResourceAsStream("/hardening/authorisation-matrix.txt")) {
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                var parts = line.split("\\s+");
                var route = parts[0] + " " + parts[1];
                var allowed = new TreeSet<String>();
                for (int i = 2; i < parts.length; i++) {
                    if (!parts[i].equals("-")) {
                        allowed.add(parts[i]);
                    }
                }
                matrix.put(route, allowed);
            }
        }
        return matrix;
    }

    @Test
    void everyRouteAnswersOnlyThePrincipalsTheMatrixAllows() throws Exception {
        var matrix = matrix();
        var samples = samples();
        // DUDAO_MATRIX_RECORD=<file> writes what each route answered to that file instead of checking it.
        var recordTo = System.getenv("DUDAO_MATRIX_RECORD");
        var record = recordTo != null && !recordTo.isBlank();
        var observed = new TreeMap<String, Set<String>>();
        var problems = new ArrayList<String>();
        for (var route : routes()) {
            var verb = HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
            var pattern = route.substring(route.indexOf(' ') + 1);
            var expected = matrix.get(route);
            if (expected == null && !record) {
                problems.add(route + ": not in the authorisation matrix");
                continue;
            }
            var path = path(pattern, samples);
            var allowed = new TreeSet<String>();
            for (var principal : PRINCIPALS) {
                boolean reading = verb.equals(HttpMethod.GET);
                if (!record && !reading && expected.contains(principal)) {
                    continue; // changing routes are not exercised by those who may use them
                }
                var response = call(principal, verb, pattern, path);
                // /error renders the status of a failed request; called directly it has none and says 500.
                if (response.getStatus() >= 500 && !pattern.equals("/error")) {
                    problems.add(route + " as " + principal + ": " + response.getStatus());
                }
                if (answered(response)) {
                    allowed.add(principal);
                    if (!record && !expected.contains(principal)) {
                        problems.add(route + " (" + path + ") answers " + principal + " with " + response.getStatus());
                    }
                } else if (!record && reading && expected.contains(principal)) {
                    problems.add(route + " (" + path + ") refuses " + principal + " with " + response.getStatus());
                }
            }
            observed.put(route, allowed);
        }
        if (record) {
            observed.forEach((route, allowed) -> System.out.println(
                    "MATRIX " + route + "  " + (allowed.isEmpty() ? "-" : String.join(" ", allowed))));
        }
        for (var listed : matrix.keySet()) {
            if (!observed.containsKey(listed) && !record) {
                problems.add(listed + ": in the matrix but no longer a route");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Every text in a workbook, to search an export for a record. */
    static String cells(byte[] xlsx) throws Exception {
        var out = new StringBuilder();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            for (var sheet : book) {
                for (var row : sheet) {
                    for (var cell : row) {
                        out.append(cell.toString()).append('\t');
                    }
                }
            }
        }
        return out.toString();
    }

    @Test
    void anotherDistrictsRecordsAreNotFoundInAnyPageListSearchExportDownloadOrApiAnswer() throws Exception {
        var samples = samples();
        var clue = samples.get("clue");
        var problem = samples.get("problem");
        var serial = jdbc.sql("select serial from clue where id = ?")
                .param(Long.parseLong(clue))
                .query(String.class)
                .single();
        var title = jdbc.sql("select title from problem where id = ?")
                .param(Long.parseLong(problem))
                .query(String.class)
                .single();
        var problems = new ArrayList<String>();
        // Every route about one clue or problem of 江津区 (pages, API, documents, the evidence download): 404.
        for (var route : routes()) {
            var pattern = route.substring(route.indexOf(' ') + 1);
            if (!route.startsWith("GET ") || !pattern.contains("{id}")) {
                continue;
            }
            var kind = idOf(pattern);
            if (!kind.equals("clue") && !kind.equals("problem")) {
                continue;
            }
            var path = path(pattern, samples);
            for (var outsider : List.of("banan", "group13")) {
                var status = call(outsider, HttpMethod.GET, pattern, path).getStatus();
                if (status != 404) {
                    problems.add(path + " as " + outsider + ": " + status + " (expected 404)");
                }
            }
        }
        // Lists, searches and exports of 巴南区 never show the record.
        for (var outsider : List.of("banan", "group13")) {
            for (var list : List.of(
                    "/clues?q=" + serial,
                    "/clues",
                    "/api/v1/clues?q=" + serial,
                    "/api/v1/clues?size=200",
                    "/problems",
                    "/problems?region=500116",
                    "/api/v1/problems?size=200",
                    "/api/v1/problems?region=500116")) {
                var pattern = list.replaceFirst("\\?.*", "");
                var response = call(outsider, HttpMethod.GET, pattern, list);
                var body = response.getContentAsString(StandardCharsets.UTF_8);
                // (a page echoes the search words in its search box, so pages are searched for links to the record)
                if ((list.startsWith("/api/") && body.contains(serial))
                        || body.contains("/clues/" + clue + "\"")
                        || body.contains("/problems/" + problem + "\"")
                        || body.contains("\"id\":" + problem + ",")) {
                    problems.add(list + " as " + outsider + " shows 江津区's record");
                }
            }
            for (var export : List.of("/clues/export.xlsx", "/problems/export.xlsx")) {
                var response = call(outsider, HttpMethod.GET, export, export);
                if (response.getStatus() == 200
                        && response.getContentAsByteArray().length > 0
                        && response.getContentType() != null
                        && response.getContentType().contains("spreadsheet")) {
                    var text = cells(response.getContentAsByteArray());
                    if (text.contains(serial) || text.contains(title)) {
                        problems.add(export + " as " + outsider + " contains 江津区's record");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
