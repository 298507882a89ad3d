package dudao.rectification;

import dudao.campaign.RoundId;
import dudao.deadlines.Deadlines;
import dudao.directory.Jurisdiction;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification figures of a round as of any date, for the bulletins: found, closed (销号), still being rectified,
 * overdue, and the rectification rate (closed ÷ found). Each problem counts with the status and deadline its timeline
 * gives at the end of that day, so a problem reopened by a look-back stops counting as rectified from the day it
 * reopened, and a past bulletin can be re-derived. The figures are read from {@code problem_daily}, kept by a
 * trigger on the timeline (rectification V2), so that their cost does not grow with the number of problems.
 */
@Service
@Transactional(readOnly = true)
public class RectificationStatistics {

    /** How the figures are broken down. */
    public enum By {
        ROUND,
        GROUP,
        DISTRICT,
        UNIT
    }

    /**
     * One line of figures.
     *
     * @param key the group number, district code or unit id (empty for the round)
     * @param label the group's district, the district's or the unit's name
     */
    public record Figures(String key, String label, long found, long closed, long rectifying, long overdue) {

        /** Closed ÷ found, 0 when nothing was found. */
        @com.fasterxml.jackson.annotation.JsonProperty("rate")
        public double rate() {
            return found == 0 ? 0 : (double) closed / found;
        }
    }

    private final JdbcClient jdbc;
    private final Deadlines deadlines;

    RectificationStatistics(JdbcClient jdbc, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    public Figures total(RoundId round, LocalDate asOf, Jurisdiction scope) {
        var rows = figures(round, asOf, By.ROUND, scope);
        return rows.isEmpty() ? new Figures("", "", 0, 0, 0, 0) : rows.get(0);
    }

    /**
     * The figures as of the end of a day, per round, group, district or lead unit. Round, group and district are sums
     * of {@code problem_daily} over the days up to the date (bounded by days, groups and regions, not by problems);
     * the unit breakdown, which no page asks of the bulletins, is still counted from the records.
     */
    public List<Figures> figures(RoundId round, LocalDate asOf, By by, Jurisdiction scope) {
        if (by == By.UNIT) {
            return countedFromRecords(round, asOf, by, scope);
        }
        var key = switch (by) {
            case GROUP -> "g.number::text";
            case DISTRICT -> "d.code";
            default -> "''";
        };
        var label = by == By.ROUND ? "''" : "d.name";
        var order = switch (by) {
            case GROUP -> "min(g.number)";
            case DISTRICT -> "min(d.sort_order)";
            default -> "1";
        };
        return jdbc.sql("select " + key + " as k, " + label + " as l, sum(a.found) as found,"
                        + " sum(a.closed) as closed, sum(a.rectifying) as rectifying, sum(a.overdue) as overdue"
                        + " from problem_daily a"
                        + " join inspection_group g on g.id = a.group_id"
                        + " join region d on d.code = split_part(a.region_path, '/', 3)"
                        + " where a.round_id = ? and a.day <= ? and a.region_path like ?"
                        + " group by 1, 2 having sum(a.found) > 0 order by " + order + ", 1")
                .params(round.value(), asOf, scope.likePattern())
                .query(RectificationStatistics::figures)
                .list();
    }

    /** A round's lines by group and by district, as of a day and as of the day before (the bulletin's today). */
    public record RoundLines(
            List<Figures> byGroup,
            List<Figures> byGroupBefore,
            List<Figures> byDistrict,
            List<Figures> byDistrictBefore) {}

    /**
     * The same lines as {@link #figures} by group and by district, as of a day and the day before, in one pass over
     * {@code problem_daily}: the overview asks for all four at once.
     */
    public RoundLines lines(RoundId round, LocalDate asOf, Jurisdiction scope) {
        record Cell(int group, String district, String name, int sortOrder, long[] now, long[] before) {}
        var cells = jdbc.sql("""
                select g.number, d.code, d.name, d.sort_order,
                       sum(a.found), sum(a.closed), sum(a.rectifying), sum(a.overdue),
                       sum(a.found) filter (where a.day < ?), sum(a.closed) filter (where a.day < ?),
                       sum(a.rectifying) filter (where a.day < ?), sum(a.overdue) filter (where a.day < ?)
                from problem_daily a
                join inspection_group g on g.id = a.group_id
                join region d on d.code = split_part(a.region_path, '/', 3)
                where a.round_id = ? and a.day <= ? and a.region_path like ?
                group by g.number, d.code, d.name, d.sort_order""")
                .params(asOf, asOf, asOf, asOf, round.value(), asOf, scope.likePattern())
                .query((rs, n) -> new Cell(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        new long[] {rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)},
                        new long[] {rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)}))
                .list();
        var byGroup = java.util.Comparator.<Cell>comparingInt(Cell::group).thenComparing(Cell::name);
        var byDistrict =
                java.util.Comparator.<Cell>comparingInt(Cell::sortOrder).thenComparing(Cell::district);
        return new RoundLines(
                sum(
                        cells.stream().sorted(byGroup).toList(),
                        c -> c.group() + "|" + c.name(),
                        c -> "" + c.group(),
                        Cell::name,
                        Cell::now),
                sum(
                        cells.stream().sorted(byGroup).toList(),
                        c -> c.group() + "|" + c.name(),
                        c -> "" + c.group(),
                        Cell::name,
                        Cell::before),
                sum(cells.stream().sorted(byDistrict).toList(), Cell::district, Cell::district, Cell::name, Cell::now),
                sum(
                        cells.stream().sorted(byDistrict).toList(),
                        Cell::district,
                        Cell::district,
                        Cell::name,
                        Cell::before));
    }

    private static <C> List<Figures> sum(
            List<C> cells,
            java.util.function.Function<C, String> line,
            java.util.function.Function<C, String> key,
            java.util.function.Function<C, String> label,
            java.util.function.Function<C, long[]> values) {
        var lines = new java.util.LinkedHashMap<String, Figures>();
        for (var c : cells) {
            var v = values.apply(c);
            lines.merge(
                    line.apply(c),
                    new Figures(key.apply(c), label.apply(c), v[0], v[1], v[2], v[3]),
                    (a, b) -> new Figures(
                            a.key(),
                            a.label(),
                            a.found() + b.found(),
                            a.closed() + b.closed(),
                            a.rectifying() + b.rectifying(),
                            a.overdue() + b.overdue()));
        }
        return lines.values().stream().filter(f -> f.found() > 0).toList();
    }

    /** One day of the round's totals: problems found and closed cumulated to the end of that day. */
    public record Day(LocalDate date, long found, long closed) {}

    /** The round's totals for every day from one date to another, in one query (the dashboard's trend). */
    public List<Day> daily(RoundId round, LocalDate from, LocalDate to, Jurisdiction scope) {
        var sums = new java.util.TreeMap<LocalDate, long[]>();
        jdbc.sql("""
                select a.day, sum(sum(a.found)) over (order by a.day), sum(sum(a.closed)) over (order by a.day)
                from problem_daily a
                where a.round_id = ? and a.day <= ? and a.region_path like ?
                group by a.day order by a.day""").params(round.value(), to, scope.likePattern()).query(rs -> {
            sums.put(rs.getDate(1).toLocalDate(), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        var out = new java.util.ArrayList<Day>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            var at = sums.floorEntry(day);
            out.add(at == null ? new Day(day, 0, 0) : new Day(day, at.getValue()[0], at.getValue()[1]));
        }
        return out;
    }

    /**
     * Recomputes {@code problem_daily} from the problems' timelines (a repair, or after loading problems in bulk with
     * triggers off); answers the number of rows written.
     */
    @Transactional
    public long rebuild() {
        return jdbc.sql("select problem_daily_rebuild()").query(Long.class).single();
    }

    /**
     * The definition the maintained figures must match: each problem counted with the status and deadline its
     * timeline gives at the end of the day, read from the records (a scan of the round's problems).
     */
    List<Figures> countedFromRecords(RoundId round, LocalDate asOf, By by, Jurisdiction scope) {
        var key = switch (by) {
            case ROUND -> "''";
            case GROUP -> "g.number::text";
            case DISTRICT -> "d.code";
            case UNIT -> "coalesce(u.id::text, '')";
        };
        var label = switch (by) {
            case ROUND -> "''";
            case GROUP, DISTRICT -> "d.name";
            case UNIT -> "coalesce(u.name, '')";
        };
        var order = switch (by) {
            case ROUND -> "1";
            case GROUP -> "min(g.number)";
            case DISTRICT -> "min(d.sort_order)";
            case UNIT -> "2";
        };
        var end = Timestamp.from(asOf.plusDays(1).atStartOfDay(deadlinesZone()).toInstant());
        return jdbc.sql("select " + key + " as k, " + label + " as l, count(*) as found,"
                        + " count(*) filter (where st.status = 'CLOSED') as closed,"
                        + " count(*) filter (where st.status in ('ASSIGNED', 'RECTIFYING', 'FEEDBACK_SUBMITTED'))"
                        + "   as rectifying,"
                        + " count(*) filter (where st.status in ('ASSIGNED', 'RECTIFYING') and st.deadline < ?)"
                        + "   as overdue"
                        + " from problem p"
                        + " join lateral (select e.status, e.deadline from problem_event e"
                        + "   where e.problem_id = p.id and e.at < ? and e.status is not null"
                        + "   order by e.at desc, e.id desc limit 1) st on true"
                        + " join inspection_group g on g.id = p.group_id"
                        + " join region d on d.code = split_part(p.region_path, '/', 3)"
                        + " left join problem_unit lu on lu.problem_id = p.id and lu.lead"
                        + " left join unit u on u.id = lu.unit_id"
                        + " where p.round_id = ? and p.region_path like ?"
                        + " group by 1, 2 order by " + order + ", 1")
                .params(asOf, end, round.value(), scope.likePattern())
                .query(RectificationStatistics::figures)
                .list();
    }

    private static Figures figures(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Figures(
                rs.getString("k"),
                rs.getString("l"),
                rs.getLong("found"),
                rs.getLong("closed"),
                rs.getLong("rectifying"),
                rs.getLong("overdue"));
    }

    private java.time.ZoneId deadlinesZone() {
        return deadlines.zone();
    }
}
