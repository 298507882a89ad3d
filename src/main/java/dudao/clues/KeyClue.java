package dudao.clues;

/** A clue on the key-clue list (重点线索) and the conclusions of its joint study so far (none yet: null). */
public record KeyClue(ClueRow row, String conclusion) {}
