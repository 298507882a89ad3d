package dudao.campaign;

/** Places a campaign lists for attention: city-listed key public-order areas and weak village organisations. */
public enum KeyPlaceKind {
    /** 挂牌社会治安重点整治地区 */
    LISTED_AREA,
    /** 软弱涣散后进村 */
    WEAK_VILLAGE
}
