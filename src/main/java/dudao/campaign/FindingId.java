package dudao.campaign;

/** The id of a finding: a checklist item assessed as failing for a district. */
public record FindingId(long value) implements java.io.Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
