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
 * cluster signs proof-of-work challenges and reads kept receipts alike.
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

    /** AES-GCM with the receipt key; the associated data binds the ciphertext to its row. */
    byte[] seal(String plaintext, byte[] associated) {
        try {
            var iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE, new SecretKeySpec(derive("receipt"), "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(associated);
            var sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.US_ASCII));
            var out = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String open(byte[] sealed, byte[] associated) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(derive("receipt"), "AES"),
                    new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(associated);
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A kept receipt cannot be read", e);
        }
    }
}
