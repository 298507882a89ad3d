package dudao.deadlines;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Tells the unit by SMS once a rung is committed (never for a rung that rolled back). */
@Component
class DeadlineNotifications {

    private final SmsGateway sms;

    DeadlineNotifications(SmsGateway sms) {
        this.sms = sms;
    }

    @TransactionalEventListener
    void issued(DeadlineStepIssued event) {
        var step = event.step();
        if (step.unitId() == null) {
            return;
        }
        var text = switch (step.rung()) {
            case REMINDER_BEFORE -> "【督导】整改期限将至（" + step.due() + "）：" + step.title();
            case REMINDER_AFTER -> "【督导】已超过整改期限（" + step.due() + "）：" + step.title();
            case SUPERVISION_NOTICE ->
                "【督导】督办通知书 " + step.number() + "，请于 " + step.respondBy() + " 前反馈：" + step.title();
            case ACCOUNTABILITY -> "【督导】督办逾期未反馈，已启动问责：" + step.title();
        };
        sms.send(step.unitId(), text);
    }
}
