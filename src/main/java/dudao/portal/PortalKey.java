package dudao.portal;

import dudao.platform.SecretKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The portal's key ({@code DUDAO_PORTAL_KEY}) and the keys derived from it, one per use, so that every node of a
 * cluster signs proof-of-work challenges and reads kept receipts alike. A receipt kept for retries is sealed under a
 * key derived from the raw idempotency key (the form's token, the API's {@code Idempotency-Key}), which is never
 * stored: the stored row and every server key together still cannot open it; only a retry that brings the raw key
 * again can.
 */
@Component
class PortalKey {

    private final byte[] master;

    PortalKey(PortalProperties properties, SecretKeys keys) {
        this.master = keys.get(properties.key(), "DUDAO_PORTAL_KEY", "portal.key", 32);
    }

    byte[] derive(String purpose) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key that seals the receipt kept for one raw idempotency key: keyed by the portal key, under a label other
     * than the stored key hash's, so that neither the stored hash nor the portal key alone gives it.
     */
    byte[] sealingKey(String rawIdempotencyKey) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive("kept-receipt-seal"), "HmacSHA256"));
            return mac.doFinal(rawIdempotencyKey.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * AES-GCM under a key from {@link #sealingKey}; the associated data binds the ciphertext to its row.
     */
    byte[] seal(String plaintext, byte[] sealingKey, byte[] associated) {
        try {
            var iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sealingKey, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(associated);
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.US_ASCII));
            var out = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String open(byte[] sealed, byte[] sealingKey, byte[] associated) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(sealingKey, "AES"),
                    new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(associated);
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A kept receipt cannot be read", e);
        }
    }
}
