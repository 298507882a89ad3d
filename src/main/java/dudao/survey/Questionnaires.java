package dudao.survey;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.campaign.CampaignId;
import dudao.directory.Staff;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each campaign's questionnaire. A campaign starts with the four questions the anti-gang campaign asked; the city
 * office adds its own and retires those it no longer asks (retired questions keep their answers).
 */
@Service
@Transactional
public class Questionnaires {

    static final List<Question> DEFAULT = List.of(
            new Question(
                    0,
                    1,
                    "您是否知道本地正在开展扫黑除恶专项斗争？",
                    "Do you know that a campaign against gang crime is under way here?",
                    Purpose.KNOWS_CAMPAIGN,
                    true),
            new Question(
                    0,
                    2,
                    "您是否知道检查指导组公布的举报电话或举报信箱？",
                    "Do you know the hotline or mailbox the inspection group published for tips?",
                    Purpose.KNOWS_HOTLINE,
                    true),
            new Question(
                    0,
                    3,
                    "如发现黑恶势力违法犯罪线索，您是否愿意举报？",
                    "If you came across evidence of gang crime, would you report it?",
                    Purpose.WOULD_REPORT,
                    true),
            new Question(
                    0,
                    4,
                    "您身边是否存在欺行霸市、强揽工程等黑恶现象？",
                    "Is there bullying of markets, forced contracting or other gang activity around you?",
                    Purpose.OTHER,
                    true));

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Questionnaires(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The campaign's questions in order, the default ones written on first use. */
    public List<Question> questions(CampaignId campaign) {
        var questions = load(campaign);
        if (questions.isEmpty()) {
            for (var q : DEFAULT) {
                jdbc.sql("insert into survey_question (campaign_id, position, text, text_en, purpose)"
                                + " values (?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                campaign.value(),
                                q.position(),
                                q.text(),
                                q.textEn(),
                                q.purpose().name())
                        .update();
            }
            questions = load(campaign);
        }
        return questions;
    }

    /** The questions still asked. */
    public List<Question> active(CampaignId campaign) {
        return questions(campaign).stream().filter(Question::active).toList();
    }

    public long add(CampaignId campaign, String text, String textEn, Purpose purpose, Staff by) {
        if (text == null || text.isBlank() || text.strip().length() > 200) {
            throw new BadInput("text", "survey.question.textLength");
        }
        var english = english(textEn);
        if (purpose == null) {
            throw new BadInput("purpose", "validation.required");
        }
        questions(campaign);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from survey_question where campaign_id = ?")
                .param(campaign.value())
                .query(Integer.class)
                .single();
        long id = jdbc.sql("insert into survey_question (campaign_id, position, text, text_en, purpose)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(campaign.value(), position, text.strip(), english, purpose.name())
                .query(Long.class)
                .single();
        audit.record("SURVEY_QUESTION_ADD", "survey_question", id, Outcome.SUCCESS, purpose.name());
        return id;
    }

    /** Gives a question its English text, changes it, or (blank) removes it so the Chinese shows in English too. */
    public void translate(CampaignId campaign, long question, String textEn, Staff by) {
        var english = english(textEn);
        int updated = jdbc.sql("update survey_question set text_en = ? where id = ? and campaign_id = ?")
                .params(english, question, campaign.value())
                .update();
        if (updated == 0) {
            throw new NotFound("survey.question.notFound");
        }
        audit.record("SURVEY_QUESTION_ENGLISH", "survey_question", question, Outcome.SUCCESS, null);
    }

    private static String english(String textEn) {
        if (textEn == null || textEn.isBlank()) {
            return null;
        }
        if (textEn.strip().length() < 2 || textEn.strip().length() > 300) {
            throw new BadInput("textEn", "survey.question.englishLength");
        }
        return textEn.strip();
    }

    public void retire(CampaignId campaign, long question, Staff by) {
        int updated = jdbc.sql("update survey_question set active = false where id = ? and campaign_id = ?")
                .params(question, campaign.value())
                .update();
        if (updated == 0) {
            throw new NotFound("survey.question.notFound");
        }
        audit.record("SURVEY_QUESTION_RETIRE", "survey_question", question, Outcome.SUCCESS, null);
    }

    private List<Question> load(CampaignId campaign) {
        return jdbc.sql("select id, position, text, text_en, purpose, active from survey_question"
                        + " where campaign_id = ? order by position")
                .param(campaign.value())
                .query((rs, n) -> new Question(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        Purpose.valueOf(rs.getString(5)),
                        rs.getBoolean(6)))
                .list();
    }
}
