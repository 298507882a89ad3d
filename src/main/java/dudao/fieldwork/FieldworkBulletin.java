package dudao.fieldwork;

import dudao.campaign.GroupId;
import dudao.campaign.InspectionGroups;
import dudao.campaign.PhaseKind;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.platform.BadInput;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Derives the fieldwork bulletin of a round for a date from the recorded days and visits; nothing is stored apart. */
@Service
@Transactional(readOnly = true)
public class FieldworkBulletin {

    private final JdbcClient jdbc;
    private final Rounds rounds;
    private final InspectionGroups groups;

    FieldworkBulletin(JdbcClient jdbc, Rounds rounds, InspectionGroups groups) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.groups = groups;
    }

    public Bulletin of(RoundId roundId, LocalDate date, Jurisdiction scope) {
        var round = rounds.require(roundId);
        if (date == null) {
            throw new BadInput("date", "validation.required");
        }
        if (!round.contains(date)) {
            throw new BadInput("date", "bulletin.date.outsideRound", round.startsOn(), round.endsOn());
        }
        var day = new HashMap<Long, Map<BulletinColumn, Long>>();
        var cumulative = new HashMap<Long, Map<BulletinColumn, Long>>();
        jdbc.sql("""
                select d.group_id, c.kind, c.phase,
                       sum(case when d.day = ? then c.amount else 0 end), sum(c.amount)
                from fieldwork_day d
                join fieldwork_count c on c.day_id = d.id
                join inspection_group g on g.id = d.group_id
                join region r on r.code = g.region_code
                where g.round_id = ? and d.day <= ? and r.path like ?
                group by d.group_id, c.kind, c.phase""")
                .params(Date.valueOf(date), roundId.value(), Date.valueOf(date), scope.likePattern())
                .query(rs -> {
                    var column = BulletinColumn.of(
                            FieldworkKind.valueOf(rs.getString(2)), PhaseKind.valueOf(rs.getString(3)));
                    day.computeIfAbsent(rs.getLong(1), k -> zeros()).merge(column, rs.getLong(4), Long::sum);
                    cumulative.computeIfAbsent(rs.getLong(1), k -> zeros()).merge(column, rs.getLong(5), Long::sum);
                });
        var reported = new HashSet<>(jdbc.sql("""
                select d.group_id from fieldwork_day d join inspection_group g on g.id = d.group_id
                where g.round_id = ? and d.day = ?""")
                .params(roundId.value(), Date.valueOf(date))
                .query(Long.class)
                .list());
        var visits = jdbc.sql("""
                select v.id, v.group_id, g.number, v.place, v.place_kind, v.mode, v.listed_key_area
                from visit v
                join inspection_group g on g.id = v.group_id
                join region r on r.code = g.region_code
                where g.round_id = ? and v.day = ? and r.path like ?
                order by g.number, v.id""")
                .params(roundId.value(), Date.valueOf(date), scope.likePattern())
                .query((rs, n) -> new Bulletin.DayVisit(
                        rs.getLong(1),
                        new GroupId(rs.getLong(2)),
                        rs.getInt(3),
                        rs.getString(4),
                        PlaceKind.valueOf(rs.getString(5)),
                        VisitMode.valueOf(rs.getString(6)),
                        rs.getBoolean(7)))
                .list();
        var lines = new ArrayList<Bulletin.Line>();
        var totalDay = zeros();
        var totalCumulative = zeros();
        var notReported = new ArrayList<Integer>();
        for (var group : groups.ofRound(roundId, scope)) {
            long id = group.id().value();
            boolean posted = group.postedOn(date);
            boolean hasReported = reported.contains(id);
            if (posted && !hasReported) {
                notReported.add(group.number());
            }
            var groupDay = day.getOrDefault(id, zeros());
            var groupCumulative = cumulative.getOrDefault(id, zeros());
            groupDay.forEach((c, v) -> totalDay.merge(c, v, Long::sum));
            groupCumulative.forEach((c, v) -> totalCumulative.merge(c, v, Long::sum));
            lines.add(new Bulletin.Line(
                    group.id(),
                    group.number(),
                    group.regionName(),
                    posted,
                    hasReported,
                    groupDay,
                    groupCumulative,
                    count(visits, group.id(), VisitMode.OPEN),
                    count(visits, group.id(), VisitMode.COVERT)));
        }
        lines.sort((a, b) -> Integer.compare(a.number(), b.number()));
        notReported.sort(Integer::compare);
        return new Bulletin(
                roundId,
                round.name(),
                date,
                List.of(BulletinColumn.values()),
                lines,
                totalDay,
                totalCumulative,
                notReported,
                visits);
    }

    private static int count(List<Bulletin.DayVisit> visits, GroupId group, VisitMode mode) {
        return (int) visits.stream()
                .filter(v -> v.group().equals(group) && v.mode() == mode)
                .count();
    }

    /**
     * The round's fieldwork totals of each day from its first day to a date, within the jurisdiction, in one query
     * (the dashboard's trend); a day without records has zeros.
     */
    public Map<LocalDate, Map<BulletinColumn, Long>> daily(RoundId roundId, LocalDate to, Jurisdiction scope) {
        var round = rounds.require(roundId);
        var out = new java.util.LinkedHashMap<LocalDate, Map<BulletinColumn, Long>>();
        for (var day : round.days()) {
            if (day.isAfter(to)) {
                break;
            }
            out.put(day, zeros());
        }
        jdbc.sql("""
                select d.day, c.kind, c.phase, sum(c.amount)
                from fieldwork_day d
                join fieldwork_count c on c.day_id = d.id
                join inspection_group g on g.id = d.group_id
                join region r on r.code = g.region_code
                where g.round_id = ? and d.day <= ? and r.path like ?
                group by d.day, c.kind, c.phase""")
                .params(roundId.value(), Date.valueOf(to), scope.likePattern())
                .query(rs -> {
                    var totals = out.get(rs.getDate(1).toLocalDate());
                    if (totals != null) {
                        var column = BulletinColumn.of(
                                FieldworkKind.valueOf(rs.getString(2)), PhaseKind.valueOf(rs.getString(3)));
                        totals.merge(column, rs.getLong(4), Long::sum);
                    }
                });
        return out;
    }

    private static Map<BulletinColumn, Long> zeros() {
        var map = new EnumMap<BulletinColumn, Long>(BulletinColumn.class);
        for (var column : BulletinColumn.values()) {
            map.put(column, 0L);
        }
        return map;
    }
}
