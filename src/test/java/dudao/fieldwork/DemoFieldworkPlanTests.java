package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;

import dudao.campaign.PhaseKind;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoFieldworkPlanTests {

    static final List<LocalDate> DAYS =
            LocalDate.of(2018, 7, 17).datesUntil(LocalDate.of(2018, 7, 31)).toList();
    static final List<Integer> GROUPS = IntStream.rangeClosed(1, 40).boxed().toList();

    static PhaseKind phase(LocalDate day) {
        return day.getDayOfMonth() <= 21
                ? PhaseKind.DISTRICT_LEVEL
                : day.getDayOfMonth() <= 27 ? PhaseKind.TOWNSHIPS : PhaseKind.SUMMARY;
    }

    @Test
    void everyColumnSumsExactlyToItsTargetWithoutNegativeCounts() {
        var plan = DemoFieldworkPlan.build(GROUPS, DAYS, DemoFieldworkPlanTests::phase);
        var sums = new EnumMap<BulletinColumn, Long>(BulletinColumn.class);
        plan.values()
                .forEach(counts -> counts.forEach(c -> {
                    assertThat(c.amount()).isNotNegative();
                    sums.merge(BulletinColumn.of(c.kind(), c.phase()), (long) c.amount(), Long::sum);
                }));
        DemoFieldworkPlan.TARGETS.forEach((column, target) ->
                assertThat(sums.get(column)).as(column.name()).isEqualTo(target.longValue()));
    }

    @Test
    void theArticlesGroupFiguresAreKept() {
        var plan = DemoFieldworkPlan.build(GROUPS, DAYS, DemoFieldworkPlanTests::phase);
        var byGroup = new HashMap<Integer, Map<FieldworkKind, Integer>>();
        plan.forEach((cell, counts) ->
                counts.forEach(c -> byGroup.computeIfAbsent(cell.group(), g -> new EnumMap<>(FieldworkKind.class))
                        .merge(c.kind(), c.amount(), Integer::sum)));
        assertThat(byGroup.get(7).get(FieldworkKind.KEY_AREAS)).isEqualTo(4);
        assertThat(byGroup.get(24).get(FieldworkKind.KEY_AREAS)).isEqualTo(3);
        assertThat(byGroup.get(24).get(FieldworkKind.TOWNSHIPS)).isEqualTo(13);
    }

    @Test
    void replaysTheSameFiguresEveryTime() {
        assertThat(DemoFieldworkPlan.build(GROUPS, DAYS, DemoFieldworkPlanTests::phase))
                .isEqualTo(DemoFieldworkPlan.build(GROUPS, DAYS, DemoFieldworkPlanTests::phase));
    }

    @Test
    void apportionsByLargestRemainder() {
        var a = new DemoFieldworkPlan.Cell(1, DAYS.get(0));
        var b = new DemoFieldworkPlan.Cell(2, DAYS.get(0));
        var c = new DemoFieldworkPlan.Cell(3, DAYS.get(0));
        var parts = DemoFieldworkPlan.apportion(new java.util.LinkedHashMap<>(Map.of(a, 1.0, b, 1.0, c, 1.0)), 10);
        assertThat(parts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(parts.values()).allSatisfy(v -> assertThat(v).isBetween(3, 4));
    }
}
