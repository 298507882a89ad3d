package dudao.campaign;

/** The id of a checklist item. */
public record ChecklistItemId(long value) implements java.io.Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
