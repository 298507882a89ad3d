package dudao.bulletins;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * The figures of a round for a day, per district and per group. Everything else is derived from them: the totals
 * are the sums of the district lines, and a reader's share of a stored bulletin is the lines of the districts in the
 * reader's jurisdiction. This is what a published bulletin stores.
 */
public record Tables(long round, String roundName, LocalDate date, List<Line> districts, List<Line> groups) {

    public Line total() {
        return Line.sum("", "", null, districts);
    }

    /** Only the lines of the districts the predicate accepts. */
    Tables within(Predicate<String> district) {
        return new Tables(
                round,
                roundName,
                date,
                districts.stream().filter(l -> district.test(l.district())).toList(),
                groups.stream().filter(l -> district.test(l.district())).toList());
    }

    /** The same lines without the measures of the given source (what a reader may not count). */
    Tables without(Measure.Source source) {
        return new Tables(
                round,
                roundName,
                date,
                districts.stream().map(l -> strip(l, source)).toList(),
                groups.stream().map(l -> strip(l, source)).toList());
    }

    private static Line strip(Line line, Measure.Source source) {
        var today = new java.util.LinkedHashMap<>(line.today());
        var cumulative = new java.util.LinkedHashMap<>(line.cumulative());
        for (var m : Measure.values()) {
            if (m.source() == source) {
                today.remove(m.key());
                cumulative.remove(m.key());
            }
        }
        return new Line(line.key(), line.label(), line.district(), today, cumulative);
    }
}
