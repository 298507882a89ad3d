package dudao.campaign;

/** The id of a focus area. */
public record FocusAreaId(long value) implements java.io.Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
