package dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.DudaoTest;
import dudao.campaign.DemoCampaign;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rectification figures read from the daily table equal the figures counted from the problems' timelines, on
 * every day and for every reader, however the timeline was written.
 */
@DudaoTest
class ProblemDailyTests {

    @Autowired
    RectificationStatistics statistics;

    @Autowired
    Rounds rounds;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    RoundId round;
    List<Jurisdiction> readers;

    @BeforeEach
    void demo() {
        round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id();
        readers = List.of(
                Jurisdiction.wholeCity(),
                Jurisdiction.of(regions.find(new RegionCode("500116")).orElseThrow()),
                Jurisdiction.of(regions.find(new RegionCode("500113")).orElseThrow()));
    }

    @Test
    void dailyFiguresEqualTheCountFromTheTimelinesOnEveryDay() {
        assertThat(statistics
                        .total(round, LocalDate.of(2018, 7, 30), Jurisdiction.wholeCity())
                        .found())
                .isPositive();
        assertSameAsCounted(LocalDate.of(2018, 7, 15), LocalDate.of(2018, 8, 1));
    }

    @Test
    void aTimelineEntryWrittenOutOfOrderKeepsTheFiguresExact() {
        inRolledBackTransaction(() -> {
            var problem = jdbc.sql("""
                    select p.id from problem p where p.round_id = ? and p.status = 'CLOSED'
                    and (select count(*) from problem_event e where e.problem_id = p.id and e.status is not null) > 2
                    order by p.id limit 1""").param(round.value()).query(Long.class).single();
            // A correction by hand: the problem was back with its unit, overdue, for a day in the middle of its
            // timeline, entered after everything else.
            jdbc.sql("""
                    insert into problem_event (problem_id, step, cycle, by_name, at, status, deadline)
                    select id, 'REOPENED', cycle, 'test', timestamptz '2018-07-24 23:00+08', 'RECTIFYING', date '2018-07-20'
                    from problem where id = ?""").param(problem).update();
            assertSameAsCounted(LocalDate.of(2018, 7, 20), LocalDate.of(2018, 7, 31));
        });
    }

    @Test
    void movingAProblemToAnotherRegionMovesItsFigures() {
        inRolledBackTransaction(() -> {
            jdbc.sql("""
                    update problem set region_code = '500113', region_path = '/500000/500113/'
                    where id = (select min(id) from problem where round_id = ? and region_path like '/500000/500116/%')""").param(round.value()).update();
            assertSameAsCounted(LocalDate.of(2018, 7, 28), LocalDate.of(2018, 7, 30));
        });
    }

    @Test
    void rebuildingTheTableFromTheTimelinesChangesNothing() {
        inRolledBackTransaction(() -> {
            var before = snapshot();
            assertThat(statistics.rebuild()).isEqualTo(before.size());
            assertThat(snapshot()).containsExactlyInAnyOrderElementsOf(before);
        });
    }

    @Test
    void theOverviewsLinesOfADayAndTheDayBeforeAreTheFiguresOfThoseDays() {
        for (var day = LocalDate.of(2018, 7, 16); !day.isAfter(LocalDate.of(2018, 7, 31)); day = day.plusDays(5)) {
            for (var scope : readers) {
                var lines = statistics.lines(round, day, scope);
                var before = day.minusDays(1);
                assertThat(lines.byGroup())
                        .isEqualTo(statistics.figures(round, day, RectificationStatistics.By.GROUP, scope));
                assertThat(lines.byGroupBefore())
                        .isEqualTo(statistics.figures(round, before, RectificationStatistics.By.GROUP, scope));
                assertThat(lines.byDistrict())
                        .isEqualTo(statistics.figures(round, day, RectificationStatistics.By.DISTRICT, scope));
                assertThat(lines.byDistrictBefore())
                        .isEqualTo(statistics.figures(round, before, RectificationStatistics.By.DISTRICT, scope));
            }
        }
    }

    @Test
    void theTrendCumulatesTheFiguresOfEachDay() {
        var days =
                statistics.daily(round, LocalDate.of(2018, 7, 16), LocalDate.of(2018, 7, 30), Jurisdiction.wholeCity());
        assertThat(days).hasSize(15);
        for (var day : days) {
            var total = statistics.total(round, day.date(), Jurisdiction.wholeCity());
            assertThat(day.found()).isEqualTo(total.found());
            assertThat(day.closed()).isEqualTo(total.closed());
        }
    }

    private List<String> snapshot() {
        return jdbc.sql("""
                select concat_ws('|', round_id, day, group_id, region_code, region_path, found, closed, rectifying,
                                 overdue) from problem_daily
                where found <> 0 or closed <> 0 or rectifying <> 0 or overdue <> 0""").query(String.class).list();
    }

    private void assertSameAsCounted(LocalDate from, LocalDate to) {
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (var scope : readers) {
                for (var by : List.of(
                        RectificationStatistics.By.ROUND,
                        RectificationStatistics.By.GROUP,
                        RectificationStatistics.By.DISTRICT)) {
                    assertThat(statistics.figures(round, day, by, scope))
                            .as("%s by %s in %s", day, by, scope.root())
                            .isEqualTo(statistics.countedFromRecords(round, day, by, scope));
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
