package dudao.rectification;

/** The id of a problem; it stays the same through every cycle of rectification. */
public record ProblemId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
