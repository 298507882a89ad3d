package dudao.campaign;

/** The id of an inspection round. */
public record RoundId(long value) implements java.io.Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
