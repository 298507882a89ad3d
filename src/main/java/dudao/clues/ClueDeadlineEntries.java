package dudao.clues;

import dudao.deadlines.DeadlineStepIssued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each reminder, supervision notice and accountability record the deadlines module issues for a clue into the
 * clue's timeline, in the same transaction; the clue itself does not change.
 */
@Component
class ClueDeadlineEntries {

    private final ClueStore store;

    ClueDeadlineEntries(ClueStore store) {
        this.store = store;
    }

    @EventListener
    void issued(DeadlineStepIssued event) {
        var step = event.step();
        var type = step.subject().type();
        if (!ClueSupervision.HANDLING.equals(type) && !ClueSupervision.REPLY.equals(type)) {
            return;
        }
        var action = (ClueSupervision.REPLY.equals(type) ? "reply-" : "limit-")
                + switch (step.rung()) {
                    case REMINDER_BEFORE -> "reminder";
                    case REMINDER_AFTER -> "overdue";
                    case SUPERVISION_NOTICE -> "notice";
                    case ACCOUNTABILITY -> "accountability";
                };
        var note = switch (step.rung()) {
            case REMINDER_BEFORE, REMINDER_AFTER -> String.valueOf(step.due());
            case SUPERVISION_NOTICE -> step.number() + " → " + step.respondBy();
            case ACCOUNTABILITY -> "→ " + step.respondBy();
        };
        store.event(new ClueId(step.subject().id()), step.issuedAt(), "system", action, note);
    }
}
