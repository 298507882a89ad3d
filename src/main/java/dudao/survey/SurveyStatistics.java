package dudao.survey;

import dudao.campaign.RoundId;
import dudao.directory.Jurisdiction;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awareness, hotline awareness and participation per district and for the round, as of a day, within the reader's
 * jurisdiction. The definition (数据口径): questionnaires returned up to and including that day; a rate is "yes" over
 * those who answered the question.
 */
@Service
@Transactional(readOnly = true)
public class SurveyStatistics {

    private final JdbcClient jdbc;

    SurveyStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SurveyRates rates(RoundId round, Jurisdiction scope, LocalDate asOf) {
        record Key(String code, boolean today) {}
        record Row(String name, SurveyFigures figures) {}
        var rows = new LinkedHashMap<Key, Row>();
        jdbc.sql("""
                select r.code, r.name, b.answered_on = ? as today,
                       sum(b.respondents) as respondents
                from survey_batch b join region r on r.code = b.region_code
                where b.round_id = ? and b.answered_on <= ? and r.path like ?
                group by r.code, r.name, r.sort_order, today order by r.sort_order""")
                .params(Date.valueOf(asOf), round.value(), Date.valueOf(asOf), scope.likePattern())
                .query(rs -> {
                    var key = new Key(rs.getString(1), rs.getBoolean(3));
                    rows.put(key, new Row(rs.getString(2), new SurveyFigures(rs.getLong(4), 0, 0, 0, 0, 0, 0)));
                });
        jdbc.sql("""
                select r.code, b.answered_on = ? as today, q.purpose,
                       sum(t.yes) as yes, sum(t.yes + t.no + t.unsure) as answered
                from survey_tally t join survey_batch b on b.id = t.batch_id
                     join survey_question q on q.id = t.question_id join region r on r.code = b.region_code
                where b.round_id = ? and b.answered_on <= ? and r.path like ? and q.purpose <> 'OTHER'
                group by r.code, today, q.purpose""")
                .params(Date.valueOf(asOf), round.value(), Date.valueOf(asOf), scope.likePattern())
                .query(rs -> {
                    var key = new Key(rs.getString(1), rs.getBoolean(2));
                    var row = rows.get(key);
                    if (row == null) {
                        return;
                    }
                    long yes = rs.getLong(4);
                    long answered = rs.getLong(5);
                    var purpose = Purpose.valueOf(rs.getString(3));
                    var add = switch (purpose) {
                        case KNOWS_CAMPAIGN -> new SurveyFigures(0, yes, answered, 0, 0, 0, 0);
                        case KNOWS_HOTLINE -> new SurveyFigures(0, 0, 0, yes, answered, 0, 0);
                        case WOULD_REPORT -> new SurveyFigures(0, 0, 0, 0, 0, yes, answered);
                        case OTHER -> SurveyFigures.NONE;
                    };
                    rows.put(key, new Row(row.name(), row.figures().plus(add)));
                });
        var districts = new LinkedHashMap<String, SurveyRates.District>();
        var todayTotal = SurveyFigures.NONE;
        var cumulativeTotal = SurveyFigures.NONE;
        for (var entry : rows.entrySet()) {
            var code = entry.getKey().code();
            var figures = entry.getValue().figures();
            var current = districts.getOrDefault(
                    code,
                    new SurveyRates.District(code, entry.getValue().name(), SurveyFigures.NONE, SurveyFigures.NONE));
            var day = entry.getKey().today() ? current.today().plus(figures) : current.today();
            districts.put(
                    code,
                    new SurveyRates.District(
                            code, current.name(), day, current.cumulative().plus(figures)));
            cumulativeTotal = cumulativeTotal.plus(figures);
            if (entry.getKey().today()) {
                todayTotal = todayTotal.plus(figures);
            }
        }
        return new SurveyRates(
                asOf, todayTotal, cumulativeTotal, districts.values().stream().toList());
    }
}
