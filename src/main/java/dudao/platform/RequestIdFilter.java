package dudao.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Gives every request an id (or keeps a well-formed one a gateway sent), shown in the log, in the response header
 * {@code X-Request-Id}, in error answers and in the audit trail, so that one request can be followed through all
 * three. On the public portal ({@code /public}, {@code /api/v1/public}) the id is always a fresh one: a gateway's id
 * would be in the proxy's logs next to the reporter's address, and through the audit trail it would tie that address
 * to the tip.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{8,64}");

    /** The id of the request being served, or null outside a request. */
    public static String current() {
        return MDC.get("requestId");
    }

    static String current(HttpServletRequest request) {
        var id = request.getAttribute(ATTRIBUTE);
        return id == null ? current() : id.toString();
    }

    /**
     * A fresh id in UUID form. It names a request in the logs and error answers and is no secret, so it comes from the
     * thread's own generator, not from the shared SecureRandom behind UUID.randomUUID (a lock every request took).
     */
    static String newId() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Whether the request is one of the public portal's (the path decoded, as the servlet container maps it). */
    static boolean isPublic(HttpServletRequest request) {
        var path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return path.equals("/public")
                || path.startsWith("/public/")
                || path.equals("/api/v1/public")
                || path.startsWith("/api/v1/public/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var sent = isPublic(request) ? null : request.getHeader(HEADER);
        var id = sent != null && WELL_FORMED.matcher(sent).matches() ? sent : newId();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put("requestId", id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }
}
