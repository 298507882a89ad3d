package dudao.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keys from configuration (base64), or, in the demo only, generated once into the data directory and kept there. A
 * production start without a configured key stops with the name of the variable to set.
 */
@Component
public class SecretKeys {

    private final DudaoProperties properties;
    private final boolean demo;

    SecretKeys(DudaoProperties properties, @Value("${dudao.demo.enabled:false}") boolean demo) {
        this.properties = properties;
        this.demo = demo;
    }

    /**
     * @param configured the configured value (may be blank)
     * @param variable the environment variable that configures it, named in the refusal
     * @param file the file in the data directory the demo keeps it in
     */
    public byte[] get(String configured, String variable, String file, int minBytes) {
        byte[] key;
        if (configured != null && !configured.isBlank()) {
            key = Base64.getDecoder().decode(configured.trim());
        } else if (demo) {
            key = generated(file, Math.max(32, minBytes));
        } else {
            throw new IllegalStateException(variable + " must be set outside the demo profile");
        }
        if (key.length < minBytes) {
            throw new IllegalStateException(variable + " must hold at least " + minBytes + " bytes");
        }
        return key;
    }

    private byte[] generated(String name, int size) {
        var file = properties.dataDir().resolve(name);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder()
                        .decode(Files.readString(file, StandardCharsets.US_ASCII)
                                .trim());
            }
            var fresh = new byte[size];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(
                        file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                // The key keeps the file system's default permissions.
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the demo key " + file, e);
        }
    }
}
