package dudao.deadlines;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Tells the unit by SMS once a rung is committed (never for a rung that rolled back). */
@Component
class DeadlineNotifications {

    private final SmsGateway sms;
    private final DeadlineTexts texts;

    DeadlineNotifications(SmsGateway sms, DeadlineTexts texts) {
        this.sms = sms;
        this.texts = texts;
    }

    @TransactionalEventListener
    void issued(DeadlineStepIssued event) {
        var step = event.step();
        if (step.unitId() == null) {
            return;
        }
        var text = texts.outgoing(step);
        sms.send(step.unitId(), text);
    }
}
