package dudao.fieldwork;

/** The kind of place a group visits. */
public enum PlaceKind {
    TOWNSHIP,
    VILLAGE,
    COMMUNITY,
    DEPARTMENT,
    MARKET,
    STATION,
    SCENIC_AREA,
    OTHER
}
