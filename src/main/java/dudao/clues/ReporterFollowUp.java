package dudao.clues;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.PlainText;
import dudao.platform.Uploads;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reporter sees and does with a receipt code: the clue's public status (never who handles it or what was
 * found), the handlers' messages, their own messages and files. The caller (the public portal) has already turned the
 * receipt code into the clue; nothing here learns who the reporter is.
 */
@Service
@Transactional
public class ReporterFollowUp {

    static final int MAX_MESSAGE = 2000;
    static final int MAX_FILES = 10;

    /** The status a reporter reads: coarse on purpose, so that it cannot tip off the people reported. */
    public enum PublicStatus {
        RECEIVED,
        IN_HANDLING,
        TRANSFERRED,
        CLOSED
    }

    public record Message(Instant at, boolean fromReporter, String body) {}

    public record FileRef(Instant at, boolean fromReporter, String name, String mediaType, int size) {}

    public record View(
            String serial, LocalDate receivedOn, PublicStatus status, List<Message> messages, List<FileRef> files) {}

    private final JdbcClient jdbc;
    private final ClueAttachments attachments;
    private final AuditTrail audit;
    private final Clock clock;

    ReporterFollowUp(JdbcClient jdbc, ClueAttachments attachments, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public View view(ClueId id) {
        var clue = jdbc.sql("""
                select c.serial, c.received_at, coalesce(m.status, c.status) as status
                from clue c left join clue m on m.id = c.merged_into where c.id = ?""")
                .param(id.value())
                .query((rs, n) ->
                        new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)})
                .optional()
                .orElseThrow(() -> new NotFound("error.notFound"));
        var messages = jdbc.sql("select at, from_reporter, body from clue_message where clue_id = ? order by at, id")
                .param(id.value())
                .query((rs, n) -> new Message(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getString(3)))
                .list();
        var attached = jdbc.sql("select added_at, name, content_type, size from clue_attachment"
                        + " where clue_id = ? and added_by = 'reporter' order by id")
                .param(id.value())
                .query((rs, n) -> new FileRef(
                        rs.getTimestamp(1).toInstant(), true, rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
        return new View(
                (String) clue[0],
                ((Instant) clue[1]).atZone(ClueIntake.CHINA).toLocalDate(),
                publicStatus(ClueStatus.valueOf((String) clue[2])),
                messages,
                attached);
    }

    /** The reporter's message to the handlers. */
    public void reply(ClueId id, String text) {
        checkMessage(text);
        requireExists(id);
        writeMessage(id, text);
    }

    /**
     * The reporter's message and files together, all or nothing: everything is checked before anything is written
     * (so a file over the limit does not leave the message saved, and sending the form again does not repeat it), and
     * the files and the message are written in this one transaction. Either may be empty, not both.
     */
    public void reply(ClueId id, String text, List<Uploads.Checked> files) {
        boolean hasText = text != null && !text.isBlank();
        if (!hasText && files.isEmpty()) {
            throw new BadInput("text", "clue.followUp.empty");
        }
        if (hasText) {
            checkMessage(text);
        }
        requireExists(id);
        if (filesFromReporter(id) + files.size() > MAX_FILES) {
            throw new BadInput("file", "clue.followUp.tooManyFiles", MAX_FILES);
        }
        for (var file : files) {
            attachments.addFromReporter(id, file);
        }
        if (hasText) {
            writeMessage(id, text);
        }
    }

    private static void checkMessage(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput("text", "clue.followUp.empty");
        }
        if (text.strip().length() > MAX_MESSAGE) {
            throw new BadInput("text", "clue.followUp.tooLong", MAX_MESSAGE);
        }
        if (!PlainText.Check.isPlain(text)) {
            throw new BadInput("text", "validation.controlCharacters");
        }
    }

    private void writeMessage(ClueId id, String text) {
        var now = Instant.now(clock);
        jdbc.sql("insert into clue_message (clue_id, at, author, body, from_reporter) values (?, ?, ?, ?, true)")
                .params(id.value(), Timestamp.from(now), "reporter", text.strip())
                .update();
        jdbc.sql(
                        "insert into clue_event (clue_id, at, actor, action, note) values (?, ?, 'reporter', 'reporter-message', null)")
                .params(id.value(), Timestamp.from(now))
                .update();
        audit.record("CLUE_REPORTER_MESSAGE", "clue", id.value(), Outcome.SUCCESS, null);
    }

    /** A file the reporter adds (already checked and stripped of metadata by {@link Uploads}), stored encrypted. */
    public void addFile(ClueId id, Uploads.Checked file) {
        requireExists(id);
        if (filesFromReporter(id) >= MAX_FILES) {
            throw new BadInput("file", "clue.followUp.tooManyFiles", MAX_FILES);
        }
        attachments.addFromReporter(id, file);
    }

    private long filesFromReporter(ClueId id) {
        return jdbc.sql("select count(*) from clue_attachment where clue_id = ? and added_by = 'reporter'")
                .param(id.value())
                .query(Long.class)
                .single();
    }

    private void requireExists(ClueId id) {
        if (!jdbc.sql("select exists (select 1 from clue where id = ?)")
                .param(id.value())
                .query(Boolean.class)
                .single()) {
            throw new NotFound("error.notFound");
        }
    }

    static PublicStatus publicStatus(ClueStatus status) {
        return switch (status) {
            case RECEIVED -> PublicStatus.RECEIVED;
            case TRANSFERRED -> PublicStatus.TRANSFERRED;
            case CLOSED -> PublicStatus.CLOSED;
            default -> PublicStatus.IN_HANDLING;
        };
    }
}
