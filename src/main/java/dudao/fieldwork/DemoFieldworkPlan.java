package dudao.fieldwork;

import dudao.campaign.PhaseKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The demo round's daily figures: the article's totals spread over 40 groups and the 14 days of their posting, by
 * weights that vary with the group (a big district does more), the phase (documents are read at district level, the
 * townships are visited when sunk) and the day, drawn from a fixed seed so that every start replays the same
 * figures. Apportioned by largest remainder, so each column sums exactly to its target.
 */
final class DemoFieldworkPlan {

    /** The totals the round ends with (the article: "80000余份" → above 80,000 and below 81,000; 1146 and 157 exact). */
    static final Map<BulletinColumn, Integer> TARGETS = new EnumMap<>(Map.of(
            BulletinColumn.DOCUMENTS, 80_512,
            BulletinColumn.RESIDENTS_DISTRICT, 3_846,
            BulletinColumn.QUESTIONNAIRES, 3_871,
            BulletinColumn.UNITS, 524,
            BulletinColumn.TALKS, 1_146,
            BulletinColumn.RESIDENTS_TOWNSHIPS, 18_236,
            BulletinColumn.TOWNSHIPS, 484,
            BulletinColumn.KEY_AREAS, 157));

    /** Group totals the article gives: 第7组 spot-checked 4 listed key areas; 第24组 3 of them and 13 townships. */
    static final Map<BulletinColumn, Map<Integer, Integer>> FIXED = new EnumMap<>(Map.of(
            BulletinColumn.KEY_AREAS, Map.of(7, 4, 24, 3),
            BulletinColumn.TOWNSHIPS, Map.of(24, 13)));

    static final long SEED = 20180730L;

    record Cell(int group, LocalDate day) {}

    private DemoFieldworkPlan() {}

    /** How much of a column's work falls in a phase. */
    static double phaseWeight(BulletinColumn column, PhaseKind phase) {
        return switch (column) {
            case DOCUMENTS -> phase == PhaseKind.DISTRICT_LEVEL ? 1.0 : phase == PhaseKind.TOWNSHIPS ? 0.45 : 0.15;
            case RESIDENTS_DISTRICT -> phase == PhaseKind.DISTRICT_LEVEL ? 1.0 : phase == PhaseKind.SUMMARY ? 0.25 : 0;
            case QUESTIONNAIRES -> phase == PhaseKind.DISTRICT_LEVEL ? 1.0 : phase == PhaseKind.TOWNSHIPS ? 0.6 : 0.1;
            case UNITS -> phase == PhaseKind.DISTRICT_LEVEL ? 1.0 : phase == PhaseKind.TOWNSHIPS ? 0.4 : 0;
            case TALKS -> phase == PhaseKind.DISTRICT_LEVEL ? 1.0 : phase == PhaseKind.TOWNSHIPS ? 0.5 : 0.2;
            case RESIDENTS_TOWNSHIPS, TOWNSHIPS, KEY_AREAS -> phase == PhaseKind.TOWNSHIPS ? 1.0 : 0;
        };
    }

    /** The counts of each group and day, by kind and phase (the phase of the day). */
    static Map<Cell, List<Count>> build(
            List<Integer> groups, List<LocalDate> days, Function<LocalDate, PhaseKind> phaseOf) {
        var random = new Random(SEED);
        var size = new LinkedHashMap<Integer, Double>();
        for (int group : groups) {
            size.put(group, 0.6 + 0.8 * random.nextDouble());
        }
        var plan = new LinkedHashMap<Cell, List<Count>>();
        for (int group : groups) {
            for (var day : days) {
                plan.put(new Cell(group, day), new ArrayList<>());
            }
        }
        for (var column : BulletinColumn.values()) {
            var weights = new LinkedHashMap<Cell, Double>();
            for (int group : groups) {
                double columnNoise = 0.8 + 0.4 * random.nextDouble();
                for (var day : days) {
                    double w = phaseWeight(column, phaseOf.apply(day));
                    weights.put(
                            new Cell(group, day),
                            w == 0 ? 0 : w * size.get(group) * columnNoise * (0.7 + 0.6 * random.nextDouble()));
                }
            }
            var fixed = FIXED.getOrDefault(column, Map.of());
            int rest = TARGETS.get(column)
                    - fixed.values().stream().mapToInt(Integer::intValue).sum();
            var free = new LinkedHashMap<Cell, Double>();
            weights.forEach((cell, w) -> {
                if (!fixed.containsKey(cell.group())) {
                    free.put(cell, w);
                }
            });
            var amounts = new LinkedHashMap<>(apportion(free, rest));
            fixed.forEach((group, total) -> {
                var own = new LinkedHashMap<Cell, Double>();
                weights.forEach((cell, w) -> {
                    if (cell.group() == group) {
                        own.put(cell, w);
                    }
                });
                amounts.putAll(apportion(own, total));
            });
            amounts.forEach((cell, amount) -> {
                var phase = phaseOf.apply(cell.day());
                if (amount > 0 || phaseWeight(column, phase) > 0) {
                    plan.get(cell).add(new Count(kindOf(column), phase, amount));
                }
            });
        }
        return plan;
    }

    static FieldworkKind kindOf(BulletinColumn column) {
        for (var kind : FieldworkKind.values()) {
            for (var phase : PhaseKind.values()) {
                if (column.takes(kind, phase)) {
                    return kind;
                }
            }
        }
        throw new IllegalStateException(column.name());
    }

    /** Splits a whole number over weights in proportion, by largest remainder: the parts sum to it exactly. */
    static Map<Cell, Integer> apportion(Map<Cell, Double> weights, int total) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        var out = new LinkedHashMap<Cell, Integer>();
        if (sum == 0) {
            throw new IllegalStateException("Nothing to spread " + total + " over");
        }
        var remainders = new ArrayList<Map.Entry<Cell, Double>>();
        int given = 0;
        for (var entry : weights.entrySet()) {
            double exact = total * entry.getValue() / sum;
            int floor = (int) Math.floor(exact);
            out.put(entry.getKey(), floor);
            given += floor;
            remainders.add(Map.entry(entry.getKey(), exact - floor));
        }
        remainders.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        for (int i = 0; i < total - given; i++) {
            out.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        return out;
    }
}
