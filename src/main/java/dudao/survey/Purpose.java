package dudao.survey;

/** What a question measures. */
public enum Purpose {
    /** Knows the campaign: the awareness rate 知晓率. */
    KNOWS_CAMPAIGN,
    /** Knows the groups' hotline or mailbox. */
    KNOWS_HOTLINE,
    /** Would report what they know: participation. */
    WOULD_REPORT,
    OTHER
}
