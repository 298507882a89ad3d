package dudao.clues;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.directory.Staff;
import dudao.platform.BadInput;
import dudao.platform.DudaoProperties;
import dudao.platform.NotFound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence and letter scans of a clue: PDF, PNG or JPEG only (decided by the file's first bytes, not by its name or
 * the type the browser claims), at most {@link #MAX_BYTES}, stored encrypted in the data directory. Adding and reading
 * one is audited; both need the clue to be visible to the actor.
 */
@Service
public class ClueAttachments {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** An attachment as lists show it. */
    public record Attachment(long id, String name, String contentType, long size, Instant addedAt) {}

    /** An attachment's content, decrypted, for download. */
    public record Content(String name, String contentType, byte[] bytes) {}

    private final JdbcClient jdbc;
    private final ClueStore store;
    private final ClueKeys keys;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path root;

    ClueAttachments(
            JdbcClient jdbc, ClueStore store, ClueKeys keys, AuditTrail audit, Clock clock, DudaoProperties dudao) {
        this.jdbc = jdbc;
        this.store = store;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.root = dudao.dataDir().resolve("attachments").resolve("clues");
    }

    @Transactional
    public Attachment add(ClueId id, String name, byte[] content, Staff by) {
        store.lock(id, by);
        if (content == null || content.length == 0) {
            throw new BadInput("file", "clue.attachment.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new BadInput("file", "clue.attachment.tooLarge");
        }
        var type = typeOf(content);
        if (type == null) {
            throw new BadInput("file", "clue.attachment.type");
        }
        return store(id, name, type, content, by.username());
    }

    /**
     * A file the reporter adds with the receipt code: already checked from its content and stripped of metadata by
     * {@link dudao.platform.Uploads}, stored encrypted like every other attachment.
     */
    @Transactional
    Attachment addFromReporter(ClueId id, dudao.platform.Uploads.Checked file) {
        return store(id, file.name(), file.mediaType(), file.content(), "reporter");
    }

    private Attachment store(ClueId id, String name, String type, byte[] content, String addedBy) {
        var clean = name == null || name.isBlank()
                ? "attachment"
                : Path.of(name).getFileName().toString();
        if (clean.length() > 200) {
            clean = clean.substring(clean.length() - 200);
        }
        var storedAs = UUID.randomUUID().toString();
        var fileKey = keys.newDataKey();
        var now = Instant.now(clock);
        try {
            Files.createDirectories(root);
            Files.write(root.resolve(storedAs), keys.sealFile(fileKey, storedAs, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long attachment = jdbc.sql("""
                insert into clue_attachment (clue_id, name, content_type, size, sha256, file_key, stored_as, added_at,
                                             added_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        id.value(),
                        clean,
                        type,
                        content.length,
                        sha256(content),
                        keys.wrapFileKey(fileKey, storedAs),
                        storedAs,
                        Timestamp.from(now),
                        addedBy)
                .query(Long.class)
                .single();
        store.event(id, now, addedBy, "attach", clean);
        audit.record("clue-attach", "clue", id, Outcome.SUCCESS, "attachment=" + attachment + " type=" + type);
        return new Attachment(attachment, clean, type, content.length, now);
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(ClueId id) {
        return jdbc.sql(
                        "select id, name, content_type, size, added_at from clue_attachment where clue_id = ? order by id")
                .param(id.value())
                .query((rs, n) -> new Attachment(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Transactional
    public Content read(ClueId id, long attachment, Staff by) {
        store.lock(id, by);
        var row = jdbc.sql("""
                select name, content_type, file_key, stored_as from clue_attachment where id = ? and clue_id = ?""")
                .params(attachment, id.value())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)})
                .optional()
                .orElseThrow(() -> new NotFound("clue.notFound"));
        var storedAs = (String) row[3];
        byte[] bytes;
        try {
            bytes = keys.openFile(
                    keys.unwrapFileKey((byte[]) row[2], storedAs),
                    storedAs,
                    Files.readAllBytes(root.resolve(storedAs)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("clue-attachment-read", "clue", id, Outcome.SUCCESS, "attachment=" + attachment);
        return new Content((String) row[0], (String) row[1], bytes);
    }

    /** PDF, PNG or JPEG by their signatures; anything else is refused whatever it is called. */
    static String typeOf(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a
                && b[6] == 0x1a
                && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
