package dudao.directory;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as RFC 6238 defines them (HMAC-SHA1, 30-second steps, 6 digits) — what every
 * authenticator app speaks. One step of clock drift either way is accepted.
 */
final class Totp {

    static final int DIGITS = 6;
    static final long STEP_SECONDS = 30;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    static String newSecret() {
        var bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            var mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            int modulo = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String code(String secret, long step) {
        return code(new Base32().decode(secret), step, DIGITS, "HmacSHA1");
    }

    /**
     * The step the code belongs to if it is right at {@code now} (±1 step) and newer than {@code lastUsedStep}, so
     * that a code seen over someone's shoulder cannot be used a second time.
     */
    static OptionalLong verify(String secret, String code, Instant now, Long lastUsedStep) {
        if (secret == null || code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            if (lastUsedStep != null && s <= lastUsedStep) {
                continue;
            }
            if (java.security.MessageDigest.isEqual(code(secret, s).getBytes(), code.getBytes())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    static String uri(String issuer, String account, String secret) {
        var label = java.net.URLEncoder.encode(issuer + ":" + account, java.nio.charset.StandardCharsets.UTF_8);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + java.net.URLEncoder.encode(issuer, java.nio.charset.StandardCharsets.UTF_8)
                + "&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }
}
