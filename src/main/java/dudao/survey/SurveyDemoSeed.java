package dudao.survey;

import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.InspectionGroups;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.StaffAccounts;
import java.util.ArrayList;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo round's questionnaires: each group enters the paper forms it collected every few days, through the same
 * service groups use. Awareness rises over the round, as the article reports (“群众对扫黑除恶专项斗争的知晓率大幅提升”).
 * Deterministic (fixed seed), loaded once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 300)
class SurveyDemoSeed implements ApplicationRunner {

    private final boolean enabled;
    private final Campaigns campaigns;
    private final Rounds rounds;
    private final InspectionGroups groups;
    private final Questionnaires questionnaires;
    private final SurveyResponses responses;
    private final StaffAccounts accounts;
    private final JdbcClient jdbc;

    SurveyDemoSeed(
            @Value("${dudao.demo.enabled:false}") boolean enabled,
            Campaigns campaigns,
            Rounds rounds,
            InspectionGroups groups,
            Questionnaires questionnaires,
            SurveyResponses responses,
            StaffAccounts accounts,
            JdbcClient jdbc) {
        this.enabled = enabled;
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.groups = groups;
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        var campaign = campaigns.named(DemoCampaign.NAME).orElse(null);
        if (campaign == null) {
            return;
        }
        var round = rounds.ofCampaign(campaign.id()).stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElse(null);
        if (round == null
                || jdbc.sql("select exists (select 1 from survey_batch where round_id = ?)")
                        .param(round.id().value())
                        .query(Boolean.class)
                        .single()) {
            return;
        }
        var city = accounts.principal("city").orElseThrow();
        var questions = questionnaires.active(campaign.id());
        var random = new Random(2018_0730L);
        for (var group : groups.ofRound(round.id(), Jurisdiction.wholeCity())) {
            for (var day = DemoCampaign.GROUPS_ENTER.plusDays(1 + random.nextInt(2));
                    !day.isAfter(DemoCampaign.ROUND_ENDS);
                    day = day.plusDays(3 + random.nextInt(2))) {
                int forms = 14 + random.nextInt(14);
                double progress = (double) (day.getDayOfMonth() - 17) / 13;
                var tallies = new ArrayList<Tally>();
                for (var q : questions) {
                    double yesShare = switch (q.purpose()) {
                        case KNOWS_CAMPAIGN -> 0.68 + 0.26 * progress;
                        case KNOWS_HOTLINE -> 0.45 + 0.35 * progress;
                        case WOULD_REPORT -> 0.62 + 0.18 * progress;
                        case OTHER -> 0.08;
                    };
                    int blank = random.nextInt(2);
                    int answered = forms - blank;
                    int yes = (int) Math.round(answered * Math.min(0.99, yesShare + (random.nextDouble() - 0.5) * 0.1));
                    int unsure = Math.min(answered - yes, random.nextInt(3));
                    tallies.add(new Tally(q.id(), yes, answered - yes - unsure, unsure));
                }
                responses.enterPaper(round.id(), new PaperForms(group.region().value(), day, forms, tallies), city);
            }
        }
    }
}
