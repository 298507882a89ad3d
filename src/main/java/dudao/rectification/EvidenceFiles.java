package dudao.rectification;

import dudao.directory.StaffId;
import dudao.platform.BadInput;
import dudao.platform.DudaoProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evidence files under {@code <data dir>/evidence}. The type is read from the content's first bytes (PDF, PNG, JPEG,
 * Word and Excel documents), never taken from the file name or the browser; a file written for a transaction that
 * rolls back is deleted again.
 */
@Component
class EvidenceFiles {

    record Stored(String fileName, String contentType, Path path) {}

    private static final int MAX_FILES = 10;

    private final JdbcClient jdbc;
    private final Path root;
    private final long maxBytes;

    EvidenceFiles(JdbcClient jdbc, DudaoProperties dudao, RectificationProperties properties) {
        this.jdbc = jdbc;
        this.root = dudao.dataDir().resolve("evidence").toAbsolutePath();
        this.maxBytes = properties.evidenceMaxBytes();
    }

    /** Checks every file before anything changes: a wrong type or a file too large refuses the whole submission. */
    List<String> check(List<EvidenceUpload> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw new BadInput("files", "evidence.tooMany", MAX_FILES);
        }
        return uploads.stream().map(this::typeOf).toList();
    }

    private String typeOf(EvidenceUpload upload) {
        if (upload.content().length == 0) {
            throw new BadInput("files", "evidence.empty", upload.fileName());
        }
        if (upload.content().length > maxBytes) {
            throw new BadInput("files", "evidence.tooLarge", upload.fileName(), maxBytes / (1024 * 1024));
        }
        return sniff(upload.content(), upload.fileName())
                .orElseThrow(() -> new BadInput("files", "evidence.type", upload.fileName()));
    }

    static Optional<String> sniff(byte[] b, String name) {
        if (starts(b, "%PDF-".getBytes())) {
            return Optional.of("application/pdf");
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (starts(b, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, new byte[] {'P', 'K', 3, 4})) {
            // Office Open XML documents are ZIP archives holding [Content_Types].xml; a bare ZIP is not accepted.
            var head = new String(b, 0, Math.min(b.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (head.contains("[Content_Types].xml") || head.contains("word/") || head.contains("xl/")) {
                var lower = name == null ? "" : name.toLowerCase();
                if (lower.endsWith(".xlsx")) {
                    return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                }
                if (lower.endsWith(".docx")) {
                    return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** Writes the files and their rows, attached to a timeline entry. */
    void store(
            ProblemId problem, long eventId, List<EvidenceUpload> uploads, List<String> types, StaffId by, Instant at) {
        for (int i = 0; i < uploads.size(); i++) {
            var upload = uploads.get(i);
            var relative = problem.value() + "/" + UUID.randomUUID();
            var path = root.resolve(relative);
            try {
                Files.createDirectories(path.getParent());
                Files.write(path, upload.content());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deleteOnRollback(path);
            jdbc.sql("""
                    insert into problem_evidence (problem_id, event_id, file_name, content_type, size_bytes, sha256,
                                                  stored_as, uploaded_by, uploaded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            problem.value(),
                            eventId,
                            cleanName(upload.fileName()),
                            types.get(i),
                            upload.content().length,
                            sha256(upload.content()),
                            relative,
                            by.value(),
                            Timestamp.from(at))
                    .update();
        }
    }

    /** The stored file of a problem's evidence, if it belongs to that problem. */
    Optional<Stored> find(ProblemId problem, long evidenceId) {
        return jdbc.sql(
                        "select file_name, content_type, stored_as from problem_evidence where id = ? and problem_id = ?")
                .params(evidenceId, problem.value())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), root.resolve(rs.getString(3))))
                .optional();
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return "evidence";
        }
        var base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static void deleteOnRollback(Path path) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException ignored) {
                        // A leftover file without a row is harmless: nothing refers to it.
                    }
                }
            }
        });
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
