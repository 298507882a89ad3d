package dudao.platform;

import org.springframework.http.HttpStatus;

/** Someone else changed the record since the caller read it (optimistic locking): answers 409 (412 on If-Match). */
public class StaleRecord extends UserFacingException {

    public StaleRecord() {
        super("error.stale");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
