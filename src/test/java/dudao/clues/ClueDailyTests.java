package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.DudaoTest;
import dudao.directory.Staff;
import dudao.platform.BearerTokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clue funnel read from the daily table equals the funnel counted from the clues, on every day, for every role
 * and with or without a round, however the clue rows were written.
 */
@DudaoTest
class ClueDailyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    BearerTokens tokens;

    @Autowired
    ClueStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void dailyFunnelEqualsTheCountFromTheCluesForEveryReader() {
        assertThat(total(statistics.funnel(LocalDate.of(2018, 8, 31), ClueStatistics.By.DISTRICT, staff("city")))
                        .received())
                .isPositive();
        assertSameAsCounted(LocalDate.of(2018, 7, 15), LocalDate.of(2018, 8, 31), 6);
    }

    @Test
    void theOverviewsFunnelsOfADayAndTheDayBeforeAreTheFunnelsOfThoseDays() {
        var round = jdbc.sql("select coalesce(max(round_id), 1) from clue")
                .query(Long.class)
                .single();
        for (var day = LocalDate.of(2018, 7, 16); !day.isAfter(LocalDate.of(2018, 8, 5)); day = day.plusDays(5)) {
            var before = day.minusDays(1);
            for (var reader : readers) {
                var funnels = statistics.roundFunnels(round, day, reader);
                assertThat(funnels.byGroup())
                        .containsExactlyInAnyOrderElementsOf(
                                statistics.funnel(round, day, ClueStatistics.By.GROUP, reader));
                assertThat(funnels.byGroupBefore())
                        .containsExactlyInAnyOrderElementsOf(
                                statistics.funnel(round, before, ClueStatistics.By.GROUP, reader));
                assertThat(funnels.byDistrict())
                        .containsExactlyInAnyOrderElementsOf(
                                statistics.funnel(round, day, ClueStatistics.By.DISTRICT, reader));
                assertThat(funnels.byDistrictBefore())
                        .containsExactlyInAnyOrderElementsOf(
                                statistics.funnel(round, before, ClueStatistics.By.DISTRICT, reader));
            }
        }
    }

    @Test
    void aClueNamingTheReaderIsLeftOutOfTheirFunnelOnly() {
        var city = staff("city");
        var leader = staff("leader");
        inRolledBackTransaction(() -> {
            var clue = jdbc.sql("select min(id) from clue where region_path like '/500000/500116/%'"
                            + " and not officials_named")
                    .query(Long.class)
                    .single();
            var day = LocalDate.of(2018, 8, 31);
            long cityBefore = total(statistics.funnel(day, ClueStatistics.By.DISTRICT, city))
                    .received();
            long leaderBefore = total(statistics.funnel(day, ClueStatistics.By.DISTRICT, leader))
                    .received();
            jdbc.sql("insert into clue_person (clue_id, kind, name) values (?, 'REPORTED', ?)")
                    .params(clue, ClueVisibility.namesOf(city.displayName())[1])
                    .update();
            assertThat(total(statistics.funnel(day, ClueStatistics.By.DISTRICT, city))
                            .received())
                    .isEqualTo(cityBefore - 1);
            assertThat(total(statistics.funnel(day, ClueStatistics.By.DISTRICT, leader))
                            .received())
                    .isEqualTo(leaderBefore);
            assertSameAsCounted(day, day, 1);
        });
    }

    @Test
    void aRoundsFunnelLeavesOutTheCluesOfAnotherRound() {
        var city = readers.get(0);
        var day = LocalDate.of(2018, 8, 31);
        inRolledBackTransaction(() -> {
            long round = jdbc.sql("select coalesce(max(round_id), 1) from clue")
                    .query(Long.class)
                    .single();
            long ofRound = total(statistics.funnel(round, day, ClueStatistics.By.DISTRICT, city))
                    .received();
            long all = total(statistics.funnel(day, ClueStatistics.By.DISTRICT, city))
                    .received();
            jdbc.sql("update clue set round_id = ? where id in (select id from clue where merged_at is null"
                            + " and received_at < timestamptz '2018-09-01 00:00+08'"
                            + " and (round_id = ? or round_id is null) and region_path like '/500000/500116/%'"
                            + " and not officials_named and not exists (select 1 from clue_person p"
                            + " where p.clue_id = clue.id and p.name in (?, ?)) order by id limit 2)")
                    .params(
                            round + 1000,
                            round,
                            ClueVisibility.namesOf(city.displayName())[0],
                            ClueVisibility.namesOf(city.displayName())[1])
                    .update();
            assertThat(total(statistics.funnel(round, day, ClueStatistics.By.DISTRICT, city))
                            .received())
                    .isEqualTo(ofRound - 2);
            assertThat(total(statistics.funnel(day, ClueStatistics.By.DISTRICT, city))
                            .received())
                    .isEqualTo(all);
        });
    }

    @Test
    void changesMadeOutsideTheWorkflowKeepTheFunnelExact() {
        inRolledBackTransaction(() -> {
            // A repair by hand: clues moved to another round, merged, re-dated and given a limit long past.
            jdbc.sql("update clue set round_id = 999999 where id in (select id from clue order by id limit 5)")
                    .update();
            jdbc.sql("""
                    update clue set merged_at = received_at + interval '2 days',
                                    merged_into = (select min(id) from clue)
                    where id in (select id from clue order by id offset 10 limit 3)""").update();
            jdbc.sql("""
                    update clue set received_at = received_at - interval '3 days', due_on = date '2018-07-20',
                                    verified_at = null, closed_at = null
                    where id in (select id from clue order by id offset 20 limit 4)""").update();
            assertSameAsCounted(LocalDate.of(2018, 7, 14), LocalDate.of(2018, 8, 2), 4);
        });
    }

    @Test
    void cluesInsertedAndDeletedTogetherKeepTheTableAndTheirBandsExact() {
        inRolledBackTransaction(() -> {
            // Every clue copied in one statement: new ones (counted by the insert trigger's short way) and ones with a
            // history (triaged, verified, closed, replied, merged: counted by clue_daily_apply) in one batch.
            jdbc.sql("create temp table copies on commit drop as select * from clue")
                    .update();
            jdbc.sql("""
                    update copies set id = nextval('clue_id_seq'), serial = 'copy ' || serial,
                                      serial_number = serial_number + 900000, receipt_hash = sha256(receipt_hash)""").update();
            var kinds = jdbc.sql("""
                    select count(*) filter (where triaged_at is null and transferred_at is null and verified_at is null
                                            and closed_at is null and replied_at is null and due_on is null
                                            and merged_at is null),
                           count(*) filter (where triaged_at is not null or closed_at is not null)
                    from copies""")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single();
            assertThat(kinds[0]).as("new clues among the copies").isPositive();
            assertThat(kinds[1]).as("clues with a history among the copies").isPositive();
            jdbc.sql("insert into clue select * from copies").update();
            var inserted = snapshot();
            statistics.rebuild();
            assertThat(inserted).containsExactlyInAnyOrderElementsOf(snapshot());
            assertThat(jdbc.sql("""
                            select count(*) from copies c
                            where array(select band from clue_band b where b.clue_id = c.id order by 1)
                                  <> array(select distinct x from unnest(clue_bands(c.grams, c.region_path)) x
                                           order by 1)""").query(Long.class).single())
                    .as("copies whose bands differ from clue_bands()")
                    .isZero();

            jdbc.sql("delete from clue where id in (select id from copies)").update();
            var deleted = snapshot();
            statistics.rebuild();
            assertThat(deleted).containsExactlyInAnyOrderElementsOf(snapshot());
            assertThat(jdbc.sql(
                                    "select count(*) from clue_band b where not exists (select 1 from clue c where c.id = b.clue_id)")
                            .query(Long.class)
                            .single())
                    .as("bands left of deleted clues")
                    .isZero();
        });
    }

    @Test
    void rebuildingTheTableFromTheCluesChangesNothing() {
        inRolledBackTransaction(() -> {
            var before = snapshot();
            assertThat(statistics.rebuild()).isEqualTo(before.size());
            assertThat(snapshot()).containsExactlyInAnyOrderElementsOf(before);
        });
    }

    private static FunnelRow total(List<FunnelRow> rows) {
        return rows.get(rows.size() - 1);
    }

    private List<String> snapshot() {
        return jdbc.sql("""
                select concat_ws('|', round_id, day, group_number, region_code, officials_named, region_path,
                                 received, in_scope, transferred, verified_true, cases, closed, replied,
                                 round(reply_days, 6), overdue) from clue_daily
                where received <> 0 or in_scope <> 0 or transferred <> 0 or verified_true <> 0 or cases <> 0
                   or closed <> 0 or replied <> 0 or reply_days <> 0 or overdue <> 0""").query(String.class).list();
    }

    private Staff staff(String username) {
        return SignedIn.staff(mvc, tokens, username);
    }

    private List<Staff> readers;

    /**
     * The readers, signed in before any test opens the transaction it rolls back (a token issued inside it would be
     * rolled back with it).
     */
    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        readers = new ArrayList<>();
        for (var name : List.of("city", "leader", "jiangjin", "discipline", "group16", "jiangjin-police", "auditor")) {
            readers.add(staff(name));
        }
    }

    private void assertSameAsCounted(LocalDate from, LocalDate to, int step) {
        var round = jdbc.sql("select max(round_id) from clue")
                .query(Long.class)
                .optional()
                .orElse(null);
        for (var day = from; !day.isAfter(to); day = day.plusDays(step)) {
            for (var reader : readers) {
                for (var by : List.of(ClueStatistics.By.DISTRICT, ClueStatistics.By.GROUP)) {
                    for (var r : java.util.Arrays.asList(null, round == null ? 1L : round)) {
                        assertThat(statistics.funnel(r, day, by, reader))
                                .as("%s by %s for %s in round %s", day, by, reader.username(), r)
                                .isEqualTo(statistics.countedFromRecords(r, day, by, reader));
                    }
                }
            }
        }
    }

    private void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }
}
