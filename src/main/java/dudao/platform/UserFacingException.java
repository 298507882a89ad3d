package dudao.platform;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user must understand: it carries a message key that resolves to a sentence in the user's language,
 * and the HTTP status it answers with. Nothing has changed when it is thrown.
 */
public abstract class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    protected UserFacingException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public abstract HttpStatus status();
}
