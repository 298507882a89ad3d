package dudao.clues;

import dudao.directory.Staff;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clue funnel as of any date, per district, group, channel or category, from the clues' own timestamps.
 *
 * <p>Per district and group the funnel is a sum over days of {@code clue_daily}, which a trigger keeps in the
 * transaction of every change to a clue (clues V8), so its cost does not grow with the number of clues. That table
 * holds what a reader may count by region and by whether a clue names officials; the clues that name the reader
 * (never counted for them) are then taken away, counted from the records through the index on the names. A handling
 * unit's funnel (only the clues assigned to it) and the breakdowns by channel and category are counted from the
 * records; {@link #countedFromRecords} is the definition the table must match.
 */
@Service
@Transactional(readOnly = true)
public class ClueStatistics {

    /** What the funnel is broken down by. */
    public enum By {
        DISTRICT,
        GROUP,
        CHANNEL,
        CATEGORY
    }

    /** The raw counts of one line, before the rates and averages are derived. */
    private record Counts(
            String label,
            long received,
            long inScope,
            long transferred,
            long verifiedTrue,
            long cases,
            long closed,
            long replied,
            double replyDays,
            long overdue) {

        Counts minus(Counts o) {
            return new Counts(
                    label,
                    received - o.received,
                    inScope - o.inScope,
                    transferred - o.transferred,
                    verifiedTrue - o.verifiedTrue,
                    cases - o.cases,
                    closed - o.closed,
                    replied - o.replied,
                    replyDays - o.replyDays,
                    overdue - o.overdue);
        }

        Counts plus(Counts o) {
            return new Counts(
                    label,
                    received + o.received,
                    inScope + o.inScope,
                    transferred + o.transferred,
                    verifiedTrue + o.verifiedTrue,
                    cases + o.cases,
                    closed + o.closed,
                    replied + o.replied,
                    replyDays + o.replyDays,
                    overdue + o.overdue);
        }

        boolean isEmpty() {
            return received == 0 && overdue == 0;
        }

        FunnelRow row(String key) {
            return new FunnelRow(
                    key,
                    label,
                    received,
                    inScope,
                    transferred,
                    verifiedTrue,
                    cases,
                    closed,
                    replied == 0 ? null : Math.round(replyDays / replied * 10) / 10.0,
                    overdue);
        }

        static final Counts NONE = new Counts(null, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** A condition on a row of {@code clue} or {@code clue_daily} (same column names) with its parameters. */
    private record Condition(String sql, List<Object> params) {}

    private final JdbcClient jdbc;

    ClueStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines, then the total as the last line; every clue, whatever its round. */
    public List<FunnelRow> funnel(LocalDate asOf, By by, Staff me) {
        return funnel(null, asOf, by, me);
    }

    /**
     * The lines, then the total as the last line, for the clues of a round: those recorded for it and those recorded
     * for no round (the public's tips name no round); {@code round} null counts every clue.
     */
    public List<FunnelRow> funnel(Long round, LocalDate asOf, By by, Staff me) {
        return rows(counts(round, asOf, by, me));
    }

    /** A round's funnel by group and by district, as of a day and as of the day before (the bulletin's today). */
    public record RoundFunnels(
            List<FunnelRow> byGroup,
            List<FunnelRow> byGroupBefore,
            List<FunnelRow> byDistrict,
            List<FunnelRow> byDistrictBefore) {}

    /**
     * The same lines as {@link #funnel(Long, LocalDate, By, Staff)} by group and by district, as of a day and the day
     * before, in one pass over {@code clue_daily} (the overview asks for all four at once).
     */
    public RoundFunnels roundFunnels(long round, LocalDate asOf, Staff me) {
        var condition = aggregated(me);
        if (condition == null) {
            return new RoundFunnels(
                    funnel(round, asOf, By.GROUP, me),
                    funnel(round, asOf.minusDays(1), By.GROUP, me),
                    funnel(round, asOf, By.DISTRICT, me),
                    funnel(round, asOf.minusDays(1), By.DISTRICT, me));
        }
        record Cell(int group, String region, String name, int sortOrder, Counts now, Counts before) {}
        var params = new ArrayList<Object>();
        for (int i = 0; i < 9; i++) {
            params.add(asOf);
        }
        params.add(asOf);
        params.addAll(condition.params());
        params.add(round);
        var sums = new StringBuilder();
        for (var column : List.of(
                "received",
                "in_scope",
                "transferred",
                "verified_true",
                "cases",
                "closed",
                "replied",
                "reply_days",
                "overdue")) {
            sums.append(", sum(a.").append(column).append("), sum(a.").append(column);
            sums.append(") filter (where a.day < ?)");
        }
        var cells = jdbc.sql("select a.group_number, a.region_code, min(r.name), min(r.sort_order)" + sums
                        + " from clue_daily a join region r on r.code = a.region_code"
                        + " where a.day <= ? and " + condition.sql().replace("%s.", "a.")
                        + " and a.round_id in (?, 0) group by a.group_number, a.region_code")
                .params(params)
                .query((rs, n) -> new Cell(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        cellCounts(rs, 5, 2, rs.getString(3)),
                        cellCounts(rs, 6, 2, rs.getString(3))))
                .list();
        var byGroup = java.util.Comparator.<Cell>comparingInt(c -> c.group() == 0 ? Integer.MAX_VALUE : c.group());
        var byRegion = java.util.Comparator.<Cell>comparingInt(Cell::sortOrder).thenComparing(Cell::region);
        var groups = cells.stream().sorted(byGroup).toList();
        var regions = cells.stream().sorted(byRegion).toList();
        java.util.function.Function<Cell, String> groupKey = c -> c.group() == 0 ? "" : Integer.toString(c.group());
        java.util.function.Function<Cell, String> groupLabel = c -> c.group() == 0 ? null : Integer.toString(c.group());
        var groupNow = sum(groups, groupKey, groupLabel, Cell::now);
        var groupBefore = sum(groups, groupKey, groupLabel, Cell::before);
        var regionNow = sum(regions, Cell::region, Cell::name, Cell::now);
        var regionBefore = sum(regions, Cell::region, Cell::name, Cell::before);
        if (me.role() != dudao.directory.Role.LEADER) {
            var names = ClueVisibility.namesOf(me.displayName());
            var named = new ArrayList<Object>(condition.params());
            named.add(names[0]);
            named.add(names[1]);
            var sql = condition.sql().replace("%s.", "c.")
                    + " and c.id in (select np.clue_id from clue_person np where np.name in (?, ?))";
            subtract(groupNow, counted((Long) round, asOf, By.GROUP, sql, named));
            subtract(groupBefore, counted((Long) round, asOf.minusDays(1), By.GROUP, sql, named));
            subtract(regionNow, counted((Long) round, asOf, By.DISTRICT, sql, named));
            subtract(regionBefore, counted((Long) round, asOf.minusDays(1), By.DISTRICT, sql, named));
        }
        return new RoundFunnels(rows(groupNow), rows(groupBefore), rows(regionNow), rows(regionBefore));
    }

    private static <C> Map<String, Counts> sum(
            List<C> cells,
            java.util.function.Function<C, String> key,
            java.util.function.Function<C, String> label,
            java.util.function.Function<C, Counts> counts) {
        var out = new LinkedHashMap<String, Counts>();
        for (var c : cells) {
            var v = counts.apply(c);
            out.merge(
                    key.apply(c),
                    new Counts(
                            label.apply(c),
                            v.received,
                            v.inScope,
                            v.transferred,
                            v.verifiedTrue,
                            v.cases,
                            v.closed,
                            v.replied,
                            v.replyDays,
                            v.overdue),
                    Counts::plus);
        }
        return out;
    }

    private static void subtract(Map<String, Counts> lines, Map<String, Counts> named) {
        named.forEach((key, c) -> lines.merge(key, c, (a, b) -> a.minus(b)));
        lines.values().removeIf(Counts::isEmpty);
    }

    /** Nine sums starting at a column, every {@code step} columns (the sums as of a day, or the day before). */
    private static Counts cellCounts(ResultSet rs, int first, int step, String label) throws SQLException {
        var v = new double[9];
        for (int i = 0; i < 9; i++) {
            v[i] = rs.getDouble(first + i * step);
        }
        return new Counts(
                label,
                (long) v[0],
                (long) v[1],
                (long) v[2],
                (long) v[3],
                (long) v[4],
                (long) v[5],
                (long) v[6],
                v[7],
                (long) v[8]);
    }

    private static List<FunnelRow> rows(Map<String, Counts> lines) {
        var out = new ArrayList<FunnelRow>();
        var total = Counts.NONE;
        for (var e : lines.entrySet()) {
            if (e.getValue().received() == 0) {
                continue;
            }
            out.add(e.getValue().row(e.getKey()));
            total = total.plus(e.getValue());
        }
        out.add(new Counts(
                        null,
                        total.received,
                        total.inScope,
                        total.transferred,
                        total.verifiedTrue,
                        total.cases,
                        total.closed,
                        total.replied,
                        total.replyDays,
                        total.overdue)
                .row(null));
        return out;
    }

    /**
     * The clues whose handling time limit ran out before a day and that were not verified by its end, per region code
     * (for the bulletins' warnings): received by then, not merged, counted as the reader may count them.
     */
    public Map<String, Long> overdueByRegion(LocalDate asOf, Staff me) {
        var out = new LinkedHashMap<String, Long>();
        counts(null, asOf, By.DISTRICT, me).forEach((code, c) -> {
            if (c.overdue() != 0) {
                out.put(code, c.overdue());
            }
        });
        return out;
    }

    private Map<String, Counts> counts(Long round, LocalDate asOf, By by, Staff me) {
        var condition = aggregated(me);
        if (condition == null || by == By.CHANNEL || by == By.CATEGORY) {
            return counted(
                    round,
                    asOf,
                    by,
                    ClueVisibility.forStatistics(me).sql(),
                    ClueVisibility.forStatistics(me).params());
        }
        var lines = fromDailyTable(round, asOf, by, condition);
        if (me.role() != dudao.directory.Role.LEADER) {
            var names = ClueVisibility.namesOf(me.displayName());
            var named = new ArrayList<Object>(condition.params());
            named.add(names[0]);
            named.add(names[1]);
            counted(
                            round,
                            asOf,
                            by,
                            condition.sql().replace("%s.", "c.")
                                    + " and c.id in (select np.clue_id from clue_person np where np.name in (?, ?))",
                            named)
                    .forEach((key, c) -> lines.merge(key, c, (a, b) -> a.minus(b)));
        }
        lines.values().removeIf(Counts::isEmpty);
        return lines;
    }

    /**
     * Which part of {@code clue_daily} a reader counts (before the clues naming them are taken away), or null when
     * the table cannot say (a handling unit counts only the clues assigned to it).
     */
    private static Condition aggregated(Staff me) {
        var region = "%s.region_path like ?";
        var params = List.<Object>of(me.jurisdiction().likePattern());
        return switch (me.role()) {
            case LEADER, CITY_OFFICE, GROUP_LEADER, GROUP_MEMBER -> new Condition(region, params);
            case DISCIPLINE -> new Condition(region + " and %s.officials_named", params);
            case DISTRICT_OFFICE -> new Condition(region + " and not %s.officials_named", params);
            default -> null;
        };
    }

    private Map<String, Counts> fromDailyTable(Long round, LocalDate asOf, By by, Condition condition) {
        String key;
        String label;
        String order;
        if (by == By.GROUP) {
            key = "nullif(a.group_number, 0)::text";
            label = "nullif(min(a.group_number), 0)::text";
            order = "min(nullif(a.group_number, 0))";
        } else {
            key = "a.region_code";
            label = "min(r.name)";
            order = "min(r.sort_order)";
        }
        var params = new ArrayList<Object>();
        params.add(asOf);
        params.addAll(condition.params());
        var roundFilter = "";
        if (round != null) {
            roundFilter = " and a.round_id in (?, 0)";
            params.add(round);
        }
        var out = new LinkedHashMap<String, Counts>();
        jdbc.sql("select " + key + " as k, " + label + " as label,"
                        + " sum(a.received) as received, sum(a.in_scope) as in_scope,"
                        + " sum(a.transferred) as transferred, sum(a.verified_true) as verified_true,"
                        + " sum(a.cases) as cases, sum(a.closed) as closed, sum(a.replied) as replied,"
                        + " sum(a.reply_days) as reply_days, sum(a.overdue) as overdue"
                        + " from clue_daily a join region r on r.code = a.region_code"
                        + " where a.day <= ? and " + condition.sql().replace("%s.", "a.") + roundFilter
                        + " group by " + key + " order by " + order)
                .params(params)
                .query(rs -> {
                    out.put(keyOf(rs), counts(rs));
                });
        return out;
    }

    /** The funnel counted from the clues themselves, as a reader may count them: the definition of the figures. */
    List<FunnelRow> countedFromRecords(Long round, LocalDate asOf, By by, Staff me) {
        var visible = ClueVisibility.forStatistics(me);
        return rows(counted(round, asOf, by, visible.sql(), visible.params()));
    }

    private Map<String, Counts> counted(Long round, LocalDate asOf, By by, String visibleSql, List<Object> visible) {
        var cutoff =
                Timestamp.from(asOf.plusDays(1).atStartOfDay(ClueIntake.CHINA).toInstant());
        String key;
        String label;
        String order;
        switch (by) {
            case CHANNEL -> {
                key = "c.channel";
                label = "c.channel";
                order = "min(c.channel)";
            }
            case GROUP -> {
                key = "c.group_number::text";
                label = "min(c.group_number)::text";
                order = "min(c.group_number)";
            }
            case CATEGORY -> {
                key = "c.category";
                label = "c.category";
                order = "min(c.category)";
            }
            default -> {
                key = "c.region_code";
                label = "min(r.name)";
                order = "min(r.sort_order)";
            }
        }
        var params = new ArrayList<Object>();
        for (int i = 0; i < 7; i++) {
            params.add(cutoff);
        }
        params.add(java.sql.Date.valueOf(asOf));
        params.add(cutoff);
        params.add(cutoff);
        params.add(cutoff);
        params.add(cutoff);
        params.addAll(visible);
        var roundFilter = "";
        if (round != null) {
            roundFilter = " and (c.round_id = ? or c.round_id is null)";
            params.add(round);
        }
        var out = new LinkedHashMap<String, Counts>();
        jdbc.sql("select " + key + " as k, " + label + " as label,"
                        + " count(*) as received,"
                        + " count(*) filter (where c.triaged_at < ? and c.scope is not null) as in_scope,"
                        + " count(*) filter (where c.transferred_at < ?) as transferred,"
                        + " count(*) filter (where c.verified_at < ?"
                        + "   and c.result in ('TRUE', 'PARTLY_TRUE', 'CASE_OPENED')) as verified_true,"
                        + " count(*) filter (where c.verified_at < ? and c.result = 'CASE_OPENED') as cases,"
                        + " count(*) filter (where c.closed_at < ?) as closed,"
                        + " count(*) filter (where c.replied_at < ?) as replied,"
                        + " coalesce(sum(extract(epoch from (c.replied_at - c.received_at)) / 86400.0)"
                        + "   filter (where c.replied_at < ?), 0) as reply_days,"
                        + " count(*) filter (where c.due_on < ? and (c.verified_at is null or c.verified_at >= ?)"
                        + "   and (c.closed_at is null or c.closed_at >= ?)) as overdue"
                        + " from clue c join region r on r.code = c.region_code where c.received_at < ?"
                        + " and (c.merged_at is null or c.merged_at >= ?) and " + visibleSql + roundFilter
                        + " group by " + key + " order by " + order)
                .params(params)
                .query(rs -> {
                    out.put(keyOf(rs), counts(rs));
                });
        return out;
    }

    private static String keyOf(ResultSet rs) throws SQLException {
        return rs.getString("k") == null ? "" : rs.getString("k");
    }

    private static Counts counts(ResultSet rs) throws SQLException {
        return new Counts(
                rs.getString("label"),
                rs.getLong("received"),
                rs.getLong("in_scope"),
                rs.getLong("transferred"),
                rs.getLong("verified_true"),
                rs.getLong("cases"),
                rs.getLong("closed"),
                rs.getLong("replied"),
                rs.getDouble("reply_days"),
                rs.getLong("overdue"));
    }

    /**
     * Recomputes {@code clue_daily} from the clues (a repair, or after loading clues in bulk with triggers off);
     * answers the number of rows written.
     */
    @Transactional
    public long rebuild() {
        return jdbc.sql("select clue_daily_rebuild()").query(Long.class).single();
    }
}
