package dudao.deadlines;

/** The escalation ladder of a deadline, in the order its rungs are issued. */
public enum Rung {
    /** A reminder when the deadline comes near (when the warning turns yellow). */
    REMINDER_BEFORE,
    /** A reminder the day after the deadline passed. */
    REMINDER_AFTER,
    /** 督办通知书: a numbered notice to the unit, with its own time to answer. */
    SUPERVISION_NOTICE,
    /** 问责: the notice went unanswered; the discipline side must look into who is answerable. */
    ACCOUNTABILITY;

    public String messageKey() {
        return "deadlines.rung." + name();
    }
}
