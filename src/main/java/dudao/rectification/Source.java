package dudao.rectification;

/** Where a problem came from. */
public enum Source {
    FIELDWORK,
    CHECKLIST,
    CLUE,
    MANUAL,
    IMPORT;

    public String messageKey() {
        return "problem.source." + name();
    }
}
