package dudao.platform;

import org.springframework.http.HttpStatus;

/** A transition the record's state or the actor does not allow: answers 409 with the reason. */
public class WorkflowViolation extends UserFacingException {

    public WorkflowViolation(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
