package dudao.bulletins;

import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.clues.ClueStatistics;
import dudao.clues.FunnelRow;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.fieldwork.Bulletin;
import dudao.fieldwork.BulletinColumn;
import dudao.fieldwork.FieldworkBulletin;
import dudao.platform.Today;
import dudao.rectification.RectificationStatistics;
import dudao.survey.SurveyFigures;
import dudao.survey.SurveyStatistics;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Derives the live figures of a round for a day within the reader's jurisdiction, from the public statistics of
 * fieldwork, rectification, clues and the survey. Each of those aggregates with one as-of-date query per breakdown;
 * the values of the day are the difference between the figures at the end of the day and at the end of the day
 * before, except fieldwork and the survey, which record the day itself.
 */
@Service
@Transactional(readOnly = true)
public class RoundFigures {

    private final Rounds rounds;
    private final InspectionGroups groups;
    private final Regions regions;
    private final FieldworkBulletin fieldwork;
    private final RectificationStatistics rectification;
    private final ClueStatistics clues;
    private final SurveyStatistics survey;
    private final Today today;
    private final Clock clock;

    RoundFigures(
            Rounds rounds,
            InspectionGroups groups,
            Regions regions,
            FieldworkBulletin fieldwork,
            RectificationStatistics rectification,
            ClueStatistics clues,
            SurveyStatistics survey,
            Today today,
            Clock clock) {
        this.today = today;
        this.clock = clock;
        this.rounds = rounds;
        this.groups = groups;
        this.regions = regions;
        this.fieldwork = fieldwork;
        this.rectification = rectification;
        this.clues = clues;
        this.survey = survey;
    }

    public Tables of(RoundId roundId, LocalDate date, Staff me) {
        return of(roundId, date, date, me);
    }

    /**
     * The figures as the records stand now: as of the later of the campaign's today and the clock's date in China
     * (changes are stamped with the real clock), fieldwork to the round's last day at most.
     */
    public Tables now(RoundId roundId, Staff me) {
        var round = rounds.require(roundId);
        var date = LocalDate.now(clock.withZone(Today.CHINA));
        if (today.date().isAfter(date)) {
            date = today.date();
        }
        var fieldworkDate = date.isAfter(round.endsOn()) ? round.endsOn() : date;
        return of(roundId, fieldworkDate, date, me);
    }

    private Tables of(RoundId roundId, LocalDate fieldworkDate, LocalDate date, Staff me) {
        var round = rounds.require(roundId);
        var scope = me.jurisdiction();
        var bulletin = fieldwork.of(roundId, fieldworkDate, scope);
        var posted = groups.ofRound(roundId, scope);
        var groupDistrict = new HashMap<String, String>();
        var districtNames = new TreeMap<String, String>();
        for (InspectionGroup g : posted) {
            var district = districtOf(g.region().value());
            groupDistrict.put(Integer.toString(g.number()), district);
            districtNames.put(district, g.regionName());
        }

        var groupToday = new LinkedHashMap<String, Map<String, Number>>();
        var groupCumulative = new LinkedHashMap<String, Map<String, Number>>();
        var districtToday = new TreeMap<String, Map<String, Number>>();
        var districtCumulative = new TreeMap<String, Map<String, Number>>();

        for (Bulletin.Line line : bulletin.groups()) {
            var key = Integer.toString(line.number());
            var t = groupToday.computeIfAbsent(key, k -> new LinkedHashMap<>());
            var c = groupCumulative.computeIfAbsent(key, k -> new LinkedHashMap<>());
            c.put(Measure.GROUPS.key(), 1L);
            c.put(Measure.GROUPS_NOT_REPORTED.key(), line.posted() && !line.reported() ? 1L : 0L);
            for (var column : BulletinColumn.values()) {
                var m = Measure.valueOf(column.name());
                t.put(m.key(), line.day().getOrDefault(column, 0L));
                c.put(m.key(), line.cumulative().getOrDefault(column, 0L));
            }
        }

        var problemLines = rectification.lines(roundId, date, scope);
        var byGroupBefore = index(problemLines.byGroupBefore());
        for (var f : problemLines.byGroup()) {
            problems(f, byGroupBefore.get(f.key()), groupToday, groupCumulative, f.key());
        }
        var byDistrictBefore = index(problemLines.byDistrictBefore());
        for (var f : problemLines.byDistrict()) {
            districtNames.putIfAbsent(f.key(), f.label());
            problems(f, byDistrictBefore.get(f.key()), districtToday, districtCumulative, f.key());
        }

        var funnels = clues.roundFunnels(roundId.value(), date, me);
        funnel(funnels.byGroup(), funnels.byGroupBefore(), groupToday, groupCumulative, k -> k);
        var districtFunnel = funnels.byDistrict();
        for (var row : districtFunnel) {
            if (row.key() != null && !row.key().isEmpty()) {
                districtNames.putIfAbsent(districtOf(row.key()), row.label());
            }
        }
        funnel(districtFunnel, funnels.byDistrictBefore(), districtToday, districtCumulative, this::districtOf);
        for (var row : districtFunnel) {
            if (row.key() != null && row.overdue() != 0) {
                districtCumulative
                        .computeIfAbsent(districtOf(row.key()), k -> new LinkedHashMap<>())
                        .merge(Measure.CLUES_OVERDUE.key(), row.overdue(), (a, b) -> a.longValue() + b.longValue());
            }
        }

        var rates = survey.rates(roundId, scope, date);
        for (var d : rates.districts()) {
            var district = districtOf(d.region());
            districtNames.putIfAbsent(district, d.name());
            add(districtToday.computeIfAbsent(district, k -> new LinkedHashMap<>()), d.today());
            add(districtCumulative.computeIfAbsent(district, k -> new LinkedHashMap<>()), d.cumulative());
        }

        // A district's fieldwork is its groups' fieldwork.
        for (var entry : groupCumulative.entrySet()) {
            var district = groupDistrict.get(entry.getKey());
            if (district == null) {
                continue;
            }
            for (var m : Measure.values()) {
                if (m.source() != Measure.Source.FIELDWORK) {
                    continue;
                }
                addTo(districtCumulative, district, m, entry.getValue().get(m.key()));
                addTo(
                        districtToday,
                        district,
                        m,
                        groupToday.getOrDefault(entry.getKey(), Map.of()).get(m.key()));
            }
        }

        var districtLines = new ArrayList<Line>();
        var keys = new java.util.TreeSet<String>(districtCumulative.keySet());
        keys.addAll(districtToday.keySet());
        for (var code : keys) {
            var line = Line.sum(
                    code,
                    districtNames.getOrDefault(code, code),
                    code,
                    List.of(new Line(
                            code,
                            "",
                            code,
                            zerosFor(districtToday.getOrDefault(code, Map.of()), true),
                            zerosFor(districtCumulative.getOrDefault(code, Map.of()), false))));
            districtLines.add(line);
        }
        var groupLines = new ArrayList<Line>();
        for (var g : posted.stream()
                .sorted(java.util.Comparator.comparingInt(InspectionGroup::number))
                .toList()) {
            var key = Integer.toString(g.number());
            groupLines.add(Line.sum(
                    key,
                    g.regionName(),
                    groupDistrict.get(key),
                    List.of(new Line(
                            key,
                            "",
                            groupDistrict.get(key),
                            zerosFor(groupToday.getOrDefault(key, Map.of()), true),
                            zerosFor(groupCumulative.getOrDefault(key, Map.of()), false)))));
        }
        return new Tables(roundId.value(), round.name(), date, districtLines, groupLines);
    }

    /** Every count present, zero when nothing was recorded, so that a line without records reads 0 rather than blank. */
    private static Map<String, Number> zerosFor(Map<String, Number> values, boolean today) {
        var out = new LinkedHashMap<String, Number>();
        for (var m : Measure.values()) {
            if (m.rate() || (today && !m.daily())) {
                continue;
            }
            out.put(m.key(), values.getOrDefault(m.key(), 0L));
        }
        return out;
    }

    private String districtOf(String code) {
        return regions.find(new RegionCode(code))
                .map(r -> r.district() == null ? r.code().value() : r.district().value())
                .orElse(code);
    }

    private static Map<String, RectificationStatistics.Figures> index(List<RectificationStatistics.Figures> figures) {
        var map = new HashMap<String, RectificationStatistics.Figures>();
        figures.forEach(f -> map.put(f.key(), f));
        return map;
    }

    private static void problems(
            RectificationStatistics.Figures f,
            RectificationStatistics.Figures before,
            Map<String, Map<String, Number>> today,
            Map<String, Map<String, Number>> cumulative,
            String key) {
        var c = cumulative.computeIfAbsent(key, k -> new LinkedHashMap<>());
        c.put(Measure.PROBLEMS_FOUND.key(), f.found());
        c.put(Measure.PROBLEMS_CLOSED.key(), f.closed());
        c.put(Measure.PROBLEMS_RECTIFYING.key(), f.rectifying());
        c.put(Measure.PROBLEMS_OVERDUE.key(), f.overdue());
        var t = today.computeIfAbsent(key, k -> new LinkedHashMap<>());
        t.put(Measure.PROBLEMS_FOUND.key(), f.found() - (before == null ? 0 : before.found()));
        t.put(Measure.PROBLEMS_CLOSED.key(), f.closed() - (before == null ? 0 : before.closed()));
    }

    private static void funnel(
            List<FunnelRow> rows,
            List<FunnelRow> before,
            Map<String, Map<String, Number>> today,
            Map<String, Map<String, Number>> cumulative,
            java.util.function.UnaryOperator<String> keyOf) {
        for (var row : rows) {
            if (row.key() == null || row.key().isEmpty()) {
                continue;
            }
            var key = keyOf.apply(row.key());
            var c = cumulative.computeIfAbsent(key, k -> new LinkedHashMap<>());
            put(c, row, 1);
            var t = today.computeIfAbsent(key, k -> new LinkedHashMap<>());
            put(t, row, 1);
        }
        for (var row : before) {
            if (row.key() == null || row.key().isEmpty()) {
                continue;
            }
            var key = keyOf.apply(row.key());
            put(today.computeIfAbsent(key, k -> new LinkedHashMap<>()), row, -1);
        }
    }

    private static void put(Map<String, Number> into, FunnelRow row, int sign) {
        merge(into, Measure.CLUES_RECEIVED, sign * row.received());
        merge(into, Measure.CLUES_IN_SCOPE, sign * row.inScope());
        merge(into, Measure.CLUES_VERIFIED_TRUE, sign * row.verifiedTrue());
        merge(into, Measure.CLUES_CASES, sign * row.cases());
        merge(into, Measure.CLUES_CLOSED, sign * row.closed());
    }

    private static void merge(Map<String, Number> into, Measure m, long value) {
        into.merge(m.key(), value, (a, b) -> a.longValue() + b.longValue());
    }

    private static void add(Map<String, Number> into, SurveyFigures f) {
        merge(into, Measure.SURVEY_RESPONDENTS, f.respondents());
        merge(into, Measure.SURVEY_KNOWS, f.knowsCampaign());
        merge(into, Measure.SURVEY_ANSWERED, f.answeredCampaign());
        merge(into, Measure.SURVEY_KNOWS_HOTLINE, f.knowsHotline());
        merge(into, Measure.SURVEY_ANSWERED_HOTLINE, f.answeredHotline());
        merge(into, Measure.SURVEY_WOULD_REPORT, f.wouldReport());
        merge(into, Measure.SURVEY_ANSWERED_REPORT, f.answeredReport());
    }

    private static void addTo(Map<String, Map<String, Number>> lines, String key, Measure m, Number value) {
        if (value != null) {
            merge(lines.computeIfAbsent(key, k -> new LinkedHashMap<>()), m, value.longValue());
        }
    }
}
