package dudao.directory;

/** The levels of the region tree. */
public enum RegionLevel {
    CITY,
    DISTRICT,
    TOWNSHIP,
    VILLAGE
}
