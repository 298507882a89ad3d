package dudao.bulletins;

import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.fieldwork.BulletinColumn;
import dudao.fieldwork.FieldworkBulletin;
import dudao.rectification.RectificationStatistics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city dashboard: the overview of a round for a day, and its trend per day, within the reader's jurisdiction. */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    /** One day of the trend: that day's fieldwork and the problems cumulated to it. */
    public record Day(
            LocalDate date, long documents, long talks, long residents, long problemsFound, long problemsClosed) {}

    private final RoundFigures figures;
    private final Rounds rounds;
    private final Regions regions;
    private final FieldworkBulletin fieldwork;
    private final RectificationStatistics rectification;
    private final MessageSource messages;

    Dashboard(
            RoundFigures figures,
            Rounds rounds,
            Regions regions,
            FieldworkBulletin fieldwork,
            RectificationStatistics rectification,
            MessageSource messages) {
        this.figures = figures;
        this.rounds = rounds;
        this.regions = regions;
        this.fieldwork = fieldwork;
        this.rectification = rectification;
        this.messages = messages;
    }

    public Overview overview(RoundId round, LocalDate date, Staff me, Locale locale) {
        return present(figures.of(round, date, me), scopeName(me), locale);
    }

    String scopeName(Staff me) {
        return regions.find(me.jurisdiction().root())
                .map(r -> r.name())
                .orElse(me.jurisdiction().root().value());
    }

    /** The round's days up to the date: one query for the fieldwork and one for the problems, whatever the days. */
    public List<Day> trend(RoundId roundId, LocalDate date, Staff me) {
        var round = rounds.require(roundId);
        var work = fieldwork.daily(roundId, date, me.jurisdiction());
        if (work.isEmpty()) {
            return List.of();
        }
        var last = date.isAfter(round.endsOn()) ? round.endsOn() : date;
        var problems = rectification.daily(roundId, round.startsOn(), last, me.jurisdiction());
        var out = new ArrayList<Day>();
        for (var p : problems) {
            var b = work.get(p.date());
            if (b == null) {
                continue;
            }
            out.add(new Day(
                    p.date(),
                    b.getOrDefault(BulletinColumn.DOCUMENTS, 0L),
                    b.getOrDefault(BulletinColumn.TALKS, 0L),
                    b.getOrDefault(BulletinColumn.RESIDENTS_DISTRICT, 0L)
                            + b.getOrDefault(BulletinColumn.RESIDENTS_TOWNSHIPS, 0L),
                    p.found(),
                    p.closed()));
        }
        return out;
    }

    /** The figures of some tables as the reader sees them; the same for live figures and for a stored bulletin. */
    Overview present(Tables tables, String scope, Locale locale) {
        var total = tables.total();
        var list = new ArrayList<Overview.Figure>();
        for (var m : Measure.values()) {
            if (!total.cumulative().containsKey(m.key()) && !total.today().containsKey(m.key())) {
                continue;
            }
            list.add(new Overview.Figure(
                    m.key(),
                    messages.getMessage(m.labelKey(), null, locale),
                    total.today(m),
                    total.cumulative(m),
                    m.rate(),
                    m.definitionKey(),
                    messages.getMessage(m.definitionKey(), null, locale),
                    m.link(tables.round(), tables.date(), null)));
        }
        var warnings = new ArrayList<Overview.Alert>();
        alert(warnings, tables, tables.districts(), Measure.PROBLEMS_OVERDUE, "redProblems", locale);
        alert(warnings, tables, tables.districts(), Measure.CLUES_OVERDUE, "overdueClues", locale);
        alert(warnings, tables, tables.groups(), Measure.GROUPS_NOT_REPORTED, "notReported", locale);
        return new Overview(
                tables.round(),
                tables.roundName(),
                tables.date(),
                scope,
                list,
                tables.districts(),
                tables.groups(),
                warnings);
    }

    private void alert(
            List<Overview.Alert> into, Tables tables, List<Line> lines, Measure m, String kind, Locale locale) {
        long count = 0;
        var subjects = new ArrayList<String>();
        for (var line : lines) {
            var v = line.cumulative(m);
            if (v != null && v.longValue() > 0) {
                count += v.longValue();
                subjects.add(
                        m == Measure.GROUPS_NOT_REPORTED
                                ? messages.getMessage(
                                        "bulletins.group.name", new Object[] {line.key(), line.label()}, locale)
                                : line.label() + " " + v);
            }
        }
        if (count > 0) {
            into.add(new Overview.Alert(
                    kind,
                    messages.getMessage("bulletins.warning." + kind, new Object[] {count}, locale),
                    count,
                    subjects,
                    m.link(tables.round(), tables.date(), null)));
        }
    }
}
