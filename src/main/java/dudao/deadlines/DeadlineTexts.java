package dudao.deadlines;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a rung, from the message bundles: the same sentence on the home page, in the SMS and as the mail's
 * subject, naming the deadline for what it is (a problem's 整改期限, a clue's 办理期限, the reporter's 答复期限). SMS and
 * mail go to Chinese offices, so they are written in Chinese; the home page speaks the reader's language.
 */
@Component
class DeadlineTexts {

    static final Locale OUTGOING = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    DeadlineTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The message key of a rung's sentence: per kind of subject where the wording differs, else the common one. */
    static String key(IssuedStep step) {
        var rung = step.rung();
        var type = step.subject() == null ? "" : step.subject().type();
        boolean reminder = rung == Rung.REMINDER_BEFORE || rung == Rung.REMINDER_AFTER;
        return "deadlines.home." + rung.name() + (reminder && isClue(type) ? "." + type : "");
    }

    static Object[] arguments(IssuedStep step) {
        return new Object[] {
            step.title(), step.due().toString(), step.respondBy().toString(), step.number() == null ? "" : step.number()
        };
    }

    String sentence(IssuedStep step, Locale locale) {
        return messages.getMessage(key(step), arguments(step), locale);
    }

    /** The SMS, and the mail's subject. */
    String outgoing(IssuedStep step) {
        return messages.getMessage("deadlines.outgoing.prefix", null, OUTGOING) + sentence(step, OUTGOING);
    }

    /** A line of the mail's body; the deadline's name depends on what it belongs to. */
    String mailLine(String key, IssuedStep step, Object... arguments) {
        var type = step.subject() == null ? "" : step.subject().type();
        var specific = key + "." + type;
        return isClue(type) && key.equals("deadlines.mail.due")
                ? messages.getMessage(specific, arguments, OUTGOING)
                : messages.getMessage(key, arguments, OUTGOING);
    }

    private static boolean isClue(String type) {
        return type.equals("clue") || type.equals("cluereply");
    }
}
