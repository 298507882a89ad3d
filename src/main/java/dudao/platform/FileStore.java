package dudao.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Where uploaded files live: {@code <data-dir>/files/<area>/<key>}, the key a random UUID that Dudao chose, so no name
 * a user sent ever reaches the file system. (An S3-compatible store would implement the same three verbs.)
 */
@Component
public class FileStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern AREA = Pattern.compile("[a-z]{2,20}");

    private final Path root;

    FileStore(DudaoProperties properties) {
        this.root = properties.dataDir().resolve("files").toAbsolutePath();
    }

    public String put(String area, byte[] content) {
        var key = UUID.randomUUID().toString();
        var file = path(area, key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(
                    file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a file", e);
        }
        return key;
    }

    public byte[] get(String area, String key) {
        try {
            return Files.readAllBytes(path(area, key));
        } catch (IOException e) {
            throw new NotFound("error.notFound");
        }
    }

    public void delete(String area, String key) {
        try {
            Files.deleteIfExists(path(area, key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete a file", e);
        }
    }

    private Path path(String area, String key) {
        if (area == null
                || !AREA.matcher(area).matches()
                || key == null
                || !KEY.matcher(key).matches()) {
            throw new NotFound("error.notFound");
        }
        return root.resolve(area).resolve(key);
    }
}
