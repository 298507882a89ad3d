package dudao.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than {@code dudao.max-request-bytes}; file uploads have their own, larger limit
 * ({@code spring.servlet.multipart.*}). A declared length over the limit is refused before anything reads the body. A
 * body without one (chunked) is counted as it is read, and reading past the limit fails, so the JSON reader never
 * sees more than the limit either way; forms, which Tomcat reads itself, are held to the same limit by
 * {@code server.tomcat.max-http-form-post-size}. File uploads over {@code spring.servlet.multipart.max-request-size}
 * are refused here too, by their declared length or while Tomcat parses them. Under {@code /api} the answer is the JSON
 * error; pages get the 413 page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter extends OncePerRequestFilter {

    private final long limit;
    private final long multipartLimit;
    private final JsonErrors errors;
    private final String errorPath;

    RequestSizeFilter(
            DudaoProperties properties,
            JsonErrors errors,
            @Value("${server.error.path:/error}") String errorPath,
            @Value("${spring.servlet.multipart.max-request-size:-1}") DataSize multipartLimit) {
        this.limit = properties.maxRequestBytes();
        this.multipartLimit = multipartLimit.toBytes();
        this.errors = errors;
        this.errorPath = errorPath;
    }

    /** Whether a failure comes from a body that went past the limit while it was read. */
    static boolean exceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return true;
            }
            for (var suppressed : cause.getSuppressed()) {
                if (suppressed instanceof BodyTooLarge) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether Tomcat refused to parse a body for its size (its upload limits, or the form limit). */
    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SizeException
                    || (cause instanceof InvalidParameterException invalid
                            && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value())) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        if (multipart) {
            if (multipartLimit >= 0 && request.getContentLengthLong() > multipartLimit) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
                return;
            }
            // Tomcat parses the parts itself when something first asks for a parameter: on a page that is the CSRF
            // check, which took a body over the upload limits for one without its token (a 403). Asked here, such a
            // body is refused as too large, the page's 413.
            try {
                request.getParameterMap();
            } catch (IllegalStateException e) {
                refuse(request, response, tooLarge(e) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        if (type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            // Tomcat parses forms itself, past this filter's stream, and refuses one without a length beyond
            // server.tomcat.max-http-form-post-size only when something first asks for a parameter (the CSRF check).
            // Asked here, the refusal becomes the usual answer instead of a failure inside the security filters.
            try {
                request.getParameterMap();
            } catch (InvalidParameterException e) {
                refuse(
                        request,
                        response,
                        e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                                ? HttpStatus.CONTENT_TOO_LARGE
                                : HttpStatus.BAD_REQUEST);
                return;
            }
        }
        var limited = new Limited(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!exceeded(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException, ServletException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            errors.write(
                    request,
                    response,
                    status,
                    status == HttpStatus.CONTENT_TOO_LARGE ? "error.tooLarge" : "error.unreadable");
            return;
        }
        // The error page, rendered as the container renders error pages, but for a request without its body:
        // sendError would dispatch the POST itself, and what runs on that dispatch would read the refused body.
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(status.value());
        request.getRequestDispatcher(errorPath).forward(new Bodiless(request), response);
    }

    /** The request as a GET without body or parameters, to render an error page for. */
    private static final class Bodiless extends HttpServletRequestWrapper {

        Bodiless(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() {
                    return -1;
                }

                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {}
            };
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /** Reading past the limit. */
    static final class BodyTooLarge extends IOException {

        BodyTooLarge(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }

    /** The request with a body that cannot be read past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() has already been called");
            }
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                var encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    /** Counts what is read and fails once more than the limit has come. */
    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
