package dudao.rectification;

/** Where one responsible unit stands on a problem; lead and assisting units each have their own. */
public enum UnitStatus {
    ASSIGNED,
    RECTIFYING,
    FEEDBACK_SUBMITTED,
    DONE;

    public String messageKey() {
        return "problem.unitStatus." + name();
    }
}
