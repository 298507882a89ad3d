package dudao.audit;

import dudao.platform.DudaoProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The HMAC-SM3 key of the chain: from configuration, or generated into the data directory for the demo. */
@Component
class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

    private final byte[] key;

    AuditKey(AuditProperties properties, DudaoProperties dudao, @Value("${dudao.demo.enabled:false}") boolean demo)
            throws IOException {
        if (properties.key() != null && !properties.key().isBlank()) {
            key = Base64.getDecoder().decode(properties.key().trim());
        } else if (demo) {
            key = generatedKey(dudao);
        } else {
            throw new IllegalStateException("dudao.audit.key (DUDAO_AUDIT_KEY) must be set outside the demo profile");
        }
        if (key.length < 32) {
            throw new IllegalStateException("dudao.audit.key must hold at least 32 bytes");
        }
    }

    private static byte[] generatedKey(DudaoProperties dudao) throws IOException {
        var file = dudao.dataDir().resolve("audit.key");
        if (Files.exists(file)) {
            return Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        }
        var fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(
                    file,
                    Set.of(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the key stays with the default permissions.
        }
        log.info("Generated the demo audit key in {}", file.toAbsolutePath());
        return fresh;
    }

    byte[] mac(byte[] previous, String canonical) {
        var hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        if (previous != null) {
            hmac.update(previous, 0, previous.length);
        }
        var content = canonical.getBytes(StandardCharsets.UTF_8);
        hmac.update(content, 0, content.length);
        var out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }
}
