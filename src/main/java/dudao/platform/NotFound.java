package dudao.platform;

import org.springframework.http.HttpStatus;

/**
 * A record that does not exist or lies outside the caller's jurisdiction: the two answer alike, so that nobody learns
 * of another district's records by probing ids.
 */
public class NotFound extends UserFacingException {

    public NotFound(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public static NotFound record() {
        return new NotFound("error.notFound");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
