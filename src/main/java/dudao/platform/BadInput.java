package dudao.platform;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule the forms cannot express alone (a duplicate name, a date out of range…): answers 400. */
public class BadInput extends UserFacingException {

    private final String field;

    public BadInput(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
