package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.audit.AuditTrail;
import dudao.deadlines.Deadlines;
import dudao.deadlines.IssuedStep;
import dudao.deadlines.Rung;
import dudao.deadlines.Subject;
import dudao.directory.Staff;
import dudao.directory.UnitId;
import dudao.directory.Units;
import dudao.platform.BearerTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supervision of clues through the deadlines module: the handling unit's time limit and the 30-day reply rule each get
 * the ladder of reminders, supervision notice and accountability, and stop when the work is done. The steps run on a
 * clock set to days in 2005 and the sweeps are driven day by day, so no other test's deadlines are touched.
 */
@DudaoTest
class ClueSupervisionTests {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BearerTokens tokens;

    @Autowired
    Deadlines deadlines;

    @Autowired
    ClueSupervision supervision;

    @Autowired
    ClueStore store;

    @Autowired
    Units units;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    ClueProperties properties;

    @Autowired
    ClueKeys keys;

    @Autowired
    dudao.campaign.Campaigns campaigns;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transactions;

    private long receive(LocalDate day, boolean reachable) throws Exception {
        var body = mvc.perform(post("/api/v1/clues")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"HOTLINE","region":"500116","receivedAt":"%sT10:00:00+08:00",
                                 "reporter":%s,
                                 "activity":{"category":"VILLAGE_BULLY","place":"江津区白沙镇","time":"不清楚",
                                             "description":"白沙镇村霸赵某强占集体鱼塘，殴打前去理论的村民"}}""".formatted(day, reachable ? "{\"phone\":\"13600000000\"}" : "null")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body).get("id").asLong();
    }

    /** The module's steps on a clock set to ten in the morning of the given day, in one transaction. */
    private void on(LocalDate day, Consumer<ClueHandling> steps) {
        var clock = Clock.fixed(day.atTime(10, 0).atZone(CHINA).toInstant(), CHINA);
        var handling = new ClueHandling(
                store, units, calendar, properties, campaigns, keys, jdbc, audit, clock, null, supervision);
        transactions.executeWithoutResult(tx -> steps.accept(handling));
    }

    private Staff staff(String username) {
        return SignedIn.staff(mvc, tokens, username);
    }

    private UnitId police() {
        return new UnitId(jdbc.sql("select id from unit where name = '江津区公安局'")
                .query(Long.class)
                .single());
    }

    private LocalDate dueOn(long id) {
        return jdbc.sql("select due_on from clue where id = ?")
                .param(id)
                .query(LocalDate.class)
                .single();
    }

    private void sweep(LocalDate from, LocalDate to) {
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            deadlines.sweep(day);
        }
    }

    private void watchNewReplies() {
        while (supervision.watchNewReplies(ClueScheduling.BATCH) == ClueScheduling.BATCH) {
            // the backlog of clues recorded before
        }
    }

    private List<IssuedStep> ladder(String type, long id) {
        return deadlines.steps(new Subject(type, id));
    }

    private List<String> timeline(long id) throws Exception {
        var body = mvc.perform(
                        get("/api/v1/clues/" + id).header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var out = new ArrayList<String>();
        JSON.readTree(body).get("timeline").forEach(e -> out.add(e.get("action").asString()));
        return out;
    }

    @Test
    void escalatesAnAssignedClueWhoseUnitDoesNotReportBack() throws Exception {
        var day = LocalDate.of(2005, 3, 1);
        long id = receive(day, false);
        on(day, h -> {
            h.triage(new ClueId(id), Scope.EVIL, ActivityCategory.VILLAGE_BULLY, staff("group16"));
            h.assign(new ClueId(id), police(), 10, staff("group16"));
        });
        var due = dueOn(id);
        assertThat(due).isEqualTo(calendar.addWorkingDays(day, 10));

        sweep(day, due.plusDays(20));

        var ladder = ladder(ClueSupervision.HANDLING, id);
        assertThat(ladder)
                .extracting(IssuedStep::rung, IssuedStep::issuedOn, IssuedStep::unitId)
                .containsExactly(
                        tuple(Rung.REMINDER_BEFORE, due.minusDays(3), police().value()),
                        tuple(Rung.REMINDER_AFTER, due.plusDays(1), police().value()),
                        tuple(Rung.SUPERVISION_NOTICE, due.plusDays(3), police().value()),
                        tuple(Rung.ACCOUNTABILITY, due.plusDays(9), police().value()));
        assertThat(ladder.get(2).number()).matches("渝扫黑办督〔2005〕\\d+号");
        assertThat(ladder.get(2).href()).isEqualTo("/clues/" + id);
        assertThat(timeline(id))
                .containsSubsequence(
                        "assign", "limit-reminder", "limit-overdue", "limit-notice", "limit-accountability");
        // An anonymous tip owes nobody a reply.
        assertThat(ladder(ClueSupervision.REPLY, id)).isEmpty();
    }

    @Test
    void stopsWhenTheUnitReportsBackAndStartsAgainWhenTheReviewSendsItBack() throws Exception {
        var day = LocalDate.of(2005, 4, 1);
        long id = receive(day, false);
        on(day, h -> {
            h.triage(new ClueId(id), Scope.EVIL, ActivityCategory.VILLAGE_BULLY, staff("group16"));
            h.assign(new ClueId(id), police(), 10, staff("group16"));
        });
        var due = dueOn(id);
        sweep(day, due.minusDays(1));
        on(
                due.minusDays(1),
                h -> h.verify(
                        new ClueId(id),
                        Set.of(VerifyMethod.ON_SITE),
                        "经实地查证，部分属实",
                        VerifyResult.PARTLY_TRUE,
                        staff("jiangjin-police")));
        sweep(due, due.plusDays(4));
        assertThat(ladder(ClueSupervision.HANDLING, id))
                .extracting(IssuedStep::rung)
                .containsExactly(Rung.REMINDER_BEFORE);

        // Sent back after the time limit passed: the verification is owed again, under the same limit, and late.
        on(due.plusDays(5), h -> h.review(new ClueId(id), false, "补充调查", staff("group16")));
        sweep(due.plusDays(5), due.plusDays(6));
        assertThat(ladder(ClueSupervision.HANDLING, id))
                .extracting(IssuedStep::rung, IssuedStep::issuedOn)
                .containsExactly(
                        tuple(Rung.REMINDER_BEFORE, due.minusDays(3)),
                        tuple(Rung.REMINDER_AFTER, due.plusDays(5)),
                        tuple(Rung.SUPERVISION_NOTICE, due.plusDays(5)));
        on(
                due.plusDays(7),
                h -> h.verify(
                        new ClueId(id),
                        Set.of(VerifyMethod.SUPPLEMENTARY_INVESTIGATION),
                        "补充调查后，情况属实",
                        VerifyResult.TRUE,
                        staff("jiangjin-police")));
        sweep(due.plusDays(7), due.plusDays(30));
        assertThat(ladder(ClueSupervision.HANDLING, id))
                .extracting(IssuedStep::rung)
                .doesNotContain(Rung.ACCOUNTABILITY);
    }

    @Test
    void holdsTheThirtyDayReplyRuleUntilTheReporterIsAnswered() throws Exception {
        var day = LocalDate.of(2005, 6, 1);
        long answered = receive(day, true);
        long forgotten = receive(day, true);
        watchNewReplies();
        var due = day.plusDays(30);

        sweep(day, due.minusDays(1));
        on(due.minusDays(1), h -> h.reply(new ClueId(answered), "您反映的线索已受理，正在核查。", staff("group16")));
        sweep(due, due.plusDays(20));

        assertThat(ladder(ClueSupervision.REPLY, answered))
                .extracting(IssuedStep::rung, IssuedStep::issuedOn, IssuedStep::due)
                .containsExactly(tuple(Rung.REMINDER_BEFORE, due.minusDays(3), due));
        assertThat(ladder(ClueSupervision.REPLY, forgotten))
                .extracting(IssuedStep::rung, IssuedStep::issuedOn)
                .containsExactly(
                        tuple(Rung.REMINDER_BEFORE, due.minusDays(3)),
                        tuple(Rung.REMINDER_AFTER, due.plusDays(1)),
                        tuple(Rung.SUPERVISION_NOTICE, due.plusDays(3)),
                        tuple(Rung.ACCOUNTABILITY, due.plusDays(9)));
        assertThat(timeline(forgotten)).contains("reply-reminder", "reply-notice");
        // Nothing was owed on the handling side: the clue was never assigned.
        assertThat(ladder(ClueSupervision.HANDLING, forgotten)).isEmpty();
    }

    @Test
    void watchesEachReachableClueOnceHoweverOftenTheTaskRuns() throws Exception {
        var day = LocalDate.of(2005, 9, 1);
        long id = receive(day, true);
        watchNewReplies();
        watchNewReplies();
        assertThat(supervision.watchNewReplies(ClueScheduling.BATCH)).isZero();
        sweep(day.plusDays(27), day.plusDays(27));
        assertThat(ladder(ClueSupervision.REPLY, id)).hasSize(1);
    }

    @Test
    void keepsTheNoticesOfAClueNamingOfficialsOutOfItsDistrict() throws Exception {
        var day = LocalDate.of(2005, 11, 1);
        var body = mvc.perform(post("/api/v1/clues")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"LETTER","region":"500116","receivedAt":"%sT10:00:00+08:00",
                                 "reporter":{"phone":"13600000001"},
                                 "officials":[{"name":"孙某","detail":"江津区某局副局长"}],
                                 "activity":{"category":"PROTECTIVE_UMBRELLA","place":"江津区","time":"不清楚",
                                             "description":"某局副局长孙某为砂石团伙通风报信"}}""".formatted(day)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = JSON.readTree(body).get("id").asLong();
        var discipline = new UnitId(jdbc.sql("select id from unit where name = '市纪委监委'")
                .query(Long.class)
                .single());
        on(day, h -> {
            h.triage(new ClueId(id), Scope.EVIL, ActivityCategory.PROTECTIVE_UMBRELLA, staff("city"));
            h.assign(new ClueId(id), discipline, 5, staff("city"));
        });
        sweep(day, dueOn(id).plusDays(40));

        var handling = new Subject(ClueSupervision.HANDLING, id);
        var reply = new Subject(ClueSupervision.REPLY, id);
        assertThat(ladder(ClueSupervision.HANDLING, id))
                .extracting(IssuedStep::rung)
                .contains(Rung.SUPERVISION_NOTICE);
        assertThat(ladder(ClueSupervision.REPLY, id))
                .extracting(IssuedStep::rung)
                .contains(Rung.SUPERVISION_NOTICE);
        assertThat(deadlines.escalationsWithin("/500000/500116/%", 10_000))
                .extracting(IssuedStep::subject)
                .doesNotContain(handling, reply);
        assertThat(deadlines.escalationsWithin("/500000/%", 10_000))
                .extracting(IssuedStep::subject)
                .contains(handling, reply);
        assertThat(ladder(ClueSupervision.HANDLING, id)).allMatch(s -> discipline.value() == s.unitId());
    }
}
