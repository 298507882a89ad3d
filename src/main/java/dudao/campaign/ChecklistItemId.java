package dudao.campaign;

/** The id of a checklist item. */
public record ChecklistItemId(
        @com.fasterxml.jackson.annotation.JsonValue long value) implements java.io.Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
