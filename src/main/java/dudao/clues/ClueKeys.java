package dudao.clues;

import dudao.platform.DudaoProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clue module's cryptography, all with the national algorithms from BouncyCastle: SM4-GCM envelope encryption of
 * the reporter's identity (a random data key per clue, wrapped by a key derived from the master key), with associated
 * data naming table, column and row so that a ciphertext copied to another row or column does not decrypt; HMAC-SM3
 * blind indexes of the normalised phone and ID number; HMAC-SM3 of receipt codes. The three derived keys are
 * independent, so a leaked index key reveals nothing encrypted.
 */
@Component
class ClueKeys {

    private static final Logger log = LoggerFactory.getLogger(ClueKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final byte[] keyEncryptionKey;
    private final byte[] indexKey;
    private final byte[] receiptKey;
    private final byte[] keptReceiptKey;

    ClueKeys(ClueProperties properties, DudaoProperties dudao, @Value("${dudao.demo.enabled:false}") boolean demo)
            throws IOException {
        byte[] master;
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            master = Base64.getDecoder().decode(properties.masterKey().trim());
        } else if (demo) {
            master = generated(dudao);
        } else {
            throw new IllegalStateException(
                    "dudao.clues.master-key (DUDAO_CLUES_MASTER_KEY) must be set outside the demo profile");
        }
        if (master.length < 16) {
            throw new IllegalStateException("dudao.clues.master-key must hold at least 16 bytes");
        }
        keyEncryptionKey = Arrays.copyOf(hmac(master, "dudao/clues/key-encryption"), 16);
        indexKey = hmac(master, "dudao/clues/blind-index");
        receiptKey = hmac(master, "dudao/clues/receipt");
        keptReceiptKey = hmac(master, "dudao/clues/kept-receipt-seal");
    }

    private static byte[] generated(DudaoProperties dudao) throws IOException {
        var file = dudao.dataDir().resolve("clues-master.key");
        if (Files.exists(file)) {
            return Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        }
        var fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(
                    file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the key keeps the default permissions.
        }
        log.info("Generated the demo clue master key in {}", file.toAbsolutePath());
        return fresh;
    }

    /** A fresh data key for one clue. */
    byte[] newDataKey() {
        var key = new byte[16];
        RANDOM.nextBytes(key);
        return key;
    }

    byte[] wrap(byte[] dataKey, long clueId) {
        return seal(keyEncryptionKey, dataKey, aad(clueId, "reporter_key"));
    }

    byte[] unwrap(byte[] wrapped, long clueId) {
        return open(keyEncryptionKey, wrapped, aad(clueId, "reporter_key"));
    }

    /** An attachment's bytes under its own key, bound to the attachment's stored name. */
    byte[] sealFile(byte[] fileKey, String storedAs, byte[] content) {
        return seal(fileKey, content, ("clue_attachment/" + storedAs).getBytes(StandardCharsets.UTF_8));
    }

    byte[] openFile(byte[] fileKey, String storedAs, byte[] sealed) {
        return open(fileKey, sealed, ("clue_attachment/" + storedAs).getBytes(StandardCharsets.UTF_8));
    }

    byte[] wrapFileKey(byte[] fileKey, String storedAs) {
        return seal(keyEncryptionKey, fileKey, ("clue_attachment/key/" + storedAs).getBytes(StandardCharsets.UTF_8));
    }

    byte[] unwrapFileKey(byte[] wrapped, String storedAs) {
        return open(keyEncryptionKey, wrapped, ("clue_attachment/key/" + storedAs).getBytes(StandardCharsets.UTF_8));
    }

    /** The column's value encrypted for that clue's row; null stays null. */
    byte[] encrypt(byte[] dataKey, long clueId, String column, String value) {
        return value == null ? null : seal(dataKey, value.getBytes(StandardCharsets.UTF_8), aad(clueId, column));
    }

    String decrypt(byte[] dataKey, long clueId, String column, byte[] sealed) {
        return sealed == null ? null : new String(open(dataKey, sealed, aad(clueId, column)), StandardCharsets.UTF_8);
    }

    /** The blind index of an already normalised value. */
    byte[] blindIndex(String kind, String normalised) {
        return normalised == null || normalised.isEmpty() ? null : hmac(indexKey, kind + ":" + normalised);
    }

    byte[] receiptHash(ReceiptCode code) {
        return hmac(receiptKey, code.value());
    }

    /**
     * A receipt code kept for a day for retries with its idempotency key, bound to that key's hash and sealed under a
     * key made from the master key and {@code sealingSecret}, which the caller derives from the raw idempotency key and
     * which is never stored: the row and the master key alone cannot open it, a retry with the raw key can.
     */
    byte[] sealReceipt(ReceiptCode code, byte[] sealingSecret, byte[] keyHash) {
        return seal(keptReceiptKey(sealingSecret), code.value().getBytes(StandardCharsets.US_ASCII), keptAad(keyHash));
    }

    ReceiptCode openReceipt(byte[] sealed, byte[] sealingSecret, byte[] keyHash) {
        return new ReceiptCode(
                new String(open(keptReceiptKey(sealingSecret), sealed, keptAad(keyHash)), StandardCharsets.US_ASCII));
    }

    private byte[] keptReceiptKey(byte[] sealingSecret) {
        if (sealingSecret == null || sealingSecret.length < 16) {
            throw new IllegalArgumentException("A kept receipt needs a sealing secret of 16 bytes or more");
        }
        var mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(keptReceiptKey));
        mac.update(sealingSecret, 0, sealingSecret.length);
        var out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Arrays.copyOf(out, 16);
    }

    private static byte[] keptAad(byte[] keyHash) {
        var prefix = "clue_intake_key/".getBytes(StandardCharsets.US_ASCII);
        var out = Arrays.copyOf(prefix, prefix.length + keyHash.length);
        System.arraycopy(keyHash, 0, out, prefix.length, keyHash.length);
        return out;
    }

    private static byte[] aad(long clueId, String column) {
        return ("clue/" + column + "/" + clueId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] seal(byte[] key, byte[] plain, byte[] aad) {
        var nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        var gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        var out = new byte[NONCE + gcm.getOutputSize(plain.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        int n = gcm.processBytes(plain, 0, plain.length, out, NONCE);
        try {
            gcm.doFinal(out, NONCE + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static byte[] open(byte[] key, byte[] sealed, byte[] aad) {
        var gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), TAG_BITS, Arrays.copyOf(sealed, NONCE), aad));
        var out = new byte[gcm.getOutputSize(sealed.length - NONCE)];
        int n = gcm.processBytes(sealed, NONCE, sealed.length - NONCE, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("Reporter identity does not decrypt for this row and column", e);
        }
        return Arrays.copyOf(out, n);
    }

    private static byte[] hmac(byte[] key, String message) {
        var mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        var bytes = message.getBytes(StandardCharsets.UTF_8);
        mac.update(bytes, 0, bytes.length);
        var out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** Digits only, without a leading +86/0086/86 country code. */
    static String normalisePhone(String phone) {
        if (phone == null) {
            return null;
        }
        var digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    /** Upper case, no spaces (the check letter X of a resident ID). */
    static String normaliseIdNumber(String id) {
        if (id == null) {
            return null;
        }
        var clean = id.replaceAll("\\s", "").toUpperCase();
        return clean.isEmpty() ? null : clean;
    }
}
