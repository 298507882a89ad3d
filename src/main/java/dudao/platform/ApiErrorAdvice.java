package dudao.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Turns every failure of a JSON API call into a 4xx with a sentence in the caller's language, or, for what nobody
 * foresaw, a 500 that says only that and the request id: never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    private final JsonErrors errors;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ApiErrorAdvice(JsonErrors errors, MessageSource messages, LocaleResolver locales) {
        this.errors = errors;
        this.messages = messages;
        this.locales = locales;
    }

    @ExceptionHandler(UserFacingException.class)
    ResponseEntity<Map<String, Object>> refused(UserFacingException e, HttpServletRequest request) {
        List<JsonErrors.FieldError> fields = List.of();
        if (e instanceof BadInput bad && bad.field() != null) {
            var locale = locales.resolveLocale(request);
            fields = List.of(new JsonErrors.FieldError(
                    bad.field(), messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
        }
        return answer(request, e.status(), e.messageKey(), e.arguments(), fields);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Map<String, Object>> invalid(BindException e, HttpServletRequest request) {
        var locale = locales.resolveLocale(request);
        var fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new JsonErrors.FieldError(f.getField(), messages.getMessage(f, locale)))
                .toList();
        return answer(request, HttpStatus.BAD_REQUEST, "error.invalid", new Object[0], fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalidParameters(
            HandlerMethodValidationException e, HttpServletRequest request) {
        var locale = locales.resolveLocale(request);
        var fields = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new JsonErrors.FieldError(
                                r.getMethodParameter().getParameterName(), messages.getMessage(err, locale))))
                .toList();
        return answer(request, HttpStatus.BAD_REQUEST, "error.invalid", new Object[0], fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        var field = errors.field(request, new TypeMismatch(e.getName(), e.getRequiredType()));
        return answer(request, HttpStatus.BAD_REQUEST, "error.invalid", new Object[0], List.of(field));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (RequestSizeFilter.exceeded(e)) {
            return answer(request, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", new Object[0], List.of());
        }
        var fields =
                TypeMismatch.in(e).map(m -> errors.field(request, m)).stream().toList();
        return answer(request, HttpStatus.BAD_REQUEST, "error.unreadable", new Object[0], fields);
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MissingRequestHeaderException.class,
        MultipartException.class
    })
    ResponseEntity<Map<String, Object>> unreadable(Exception e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException) {
            return answer(request, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", new Object[0], List.of());
        }
        return answer(request, HttpStatus.BAD_REQUEST, "error.unreadable", new Object[0], List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType", new Object[0], List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_ACCEPTABLE, "error.notAcceptable", new Object[0], List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "error.method", new Object[0], List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(HttpServletRequest request) {
        return answer(request, HttpStatus.FORBIDDEN, "error.forbidden", new Object[0], List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (RequestSizeFilter.exceeded(e)) {
            return answer(request, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", new Object[0], List.of());
        }
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn(
                    "Database unavailable serving {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .body(errors.body(
                            request,
                            HttpStatus.SERVICE_UNAVAILABLE,
                            DatabaseUnavailable.MESSAGE_KEY,
                            new Object[0],
                            List.of()));
        }
        log.error("Unexpected failure serving {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", new Object[0], List.of());
    }

    private ResponseEntity<Map<String, Object>> answer(
            HttpServletRequest request, HttpStatus status, String key, Object[] args, List<JsonErrors.FieldError> f) {
        return ResponseEntity.status(status).body(errors.body(request, status, key, args, f));
    }
}
