package dudao.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refusals on pages: the error page in the user's language with the status and the reason. htmx requests get the
 * same page; the layout shows it in place.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrorAdvice {

    private final MessageSource messages;

    PageErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UserFacingException.class)
    String refused(UserFacingException e, HttpServletResponse response, Model model) {
        return page(response, model, e.status(), e.messageKey(), e.arguments());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Locale locale, HttpServletResponse response, Model model) {
        model.addAttribute(
                "reason", messages.getMessage(new TypeMismatch(e.getName(), e.getRequiredType()).message(), locale));
        return page(response, model, HttpStatus.BAD_REQUEST, "error.unreadable", new Object[0]);
    }

    /** A form or filter bound without a {@code BindingResult} to show its errors in: the sentences on the page. */
    @ExceptionHandler(BindException.class)
    String invalid(BindException e, Locale locale, HttpServletResponse response, Model model) {
        model.addAttribute(
                "reason",
                e.getBindingResult().getAllErrors().stream()
                        .map(error -> messages.getMessage(error, locale))
                        .distinct()
                        .collect(Collectors.joining(" ")));
        return page(response, model, HttpStatus.BAD_REQUEST, "error.invalid", new Object[0]);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    String unreadableBody(HttpMessageNotReadableException e, Locale locale, HttpServletResponse response, Model model) {
        if (RequestSizeFilter.exceeded(e)) {
            return tooLarge(response, model);
        }
        TypeMismatch.in(e).ifPresent(m -> model.addAttribute("reason", messages.getMessage(m.message(), locale)));
        return page(response, model, HttpStatus.BAD_REQUEST, "error.unreadable", new Object[0]);
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        org.springframework.web.multipart.MultipartException.class,
        org.springframework.web.multipart.support.MissingServletRequestPartException.class
    })
    String unreadable(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.BAD_REQUEST, "error.unreadable", new Object[0]);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", new Object[0]);
    }

    @ExceptionHandler({
        org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.transaction.CannotCreateTransactionException.class,
        org.springframework.transaction.TransactionSystemException.class
    })
    String databaseUnavailable(HttpServletResponse response, Model model) {
        response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        return page(response, model, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE_KEY, new Object[0]);
    }

    private static String page(
            HttpServletResponse response, Model model, HttpStatus status, String key, Object[] args) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reasonKey", key);
        model.addAttribute("reasonArgs", args);
        return "error/refused";
    }
}
