package dudao.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dudao.platform.BadInput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A small proof of work the tip form's script does before it submits (no outside service, no puzzle for the person):
 * find a number that makes SHA-256 of the challenge and the number start with some zero bits. A script that floods
 * the form pays for every tip; a person waits about a second. Challenges are signed with a key every node shares,
 * expire, and work for one form only (once per node: a used challenge is remembered in memory): the first form token
 * that brings a challenge owns it, and only that same form sent again (a double click, a resend after a busy answer)
 * may bring it again, which makes no second tip since the token makes submissions idempotent. A challenge whose form
 * was refused for its content is spent: the page that says so carries a fresh one.
 */
@Component
class ProofOfWork {

    static final Duration LIFETIME = Duration.ofHours(2);

    private static final String SPENT = "";

    private final PortalProperties properties;
    private final Clock clock;
    private final byte[] key;
    /** Challenges used, with the form token that used them ({@link #SPENT} when none may use them again). */
    private final Cache<String, String> used = Caffeine.newBuilder()
            .expireAfterWrite(LIFETIME)
            .maximumSize(2_000_000)
            .build();

    ProofOfWork(PortalProperties properties, PortalKey keys, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = keys.derive("proof-of-work");
    }

    record Challenge(String value, int bits) {}

    Challenge issue() {
        var nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        var body = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "."
                + Instant.now(clock).plus(LIFETIME).getEpochSecond() + "." + properties.proofOfWorkBits();
        return new Challenge(body + "." + sign(body), properties.proofOfWorkBits());
    }

    /**
     * Accepts a solved challenge for the form with {@code token} (the first form to bring it, or that same form again);
     * anything else is refused with a sentence asking to reload the form.
     */
    void check(String challenge, String solution, String token) {
        if (challenge == null || solution == null || challenge.length() > 200 || !solution.matches("\\d{1,12}")) {
            throw new BadInput("proof", "portal.proof.missing");
        }
        var parts = challenge.split("\\.");
        if (parts.length != 4) {
            throw new BadInput("proof", "portal.proof.missing");
        }
        var body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(
                sign(body).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw new BadInput("proof", "portal.proof.missing");
        }
        if (Long.parseLong(parts[1]) < Instant.now(clock).getEpochSecond()) {
            throw new BadInput("proof", "portal.proof.expired");
        }
        if (!solves(challenge, solution, Integer.parseInt(parts[2]))) {
            throw new BadInput("proof", "portal.proof.missing");
        }
        var owner = used.asMap().putIfAbsent(challenge, token == null ? SPENT : token);
        if (owner != null && (owner.equals(SPENT) || !owner.equals(token))) {
            throw new BadInput("proof", "portal.proof.expired");
        }
    }

    /** Spends a challenge for good: its form was refused for what it said, and the answer carries a new challenge. */
    void spend(String challenge) {
        if (challenge != null) {
            used.put(challenge, SPENT);
        }
    }

    static boolean solves(String challenge, String solution, int bits) {
        try {
            var hash = MessageDigest.getInstance("SHA-256")
                    .digest((challenge + ":" + solution).getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < bits; i++) {
                if ((hash[i / 8] & (0x80 >>> (i % 8))) != 0) {
                    return false;
                }
            }
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Solves a challenge as the form's script does (for tests and the benchmark's clients). */
    static String solve(String challenge, int bits) {
        for (long n = 0; ; n++) {
            if (solves(challenge, Long.toString(n), bits)) {
                return Long.toString(n);
            }
        }
    }

    private String sign(String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
