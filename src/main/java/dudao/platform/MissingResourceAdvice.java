package dudao.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * An address nothing answers: JSON under {@code /api}, the 404 page elsewhere. (No controller is involved, so the
 * controller-scoped advices do not see it.)
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class MissingResourceAdvice {

    private final JsonErrors errors;

    MissingResourceAdvice(JsonErrors errors) {
        this.errors = errors;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView missing(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> body =
                    errors.body(request, HttpStatus.NOT_FOUND, "error.notFound", new Object[0], List.of());
            var view = new JacksonJsonView();
            view.setExtractValueFromSingleKeyModel(true);
            view.setContentType(MediaType.APPLICATION_JSON_VALUE);
            return new ModelAndView(view, Map.of("error", body));
        }
        var page = new ModelAndView("error/404");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
