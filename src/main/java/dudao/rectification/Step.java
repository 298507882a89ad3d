package dudao.rectification;

/** The kinds of entry in a problem's timeline: each transition, and the escalations the deadlines module issues. */
public enum Step {
    RECORDED,
    ASSIGNED,
    ACKNOWLEDGED,
    FEEDBACK_SUBMITTED,
    ACCEPTED,
    REJECTED,
    EXTENSION_REQUESTED,
    EXTENSION_APPROVED,
    EXTENSION_DECLINED,
    REOPENED,
    LOOK_BACK_DUE,
    LOOK_BACK_PASSED,
    REMINDED,
    SUPERVISION_NOTICE,
    ACCOUNTABILITY;

    public String messageKey() {
        return "problem.step." + name();
    }
}
