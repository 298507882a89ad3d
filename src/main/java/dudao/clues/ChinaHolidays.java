package dudao.clues;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The State Council's public holidays and make-up working days (调休) for 2018–2019, the default calendar; a deployment
 * lists later years in {@code dudao.clues.holidays} and {@code dudao.clues.workdays}.
 */
final class ChinaHolidays {

    static final List<LocalDate> HOLIDAYS = dates(
            "2018-01-01",
            "2018-02-15/2018-02-21",
            "2018-04-05/2018-04-07",
            "2018-04-29/2018-05-01",
            "2018-06-18",
            "2018-09-24",
            "2018-10-01/2018-10-07",
            "2018-12-30/2019-01-01",
            "2019-02-04/2019-02-10",
            "2019-04-05",
            "2019-05-01/2019-05-04",
            "2019-06-07",
            "2019-09-13",
            "2019-10-01/2019-10-07");

    static final List<LocalDate> WORKDAYS = dates(
            "2018-02-11",
            "2018-02-24",
            "2018-04-08",
            "2018-04-28",
            "2018-09-29",
            "2018-09-30",
            "2018-12-29",
            "2019-02-02",
            "2019-02-03",
            "2019-04-28",
            "2019-05-05",
            "2019-09-29",
            "2019-10-12");

    private ChinaHolidays() {}

    private static List<LocalDate> dates(String... spans) {
        var out = new ArrayList<LocalDate>();
        for (var span : spans) {
            var ends = span.split("/");
            var from = LocalDate.parse(ends[0]);
            var to = ends.length > 1 ? LocalDate.parse(ends[1]) : from;
            for (var d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }
}
