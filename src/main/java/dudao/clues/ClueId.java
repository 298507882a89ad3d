package dudao.clues;

/** The id of a clue. */
public record ClueId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
