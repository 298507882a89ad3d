package dudao.rectification;

import dudao.deadlines.DeadlineStepIssued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each reminder, supervision notice and accountability record the deadlines module issues for a problem into
 * the problem's timeline, in the same transaction. The problem's state and version do not change: an open form stays
 * valid when a reminder goes out.
 */
@Component
class DeadlineEntries {

    private final ProblemRepository repository;

    DeadlineEntries(ProblemRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void issued(DeadlineStepIssued event) {
        var step = event.step();
        if (!ProblemList.SUBJECT.equals(step.subject().type())) {
            return;
        }
        var kind = switch (step.rung()) {
            case REMINDER_BEFORE, REMINDER_AFTER -> Step.REMINDED;
            case SUPERVISION_NOTICE -> Step.SUPERVISION_NOTICE;
            case ACCOUNTABILITY -> Step.ACCOUNTABILITY;
        };
        var text = switch (step.rung()) {
            case REMINDER_BEFORE, REMINDER_AFTER -> step.rung().name() + " " + step.due();
            case SUPERVISION_NOTICE -> step.number() + " → " + step.respondBy();
            case ACCOUNTABILITY -> "→ " + step.respondBy();
        };
        repository.appendEntry(
                new ProblemId(step.subject().id()),
                new TimelineEntry(
                        kind, step.cycle(), null, "system", null, step.issuedAt(), null, step.due(), null, text));
    }
}
