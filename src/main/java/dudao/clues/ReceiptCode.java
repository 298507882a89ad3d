package dudao.clues;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The 16-digit code a reporter follows a clue with. It is shown once, at intake; Dudao keeps only a keyed hash of it.
 */
public record ReceiptCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{16}");
    // One strong generator (a DRBG seeded by the system) per thread: the system's shared generator takes a lock that
    // serialises every request drawing a code.
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    public ReceiptCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A receipt code has 16 digits");
        }
    }

    static ReceiptCode random() {
        // One draw of the strong generator, uniform over all 10^16 codes.
        var digits = Long.toString(RANDOM.get().nextLong(10_000_000_000_000_000L));
        return new ReceiptCode("0".repeat(16 - digits.length()) + digits);
    }

    /** Whether a string a person typed is a receipt code, ignoring spaces and dashes. */
    public static boolean looksLike(String typed) {
        return typed != null && FORMAT.matcher(typed.replaceAll("[\\s-]", "")).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
