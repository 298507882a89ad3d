package dudao.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dudao.platform.UserFacingException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Limits on the public endpoints, per client and overall. A client is known only by a keyed hash of its address (an
 * IPv6 address by its /64: one subscriber gets a whole /64 and picks addresses in it at will), held in memory with a
 * key that lives as long as the process: the address itself is never stored or logged, and the hashes mean nothing
 * after a restart. (Each node limits on its own; behind a load balancer the limits add up.)
 */
@Component
class Throttle {

    /**
     * Slowed-down receipt lookups waiting at once on this node. The wait holds a request thread; beyond this many
     * waiting, a slowed-down lookup is refused at once (429, Retry-After the wait) instead of waiting, so guessing from
     * many addresses cannot put the server's threads to sleep. It refuses only clients that already guessed wrong
     * several times, and the refused try is not counted against them.
     */
    static final int MAX_WAITING_LOOKUPS = 16;

    /** How long a submission or an upload inspection waits for room before the client is asked to come back. */
    static final Duration ROOM_WAIT = Duration.ofSeconds(5);

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final PortalProperties properties;
    private final byte[] key = new byte[32];
    private final Cache<String, AtomicInteger> submissions;
    private final Cache<String, AtomicInteger> surveyAnswers;
    private final Cache<String, LookupTries> lookupTries;
    private final java.util.concurrent.atomic.AtomicLong slowedDown = new java.util.concurrent.atomic.AtomicLong();
    private final Cache<String, Boolean> refused;
    private final Semaphore concurrent;
    private final Semaphore inspecting;
    private final Semaphore waitingLookups = new Semaphore(MAX_WAITING_LOOKUPS);

    @Autowired
    Throttle(PortalProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    /** With the ticker the limits' periods run on (tests move it). */
    Throttle(PortalProperties properties, Ticker ticker) {
        this.properties = properties;
        new SecureRandom().nextBytes(key);
        this.submissions = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(Duration.ofHours(1))
                .maximumSize(1_000_000)
                .build();
        this.surveyAnswers = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(Duration.ofHours(1))
                .maximumSize(1_000_000)
                .build();
        this.lookupTries = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(properties.refusal())
                .maximumSize(1_000_000)
                .build();
        this.refused = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(properties.refusal())
                .maximumSize(1_000_000)
                .build();
        this.concurrent = new Semaphore(properties.maxConcurrentSubmissions(), true);
        this.inspecting = new Semaphore(properties.maxConcurrentInspections(), true);
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
        return HexFormat.of().formatHex(macs.get().doFinal(network(request.getRemoteAddr())), 0, 16);
    }

    /**
     * What a client is limited by: an IPv4 address whole, an IPv6 address by its first 64 bits (an IPv4 address
     * written as IPv6, {@code ::ffff:a.b.c.d}, counts as that IPv4 address). Anything else (not an address) as sent.
     */
    static byte[] network(String address) {
        if (address == null || address.isEmpty()) {
            return new byte[0];
        }
        // Only what is written as an address literal is parsed: InetAddress would look any other string up in the DNS.
        boolean literal = IPV4.matcher(address).matches()
                || (address.indexOf(':') >= 0
                        && (address.charAt(0) == ':' || Character.digit(address.charAt(0), 16) >= 0));
        if (literal) {
            try {
                var parsed = InetAddress.getByName(address).getAddress();
                var out = new byte[1 + Math.min(parsed.length, 8)];
                out[0] = (byte) parsed.length;
                System.arraycopy(parsed, 0, out, 1, out.length - 1);
                return out;
            } catch (UnknownHostException e) {
                // Not an address after all: limited by the string as sent.
            }
        }
        return address.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Takes one of the client's hourly submissions, refusing the client once it has used them up. The check and the
     * count are one step, so tips sent in parallel cannot pass the limit. A submission that makes no new tip (a retry of
     * an earlier one, a refusal, a failure) is given back with {@link #returnSubmission}.
     */
    void takeSubmission(String client) {
        var count = submissions.get(client, c -> new AtomicInteger());
        while (true) {
            int taken = count.get();
            if (taken >= properties.submissionsPerHour()) {
                throw new Refused("portal.limit.submissions", HttpStatus.TOO_MANY_REQUESTS, 3600);
            }
            if (count.compareAndSet(taken, taken + 1)) {
                return;
            }
        }
    }

    /** Gives back a submission taken by {@link #takeSubmission} that made no new tip. */
    void returnSubmission(String client) {
        var count = submissions.getIfPresent(client);
        if (count != null) {
            count.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    /** Counts a submission without the limit's check (tests fill a client's hour with it). */
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
    <T> T admit(Supplier<T> submission) {
        return withRoom(concurrent, submission);
    }

    /**
     * Runs the inspection of uploaded files (decoding images and documents: the costly part of a tip) if there is
     * room: a few at a time, whatever the number of requests; beyond, the client is asked to try again in a minute.
     */
    <T> T inspect(Supplier<T> inspection) {
        return withRoom(inspecting, inspection);
    }

    private static <T> T withRoom(Semaphore room, Supplier<T> work) {
        boolean admitted;
        try {
            admitted = room.tryAcquire(ROOM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new Refused("portal.limit.busy", HttpStatus.SERVICE_UNAVAILABLE, 60);
        }
        try {
            return work.get();
        } finally {
            room.release();
        }
    }

    /**
     * A receipt lookup of the client: refused clients stay refused, repeated failures wait longer each time. The try is
     * counted before the lookup runs (as a failure until it finds the tip), in one step with the check, so that
     * lookups sent in parallel cannot together make more tries than allowed.
     */
    <T> Optional<T> lookup(String client, Supplier<Optional<T>> find) {
        if (refused.getIfPresent(client) != null) {
            throw refusedLookups();
        }
        var tries = lookupTries.get(client, c -> new LookupTries());
        int before = tries.begin(properties.lookupFailuresBeforeRefusal());
        if (before < 0) {
            throw refusedLookups();
        }
        boolean found = false;
        boolean failed = false;
        try {
            if (before >= properties.lookupFailuresBeforeSlowdown()) {
                slowDown(Math.min(5_000, 250L << Math.min(4, before - properties.lookupFailuresBeforeSlowdown())));
            }
            var result = find.get();
            found = result.isPresent();
            failed = !found;
            return result;
        } finally {
            if (tries.end(failed) >= properties.lookupFailuresBeforeRefusal()) {
                refused.put(client, Boolean.TRUE);
            }
        }
    }

    private Refused refusedLookups() {
        long seconds = properties.refusal().toSeconds();
        return new Refused(
                "portal.limit.lookups", HttpStatus.TOO_MANY_REQUESTS, seconds, Math.max(1, (seconds + 59) / 60));
    }

    /** How many lookups were slowed down since the start (for tests and operators). */
    long slowedDown() {
        return slowedDown.get();
    }

    private void slowDown(long millis) {
        slowedDown.incrementAndGet();
        if (!waitingLookups.tryAcquire()) {
            throw new Refused("portal.limit.lookupsWait", HttpStatus.TOO_MANY_REQUESTS, (millis + 999) / 1000);
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waitingLookups.release();
        }
    }

    /** A client's wrong receipt codes in the refusal period, and its lookups under way (each may yet be wrong). */
    private static final class LookupTries {
        private int failures;
        private int pending;

        /**
         * Starts a lookup: the failures before it (what the slowdown goes by: lookups under way are not failures, so a
         * hotline system following many tips from one address is not slowed down), or -1 when failures and lookups under
         * way reach the limit (each of those may yet be wrong, so no more may start).
         */
        synchronized int begin(int limit) {
            if (failures + pending >= limit) {
                return -1;
            }
            pending++;
            return failures;
        }

        /** Ends a lookup: the failures now. */
        synchronized int end(boolean failed) {
            pending--;
            if (failed) {
                failures++;
            }
            return failures;
        }
    }

    /** A refusal with the seconds after which trying again makes sense. */
    static final class Refused extends UserFacingException {
        private final HttpStatus status;
        private final long retryAfter;

        Refused(String key, HttpStatus status, long retryAfter, Object... arguments) {
            super(key, arguments);
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
