package dudao.bulletins;

import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.fieldwork.BulletinColumn;
import dudao.fieldwork.FieldworkBulletin;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings of groups and districts that compare like with like: fieldwork per group member and per township of the
 * district (a large group in a large district is not ahead for its size), the rectification rate, the share of
 * problems overdue, the clue closure rate. Each item scores 0 to 100 against the best line (for the overdue share,
 * against none overdue); the score is the mean of the items a line has, and every item is shown with its value so the
 * score can be explained. Anomalies are flagged beside: days a posted group held no talks, a district with problems
 * found but no fieldwork.
 */
@Service
@Transactional(readOnly = true)
public class Rankings {

    /** What the rankings score. */
    public enum Item {
        FIELDWORK_PER_MEMBER,
        FIELDWORK_PER_TOWNSHIP,
        RECTIFICATION_RATE,
        OVERDUE_SHARE,
        CLUE_CLOSURE_RATE;

        public String labelKey() {
            return "bulletins.ranking.item." + name();
        }
    }

    /**
     * One item of a line's score.
     *
     * @param value the line's value (visits and talks per member or per township, or a percentage)
     * @param points 0 to 100
     */
    public record Score(Item item, double value, double points) {}

    /** A ranked line: its place, its score and the items that make it up. */
    public record Ranked(int place, String key, String label, double score, List<Score> items) {}

    /** Something in the records that does not add up. */
    public record Anomaly(String kind, String subject, LocalDate day) {}

    public record Result(LocalDate date, List<Ranked> groups, List<Ranked> districts, List<Anomaly> anomalies) {}

    private final RoundFigures figures;
    private final InspectionGroups groups;
    private final Regions regions;
    private final Rounds rounds;
    private final FieldworkBulletin fieldwork;

    Rankings(
            RoundFigures figures,
            InspectionGroups groups,
            Regions regions,
            Rounds rounds,
            FieldworkBulletin fieldwork) {
        this.figures = figures;
        this.groups = groups;
        this.regions = regions;
        this.rounds = rounds;
        this.fieldwork = fieldwork;
    }

    public Result of(RoundId roundId, LocalDate date, Staff me) {
        DailyBulletins.requireReader(me);
        var tables = figures.of(roundId, date, me);
        var posted = groups.ofRound(roundId, me.jurisdiction());
        var members = new HashMap<String, Integer>();
        var districtMembers = new HashMap<String, Integer>();
        for (InspectionGroup g : posted) {
            int n = Math.max(1, g.members().size());
            members.put(Integer.toString(g.number()), n);
        }
        for (var line : tables.groups()) {
            districtMembers.merge(line.district(), members.getOrDefault(line.key(), 1), Integer::sum);
        }
        var townships = new HashMap<String, Integer>();
        for (var line : tables.districts()) {
            townships.put(
                    line.key(),
                    regions.children(new RegionCode(line.key()), me.jurisdiction())
                            .size());
        }
        var groupLines = rank(
                tables.groups(), l -> members.getOrDefault(l.key(), 1), l -> townships.getOrDefault(l.district(), 0));
        var districtLines = rank(
                tables.districts(),
                l -> districtMembers.getOrDefault(l.key(), 1),
                l -> townships.getOrDefault(l.key(), 0));

        var anomalies = new ArrayList<Anomaly>();
        var round = rounds.require(roundId);
        var byNumber = new HashMap<Integer, InspectionGroup>();
        posted.forEach(g -> byNumber.put(g.number(), g));
        for (var day : round.days()) {
            if (day.isAfter(date)) {
                break;
            }
            for (var line : fieldwork.of(roundId, day, me.jurisdiction()).groups()) {
                if (line.posted() && line.reported() && line.day().getOrDefault(BulletinColumn.TALKS, 0L) == 0) {
                    anomalies.add(new Anomaly("noTalks", Integer.toString(line.number()), day));
                }
            }
        }
        for (var line : tables.districts()) {
            long work = visits(line);
            if (line.count(line.cumulative(), Measure.PROBLEMS_FOUND) > 0 && work == 0) {
                anomalies.add(new Anomaly("problemsWithoutFieldwork", line.label(), date));
            }
        }
        return new Result(date, groupLines, districtLines, anomalies);
    }

    /** Visits and talks: residents at both levels, units, talks. */
    static long visits(Line line) {
        return line.count(line.cumulative(), Measure.RESIDENTS_DISTRICT)
                + line.count(line.cumulative(), Measure.RESIDENTS_TOWNSHIPS)
                + line.count(line.cumulative(), Measure.UNITS)
                + line.count(line.cumulative(), Measure.TALKS);
    }

    static List<Ranked> rank(
            List<Line> lines,
            java.util.function.ToIntFunction<Line> membersOf,
            java.util.function.ToIntFunction<Line> townshipsOf) {
        var raw = new HashMap<String, Map<Item, Double>>();
        for (var line : lines) {
            var values = new java.util.EnumMap<Item, Double>(Item.class);
            long work = visits(line);
            values.put(Item.FIELDWORK_PER_MEMBER, (double) work / Math.max(1, membersOf.applyAsInt(line)));
            int towns = townshipsOf.applyAsInt(line);
            if (towns > 0) {
                values.put(Item.FIELDWORK_PER_TOWNSHIP, (double) work / towns);
            }
            long found = line.count(line.cumulative(), Measure.PROBLEMS_FOUND);
            if (found > 0) {
                values.put(
                        Item.RECTIFICATION_RATE,
                        Line.percent(line.count(line.cumulative(), Measure.PROBLEMS_CLOSED), found));
                values.put(
                        Item.OVERDUE_SHARE,
                        Line.percent(line.count(line.cumulative(), Measure.PROBLEMS_OVERDUE), found));
            }
            long received = line.count(line.cumulative(), Measure.CLUES_RECEIVED);
            if (received > 0) {
                values.put(
                        Item.CLUE_CLOSURE_RATE,
                        Line.percent(line.count(line.cumulative(), Measure.CLUES_CLOSED), received));
            }
            raw.put(line.key(), values);
        }
        var best = new java.util.EnumMap<Item, Double>(Item.class);
        raw.values().forEach(v -> v.forEach((item, value) -> best.merge(item, value, Math::max)));
        var ranked = new ArrayList<Ranked>();
        for (var line : lines) {
            var items = new ArrayList<Score>();
            raw.get(line.key()).forEach((item, value) -> {
                double points;
                if (item == Item.OVERDUE_SHARE) {
                    points = 100 - value;
                } else {
                    double top = best.getOrDefault(item, 0.0);
                    points = top <= 0 ? 0 : 100 * value / top;
                }
                items.add(new Score(item, round1(value), round1(points)));
            });
            double score = items.isEmpty()
                    ? 0
                    : items.stream().mapToDouble(Score::points).average().orElse(0);
            ranked.add(new Ranked(0, line.key(), line.label(), round1(score), items));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::key));
        var placed = new ArrayList<Ranked>();
        for (int i = 0; i < ranked.size(); i++) {
            var r = ranked.get(i);
            int place = i > 0 && placed.get(i - 1).score() == r.score()
                    ? placed.get(i - 1).place()
                    : i + 1;
            placed.add(new Ranked(place, r.key(), r.label(), r.score(), r.items()));
        }
        return placed;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
