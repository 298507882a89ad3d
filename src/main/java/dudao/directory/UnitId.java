package dudao.directory;

/** The id of a unit. */
public record UnitId(
        @com.fasterxml.jackson.annotation.JsonValue long value) implements java.io.Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
