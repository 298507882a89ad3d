package dudao.bulletins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of figures, a district's or a group's (or the total of some lines): the values of the day and those
 * cumulated to it, by measure key. A measure without a value (a rate of nothing) is absent.
 *
 * @param key the district code or the group number
 * @param district the code of the district the line belongs to (for scoping a stored bulletin)
 */
public record Line(
        String key, String label, String district, Map<String, Number> today, Map<String, Number> cumulative) {

    public Number today(Measure m) {
        return today.get(m.key());
    }

    public Number cumulative(Measure m) {
        return cumulative.get(m.key());
    }

    long count(Map<String, Number> values, Measure m) {
        var v = values.get(m.key());
        return v == null ? 0 : v.longValue();
    }

    /** The sum of the lines' counts, with the rates derived from the summed counts. */
    static Line sum(String key, String label, String district, List<Line> lines) {
        var today = new LinkedHashMap<String, Number>();
        var cumulative = new LinkedHashMap<String, Number>();
        for (var m : Measure.values()) {
            if (m.rate() || lines.stream().noneMatch(l -> l.cumulative().containsKey(m.key()))) {
                continue;
            }
            long t = 0;
            long c = 0;
            for (var line : lines) {
                t += line.count(line.today(), m);
                c += line.count(line.cumulative(), m);
            }
            if (m.daily()) {
                today.put(m.key(), t);
            }
            cumulative.put(m.key(), c);
        }
        return withRates(key, label, district, today, cumulative);
    }

    static Line withRates(
            String key, String label, String district, Map<String, Number> today, Map<String, Number> cumulative) {
        var t = new LinkedHashMap<>(today);
        var c = new LinkedHashMap<>(cumulative);
        put(c, Measure.RECTIFICATION_RATE, c, Measure.PROBLEMS_CLOSED, Measure.PROBLEMS_FOUND);
        put(c, Measure.CLUE_CLOSURE_RATE, c, Measure.CLUES_CLOSED, Measure.CLUES_RECEIVED);
        put(c, Measure.AWARENESS_RATE, c, Measure.SURVEY_KNOWS, Measure.SURVEY_ANSWERED);
        put(t, Measure.AWARENESS_RATE, t, Measure.SURVEY_KNOWS, Measure.SURVEY_ANSWERED);
        put(c, Measure.HOTLINE_AWARENESS_RATE, c, Measure.SURVEY_KNOWS_HOTLINE, Measure.SURVEY_ANSWERED_HOTLINE);
        put(t, Measure.HOTLINE_AWARENESS_RATE, t, Measure.SURVEY_KNOWS_HOTLINE, Measure.SURVEY_ANSWERED_HOTLINE);
        put(c, Measure.PARTICIPATION_RATE, c, Measure.SURVEY_WOULD_REPORT, Measure.SURVEY_ANSWERED_REPORT);
        put(t, Measure.PARTICIPATION_RATE, t, Measure.SURVEY_WOULD_REPORT, Measure.SURVEY_ANSWERED_REPORT);
        return new Line(key, label, district, t, c);
    }

    private static void put(
            Map<String, Number> into, Measure rate, Map<String, Number> from, Measure part, Measure of) {
        var a = from.get(part.key());
        var b = from.get(of.key());
        if (a != null && b != null && b.longValue() > 0) {
            into.put(rate.key(), percent(a.longValue(), b.longValue()));
        } else {
            into.remove(rate.key());
        }
    }

    /** A share in percent with one decimal, as the bulletin prints it. */
    static double percent(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }
}
