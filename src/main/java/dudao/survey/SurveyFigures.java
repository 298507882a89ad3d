package dudao.survey;

/**
 * Survey figures over some set of answers. A rate is the share of "yes" among those who answered that question (a
 * blank answer counts neither way); null when nobody answered it.
 *
 * @param respondents questionnaires returned (online answers count one each)
 */
public record SurveyFigures(
        long respondents,
        long knowsCampaign,
        long answeredCampaign,
        long knowsHotline,
        long answeredHotline,
        long wouldReport,
        long answeredReport) {

    static final SurveyFigures NONE = new SurveyFigures(0, 0, 0, 0, 0, 0, 0);

    /** 知晓率: share who know the campaign. */
    public Double awarenessRate() {
        return rate(knowsCampaign, answeredCampaign);
    }

    public Double hotlineAwarenessRate() {
        return rate(knowsHotline, answeredHotline);
    }

    /** Share who would report what they know: participation. */
    public Double participationRate() {
        return rate(wouldReport, answeredReport);
    }

    SurveyFigures plus(SurveyFigures other) {
        return new SurveyFigures(
                respondents + other.respondents,
                knowsCampaign + other.knowsCampaign,
                answeredCampaign + other.answeredCampaign,
                knowsHotline + other.knowsHotline,
                answeredHotline + other.answeredHotline,
                wouldReport + other.wouldReport,
                answeredReport + other.answeredReport);
    }

    private static Double rate(long yes, long answered) {
        return answered == 0 ? null : Math.round(1000.0 * yes / answered) / 1000.0;
    }
}
