package dudao.clues;

/** Where a clue came in: staff enter all but {@link #WEB}, which the public portal submits. */
public enum Channel {
    HOTLINE,
    LETTER,
    VISIT,
    /** Found in a sweep (线索摸排) a district ordered its units to run. */
    SWEEP,
    /** Transferred from above or from another body. */
    TRANSFER,
    WEB
}
