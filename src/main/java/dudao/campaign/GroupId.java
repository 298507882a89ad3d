package dudao.campaign;

/** The id of an inspection group. */
public record GroupId(long value) implements java.io.Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
