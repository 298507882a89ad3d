package dudao.rectification;

import dudao.platform.UserFacingException;
import org.springframework.http.HttpStatus;

/** An {@code If-Match} that names a version the problem no longer has: answers 412 with “changed since you opened it”. */
class ChangedSinceRead extends UserFacingException {

    ChangedSinceRead() {
        super("error.stale");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.PRECONDITION_FAILED;
    }
}
