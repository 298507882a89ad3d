package dudao.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dudao.platform.UserFacingException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Limits on the public endpoints, per client and overall. A client is known only by a keyed hash of its address, held
 * in memory with a key that lives as long as the process: the address itself is never stored or logged, and the
 * hashes mean nothing after a restart. (Each node limits on its own; behind a load balancer the limits add up.)
 */
@Component
class Throttle {

    private final PortalProperties properties;
    private final byte[] key = new byte[32];
    private final Cache<String, AtomicInteger> submissions;
    private final Cache<String, AtomicInteger> surveyAnswers;
    private final Cache<String, AtomicInteger> lookupFailures;
    private final Cache<String, Boolean> refused;
    private final Semaphore concurrent;

    Throttle(PortalProperties properties) {
        this.properties = properties;
        new SecureRandom().nextBytes(key);
        this.submissions = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofHours(1))
                .maximumSize(1_000_000)
                .build();
        this.surveyAnswers = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofHours(1))
                .maximumSize(1_000_000)
                .build();
        this.lookupFailures = Caffeine.newBuilder()
                .expireAfterWrite(properties.refusal())
                .maximumSize(1_000_000)
                .build();
        this.refused = Caffeine.newBuilder()
                .expireAfterWrite(properties.refusal())
                .maximumSize(1_000_000)
                .build();
        this.concurrent = new Semaphore(properties.maxConcurrentSubmissions(), true);
    }

    // One keyed MAC per thread: looking up and keying a new one for every request costs more than the MAC itself.
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    String client(HttpServletRequest request) {
        return HexFormat.of()
                .formatHex(macs.get().doFinal(request.getRemoteAddr().getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /** Refuses a client that has used up its hourly submissions (a retry of an earlier tip is not refused here). */
    void checkSubmission(String client) {
        var count = submissions.getIfPresent(client);
        if (count != null && count.get() >= properties.submissionsPerHour()) {
            throw new Refused("portal.limit.submissions", HttpStatus.TOO_MANY_REQUESTS, 3600);
        }
    }

    /** Counts a new tip of the client. */
    void countSubmission(String client) {
        submissions.get(client, c -> new AtomicInteger()).incrementAndGet();
    }

    /** Counts an awareness survey answer of the client, refusing it once the client has used up its hourly answers. */
    void countSurveyAnswer(String client) {
        var count = surveyAnswers.get(client, c -> new AtomicInteger());
        if (count.incrementAndGet() > properties.surveyAnswersPerHour()) {
            count.decrementAndGet();
            throw new Refused("portal.limit.survey", HttpStatus.TOO_MANY_REQUESTS, 3600);
        }
    }

    /** Runs a submission if there is room; a surge beyond the limit is asked to try again in a minute. */
    <T> T admit(java.util.function.Supplier<T> submission) {
        boolean admitted;
        try {
            admitted = concurrent.tryAcquire(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new Refused("portal.limit.busy", HttpStatus.SERVICE_UNAVAILABLE, 60);
        }
        try {
            return submission.get();
        } finally {
            concurrent.release();
        }
    }

    /** Before a receipt lookup: refused clients stay refused, repeated failures wait longer each time. */
    void beforeLookup(String client) {
        if (refused.getIfPresent(client) != null) {
            throw new Refused(
                    "portal.limit.lookups",
                    HttpStatus.TOO_MANY_REQUESTS,
                    properties.refusal().toSeconds());
        }
        var failures = lookupFailures.getIfPresent(client);
        int n = failures == null ? 0 : failures.get();
        if (n >= properties.lookupFailuresBeforeSlowdown()) {
            sleep(Math.min(5_000, 250L << Math.min(4, n - properties.lookupFailuresBeforeSlowdown())));
        }
    }

    void lookupFailed(String client) {
        int n = lookupFailures.get(client, c -> new AtomicInteger()).incrementAndGet();
        if (n >= properties.lookupFailuresBeforeRefusal()) {
            refused.put(client, Boolean.TRUE);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A refusal with the seconds after which trying again makes sense. */
    static final class Refused extends UserFacingException {
        private final HttpStatus status;
        private final long retryAfter;

        Refused(String key, HttpStatus status, long retryAfter) {
            super(key);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        @Override
        public HttpStatus status() {
            return status;
        }

        long retryAfter() {
            return retryAfter;
        }
    }
}
