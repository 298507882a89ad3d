package dudao.clues;

/** Where a clue is in its handling. {@link #MERGED} clues live on, readable, inside the clue they were merged into. */
public enum ClueStatus {
    RECEIVED,
    IN_SCOPE,
    TRANSFERRED,
    ASSIGNED,
    VERIFIED,
    REVIEWED,
    CLOSED,
    MERGED
}
