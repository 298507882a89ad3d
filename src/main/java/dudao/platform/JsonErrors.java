package dudao.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON shape of every API error: {@code {"status","error","message","requestId","fields"?}}, the message in the
 * caller's language (Accept-Language, Chinese by default).
 */
@Component
public class JsonErrors {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    JsonErrors(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public Map<String, Object> body(
            HttpServletRequest request, HttpStatus status, String key, Object[] args, List<FieldError> fields) {
        var locale = locales.resolveLocale(request);
        var body = new LinkedHashMap<String, Object>();
        body.put("status", status.value());
        body.put("error", key);
        body.put("message", messages.getMessage(key, args, key, locale));
        body.put("requestId", RequestIdFilter.current(request));
        if (fields != null && !fields.isEmpty()) {
            body.put("fields", fields);
        }
        return body;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body(request, status, key, new Object[0], List.of())));
    }

    /** The complaint about a value that could not be converted to its field's type, in the caller's language. */
    FieldError field(HttpServletRequest request, TypeMismatch mismatch) {
        return new FieldError(
                mismatch.field(), messages.getMessage(mismatch.message(), locales.resolveLocale(request)));
    }

    /** One field's complaint, already in the caller's language. */
    public record FieldError(String field, String message) {}
}
