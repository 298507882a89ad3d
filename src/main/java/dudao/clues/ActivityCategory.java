package dudao.clues;

/**
 * What the reported activity is, as the national 12337 form asks it; {@link #UNKNOWN} is the reporter's "不清楚". The
 * same list (without UNKNOWN) is the campaign's sub-categories at triage.
 */
public enum ActivityCategory {
    ORGANISED_GANG,
    VILLAGE_BULLY,
    CLAN_FORCE,
    MARKET_BULLYING,
    FORCED_TRADING,
    ILLEGAL_LENDING,
    VIOLENT_DEBT_COLLECTION,
    PORN_GAMBLING_DRUGS,
    ILLEGAL_MINING,
    INTERFERING_GRASSROOTS,
    PROTECTIVE_UMBRELLA,
    OTHER,
    UNKNOWN
}
