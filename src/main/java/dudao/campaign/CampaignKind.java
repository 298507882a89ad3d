package dudao.campaign;

/** The kinds of campaign Dudao runs with the same mechanics; the anti-gang campaign is the built-in default. */
public enum CampaignKind {
    ANTI_GANG,
    ENVIRONMENT,
    DISCIPLINE_TOUR,
    SAFETY,
    OTHER
}
