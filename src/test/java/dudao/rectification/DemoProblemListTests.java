package dudao.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.DudaoTest;
import dudao.campaign.DemoCampaign;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo round's problem list reproduces the article's figures from data recorded through the workflow. */
@DudaoTest
class DemoProblemListTests {

    static final LocalDate ROUND_END = LocalDate.of(2018, 7, 30);

    @Autowired
    RectificationStatistics statistics;

    @Autowired
    Rounds rounds;

    @Autowired
    JdbcClient jdbc;

    RoundId round;

    @BeforeEach
    void demo() {
        round = rounds.all().stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void demoRoundFound1291ProblemsAndClosed848By30July() {
        var total = statistics.total(round, ROUND_END, Jurisdiction.wholeCity());
        assertThat(total.found()).isEqualTo(1291);
        assertThat(total.closed()).isEqualTo(848);
        assertThat(total.overdue()).isPositive();
        assertThat(total.rate()).isBetween(0.65, 0.66);
    }

    @Test
    void group13MadeThirtyOneRectificationSuggestions() {
        var byGroup = statistics.figures(round, ROUND_END, RectificationStatistics.By.GROUP, Jurisdiction.wholeCity());
        assertThat(byGroup).hasSize(40);
        assertThat(byGroup)
                .filteredOn(f -> f.key().equals("13"))
                .singleElement()
                .satisfies(f -> assertThat(f.found()).isEqualTo(31));
        long suggestions = jdbc.sql("""
                select count(*) from problem p join inspection_group g on g.id = p.group_id
                where p.round_id = ? and g.number = 13 and p.suggestion is not null
                  and p.recorded_at < '2018-07-31'""").param(round.value()).query(Long.class).single();
        assertThat(suggestions).isEqualTo(31);
    }

    @Test
    void lookBackInAugustTakesBackOneRectifiedCredit() {
        var later = statistics.total(round, LocalDate.of(2018, 8, 31), Jurisdiction.wholeCity());
        assertThat(later.closed()).isEqualTo(847);
        long reopened = jdbc.sql(
                        "select count(*) from problem where round_id = ? and cycle = 2 and recorded_at < '2018-07-31'")
                .param(round.value())
                .query(Long.class)
                .single();
        assertThat(reopened).isEqualTo(1);
    }

    @Test
    void demoHasExtensionsSupervisionNoticesAndRejections() {
        long demoProblems = jdbc.sql("select min(id) from problem where round_id = ?")
                .param(round.value())
                .query(Long.class)
                .single();
        var steps = jdbc.sql("""
                select e.step, count(*) from problem_event e join problem p on p.id = e.problem_id
                where p.round_id = ? and p.recorded_at < '2018-07-31' group by e.step""")
                .param(round.value())
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
                .list();
        var counts = new java.util.HashMap<String, Long>();
        steps.forEach(e -> counts.put(e.getKey(), e.getValue()));
        assertThat(demoProblems).isPositive();
        assertThat(counts.get("EXTENSION_APPROVED")).isGreaterThanOrEqualTo(20);
        assertThat(counts.get("REJECTED")).isGreaterThanOrEqualTo(50);
        assertThat(counts.get("SUPERVISION_NOTICE")).isBetween(1L, 15L);
        assertThat(counts.get("ACCEPTED")).isEqualTo(848);
    }
}
