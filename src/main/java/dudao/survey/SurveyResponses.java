package dudao.survey;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.campaign.InspectionGroups;
import dudao.campaign.Round;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.RegionCode;
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.Today;
import java.sql.Date;
import java.util.HashSet;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers to the questionnaire: one online response at a time, or a group's stack of paper forms as tallies. */
@Service
@Transactional
public class SurveyResponses {

    private final JdbcClient jdbc;
    private final Rounds rounds;
    private final Regions regions;
    private final InspectionGroups groups;
    private final Questionnaires questionnaires;
    private final AuditTrail audit;
    private final Today today;

    SurveyResponses(
            JdbcClient jdbc,
            Rounds rounds,
            Regions regions,
            InspectionGroups groups,
            Questionnaires questionnaires,
            AuditTrail audit,
            Today today) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.regions = regions;
        this.groups = groups;
        this.questionnaires = questionnaires;
        this.audit = audit;
        this.today = today;
    }

    /**
     * One member of the public's answers, while the round runs. Nothing about the person is kept: not their address,
     * not the time of day, only the district they chose and the day.
     */
    public long answerOnline(RoundId roundId, RegionCode district, Map<Long, Reply> replies) {
        var round = rounds.require(roundId);
        var day = today.date();
        if (!round.contains(day)) {
            throw new BadInput("round", "survey.round.closed");
        }
        requireDistrict(district);
        var asked = new HashSet<Long>();
        questionnaires.active(round.campaign()).forEach(q -> asked.add(q.id()));
        if (replies == null || replies.isEmpty()) {
            throw new BadInput("replies", "survey.replies.empty");
        }
        if (!asked.containsAll(replies.keySet())) {
            throw new BadInput("replies", "survey.question.unknown");
        }
        long batch = insertBatch(round, district, "ONLINE", day, 1, null);
        for (var reply : replies.entrySet()) {
            insertTally(
                    batch,
                    reply.getKey(),
                    reply.getValue() == Reply.YES ? 1 : 0,
                    reply.getValue() == Reply.NO ? 1 : 0,
                    reply.getValue() == Reply.UNSURE ? 1 : 0);
        }
        audit.record("SURVEY_ANSWER_ONLINE", "survey_batch", batch, Outcome.SUCCESS, "district=" + district);
        return batch;
    }

    /**
     * Paper forms a group collected: only the group stationed in that district for the round (or the city office)
     * enters them, for a day of the round.
     */
    public long enterPaper(RoundId roundId, PaperForms forms, Staff by) {
        var round = rounds.require(roundId);
        var district = new RegionCode(forms.region().trim());
        requireDistrict(district);
        if (!by.is(Role.CITY_OFFICE)) {
            var group = groups.stationedIn(roundId, district)
                    .filter(g -> g.hasMember(by.id()))
                    .orElseThrow(() -> new NotFound("survey.district.notYours"));
            if (!group.postedOn(forms.day())) {
                throw new BadInput("day", "survey.day.outsidePosting", group.postedFrom(), group.postedUntil());
            }
        }
        if (!round.contains(forms.day())) {
            throw new BadInput("day", "survey.day.outsideRound", round.startsOn(), round.endsOn());
        }
        if (forms.day().isAfter(today.date())) {
            throw new BadInput("day", "survey.day.future");
        }
        var asked = new HashSet<Long>();
        questionnaires.questions(round.campaign()).forEach(q -> asked.add(q.id()));
        var seen = new HashSet<Long>();
        for (var tally : forms.tallies()) {
            if (!asked.contains(tally.question()) || !seen.add(tally.question())) {
                throw new BadInput("tallies", "survey.question.unknown");
            }
            if (tally.total() > forms.forms()) {
                throw new BadInput("tallies", "survey.tally.tooMany", tally.total(), forms.forms());
            }
        }
        long batch = insertBatch(
                round, district, "PAPER", forms.day(), forms.forms(), by.id().value());
        for (var tally : forms.tallies()) {
            insertTally(batch, tally.question(), tally.yes(), tally.no(), tally.unsure());
        }
        audit.record(
                "SURVEY_PAPER_ENTER",
                "survey_batch",
                batch,
                Outcome.SUCCESS,
                "district=" + district + " day=" + forms.day() + " forms=" + forms.forms());
        return batch;
    }

    private void requireDistrict(RegionCode district) {
        regions.find(district)
                .filter(r -> r.level() == RegionLevel.DISTRICT)
                .orElseThrow(() -> new BadInput("region", "survey.district.unknown"));
    }

    private long insertBatch(
            Round round, RegionCode district, String channel, java.time.LocalDate day, int n, Long by) {
        return jdbc.sql("""
                insert into survey_batch (round_id, region_code, channel, answered_on, respondents, entered_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(round.id().value(), district.value(), channel, Date.valueOf(day), n, by)
                .query(Long.class)
                .single();
    }

    private void insertTally(long batch, long question, int yes, int no, int unsure) {
        jdbc.sql("insert into survey_tally (batch_id, question_id, yes, no, unsure) values (?, ?, ?, ?, ?)")
                .params(batch, question, yes, no, unsure)
                .update();
    }
}
