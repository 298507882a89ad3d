package dudao.clues;

import dudao.directory.Staff;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clue funnel as of any date, per district, channel or category, from the clues' own timestamps. */
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

    private final JdbcClient jdbc;

    ClueStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines, then the total as the last line. */
    public List<FunnelRow> funnel(LocalDate asOf, By by, Staff me) {
        var cutoff =
                Timestamp.from(asOf.plusDays(1).atStartOfDay(ClueIntake.CHINA).toInstant());
        var visible = ClueVisibility.forStatistics(me);
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
        var columns = """
                count(*) as received,
                count(*) filter (where c.triaged_at < ? and c.scope is not null) as in_scope,
                count(*) filter (where c.transferred_at < ?) as transferred,
                count(*) filter (where c.verified_at < ? and c.result in ('TRUE', 'PARTLY_TRUE', 'CASE_OPENED'))
                    as verified_true,
                count(*) filter (where c.verified_at < ? and c.result = 'CASE_OPENED') as cases,
                count(*) filter (where c.closed_at < ?) as closed,
                avg(extract(epoch from (c.replied_at - c.received_at)) / 86400.0) filter (where c.replied_at < ?)
                    as reply_days""";
        var from = " from clue c join region r on r.code = c.region_code where c.received_at < ?"
                + " and (c.merged_at is null or c.merged_at >= ?) and " + visible.sql();
        var params = new ArrayList<Object>();
        int cutoffs = count(columns) + count(from) - count(visible.sql());
        for (int i = 0; i < cutoffs; i++) {
            params.add(cutoff);
        }
        params.addAll(visible.params());
        var rows = new ArrayList<FunnelRow>(jdbc.sql("select " + key + " as k, " + label + " as label, " + columns
                        + from + " group by " + key + " order by " + order)
                .params(params)
                .query((rs, n) -> row(rs, rs.getString("k") == null ? "" : rs.getString("k"), rs.getString("label")))
                .list());
        rows.add(jdbc.sql("select " + columns + from)
                .params(params)
                .query((rs, n) -> row(rs, null, null))
                .single());
        return rows;
    }

    /**
     * The clues whose handling time limit ran out before a day and that were not verified by its end, per region code
     * (for the bulletins' warnings): received by then, not merged, counted as the reader may count them.
     */
    public java.util.Map<String, Long> overdueByRegion(LocalDate asOf, Staff me) {
        var cutoff =
                Timestamp.from(asOf.plusDays(1).atStartOfDay(ClueIntake.CHINA).toInstant());
        var visible = ClueVisibility.forStatistics(me);
        var params = new ArrayList<Object>(List.of(cutoff, cutoff, java.sql.Date.valueOf(asOf), cutoff, cutoff));
        params.addAll(visible.params());
        var out = new java.util.LinkedHashMap<String, Long>();
        jdbc.sql("select c.region_code, count(*) from clue c where c.received_at < ?"
                        + " and (c.merged_at is null or c.merged_at >= ?) and c.due_on < ?"
                        + " and (c.verified_at is null or c.verified_at >= ?)"
                        + " and (c.closed_at is null or c.closed_at >= ?) and " + visible.sql()
                        + " group by c.region_code")
                .params(params)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    private static int count(String sql) {
        return (int) sql.chars().filter(ch -> ch == '?').count();
    }

    private static FunnelRow row(java.sql.ResultSet rs, String key, String label) throws java.sql.SQLException {
        var days = rs.getObject("reply_days");
        return new FunnelRow(
                key,
                label,
                rs.getLong("received"),
                rs.getLong("in_scope"),
                rs.getLong("transferred"),
                rs.getLong("verified_true"),
                rs.getLong("cases"),
                rs.getLong("closed"),
                days == null ? null : Math.round(((Number) days).doubleValue() * 10) / 10.0);
    }
}
