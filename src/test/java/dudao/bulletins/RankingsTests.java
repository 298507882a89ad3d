package dudao.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fair rankings: per member and per township, rates against the best, every score explained item by item. */
class RankingsTests {

    static Line line(String key, long residents, long found, long closed, long overdue) {
        return new Line(
                key,
                key,
                key,
                Map.of(),
                Map.of(
                        "residentsDistrict", residents,
                        "problemsFound", found,
                        "problemsClosed", closed,
                        "problemsOverdue", overdue));
    }

    @Test
    void aSmallGroupWithTheSameWorkPerMemberScoresAsHighAsALargeOne() {
        var large = line("1", 800, 10, 5, 0);
        var small = line("2", 400, 10, 5, 0);
        var ranked = Rankings.rank(List.of(large, small), l -> l.key().equals("1") ? 8 : 4, l -> 0);
        assertThat(ranked)
                .extracting(Rankings.Ranked::score)
                .containsOnly(ranked.get(0).score());
        assertThat(ranked).extracting(Rankings.Ranked::place).containsExactly(1, 1);
    }

    @Test
    void explainsEachItemAndRanksByTheMeanOfThePoints() {
        var good = line("1", 100, 10, 10, 0);
        var late = line("2", 100, 10, 5, 5);
        var ranked = Rankings.rank(List.of(late, good), l -> 1, l -> 10);
        assertThat(ranked.get(0).key()).isEqualTo("1");
        assertThat(ranked.get(0).score()).isEqualTo(100.0);
        var items = ranked.get(1).items();
        assertThat(items)
                .extracting(Rankings.Score::item)
                .containsExactlyInAnyOrder(
                        Rankings.Item.FIELDWORK_PER_MEMBER,
                        Rankings.Item.FIELDWORK_PER_TOWNSHIP,
                        Rankings.Item.RECTIFICATION_RATE,
                        Rankings.Item.OVERDUE_SHARE);
        assertThat(items)
                .filteredOn(s -> s.item() == Rankings.Item.OVERDUE_SHARE)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.value()).isEqualTo(50.0);
                    assertThat(s.points()).isEqualTo(50.0);
                });
        assertThat(ranked.get(1).score()).isEqualTo((100 + 100 + 50 + 50) / 4.0);
        assertThat(ranked.get(1).place()).isEqualTo(2);
    }
}
