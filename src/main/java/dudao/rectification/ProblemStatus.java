package dudao.rectification;

import org.springframework.context.MessageSourceResolvable;

/**
 * Where a problem stands. “Overdue” is not among them on purpose: it follows from the deadline and the clock
 * ({@link Problem#isOverdue(java.time.LocalDate)}), so nobody can set or forget it.
 */
public enum ProblemStatus implements MessageSourceResolvable {
    /** Found and written down, not yet sent to any unit. */
    RECORDED,
    /** Sent (交办) to the units with a deadline; the lead unit has not yet acknowledged. */
    ASSIGNED,
    /** The lead unit acknowledged and is rectifying (also after a rejected feedback). */
    RECTIFYING,
    /** The lead unit reported its measures and evidence; a verifier must accept or reject them. */
    FEEDBACK_SUBMITTED,
    /** Verified and closed out (销号). */
    CLOSED;

    public boolean open() {
        return this == ASSIGNED || this == RECTIFYING || this == FEEDBACK_SUBMITTED;
    }

    public String messageKey() {
        return "problem.status." + name();
    }

    /** So that a refusal naming the status shows it in the reader's language. */
    @Override
    public String[] getCodes() {
        return new String[] {messageKey()};
    }
}
