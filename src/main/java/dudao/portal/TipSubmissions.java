package dudao.portal;

import dudao.clues.Channel;
import dudao.clues.ClueIntake;
import dudao.clues.NewClue;
import dudao.clues.ReporterFollowUp;
import dudao.platform.Uploads;
import dudao.platform.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public tips in, once each. The clue, its files and the idempotency record are written in one transaction, so a
 * receipt the reporter saw always has its clue, and a retry with the same key (a double click, a dropped connection,
 * a hotline system's retry) answers with the same receipt instead of making a second clue. Two requests with the same
 * key at the same moment queue on the key's row: the second waits for the first and then gets its answer.
 *
 * <p>What is kept for a retry is a hash of the key and the receipt code sealed under a key derived from the raw key
 * ({@link PortalKey#sealingKey}); the raw key is never stored, so the kept rows with every server key still do not
 * give the receipt codes: only the client that holds the raw key can have its receipt again.
 */
@Service
class TipSubmissions {

    static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final ClueIntake intake;
    private final ReporterFollowUp followUp;
    private final PublicGroups groups;
    private final PortalKey keys;
    private final Clock clock;

    TipSubmissions(
            JdbcClient jdbc,
            ClueIntake intake,
            ReporterFollowUp followUp,
            PublicGroups groups,
            PortalKey keys,
            Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.followUp = followUp;
        this.groups = groups;
        this.keys = keys;
        this.clock = clock;
    }

    /** The answer to a submission; {@code replayed} when it is the answer an earlier request with the key got. */
    record Receipt(String serial, String receiptCode, boolean replayed) {

        @Override
        public String toString() {
            return "Receipt[serial=" + serial + ", receiptCode=***, replayed=" + replayed + "]";
        }
    }

    /**
     * A tip through the API (no files): taken in by the clues module's batching intake writer, which keeps the
     * idempotency key with the clue in the same transaction; this waits for that transaction to commit and holds no
     * database connection meanwhile.
     */
    Receipt submitApi(PublicTip tip, String idempotencyKey) {
        byte[] key = null;
        byte[] request = null;
        byte[] sealing = null;
        if (idempotencyKey != null) {
            key = keyHash(idempotencyKey);
            request = requestHash(tip);
            sealing = keys.sealingKey(idempotencyKey);
        }
        Integer groupNumber = null;
        Long roundId = null;
        if (tip.group() != null) {
            var round = groups.currentRound();
            if (round.isPresent()
                    && groups.current().stream().anyMatch(s -> s.group().number() == tip.group())) {
                groupNumber = tip.group();
                roundId = round.get().id().value();
            }
        }
        try {
            var accepted = intake.recordWebTip(
                    new NewClue(
                            Channel.WEB,
                            tip.region(),
                            groupNumber,
                            roundId,
                            null,
                            tip.reporter(),
                            tip.reported(),
                            tip.activity(),
                            tip.officials(),
                            tip.circumstances()),
                    key,
                    request,
                    sealing);
            return new Receipt(
                    accepted.intake().serial(), accepted.intake().receiptCode().value(), accepted.replayed());
        } catch (ClueIntake.KeyReused e) {
            throw new KeyReused();
        } catch (ClueIntake.ReceiptGone e) {
            throw new ReceiptGone();
        } catch (ClueIntake.Busy e) {
            throw new Throttle.Refused("portal.limit.busy", HttpStatus.SERVICE_UNAVAILABLE, 60);
        }
    }

    /**
     * The receipt an earlier submission of the form with {@code token} got, if one was taken in: a resent form is
     * answered from here before its proof of work, the limits and its files are looked at again. The same token with
     * other content is refused ({@link KeyReused}).
     */
    @Transactional(readOnly = true)
    Optional<Receipt> earlier(String token, byte[] request) {
        var raw = formKey(token);
        var key = keyHash(raw);
        var kept = jdbc.sql("select 1 from tip_submission where key_hash = ? and receipt is not null")
                .param(key)
                .query(Integer.class)
                .optional();
        return kept.map(found -> earlier(raw, key, request));
    }

    /**
     * A tip through the form, with its checked files, once per form token: {@code request} is
     * {@link #formRequestHash} of what the form sent.
     */
    @Transactional
    Receipt submit(PublicTip tip, String token, byte[] request, List<Uploads.Checked> files) {
        var raw = formKey(token);
        var key = keyHash(raw);
        var now = Instant.now(clock);
        jdbc.sql("delete from tip_submission where created_at < ?")
                .param(Timestamp.from(now.minus(KEPT)))
                .update();
        int inserted = jdbc.sql("""
                insert into tip_submission (key_hash, request_hash, created_at) values (?, ?, ?)
                on conflict (key_hash) do nothing""").params(key, request, Timestamp.from(now)).update();
        if (inserted == 0) {
            return earlier(raw, key, request);
        }
        var round = groups.currentRound();
        Integer groupNumber = null;
        Long roundId = null;
        if (tip.group() != null && round.isPresent()) {
            var group = groups.current().stream()
                    .filter(s -> s.group().number() == tip.group())
                    .findFirst();
            if (group.isPresent()) {
                groupNumber = tip.group();
                roundId = round.get().id().value();
            }
        }
        var accepted = intake.record(
                new NewClue(
                        Channel.WEB,
                        tip.region(),
                        groupNumber,
                        roundId,
                        null,
                        tip.reporter(),
                        tip.reported(),
                        tip.activity(),
                        tip.officials(),
                        tip.circumstances()),
                null);
        for (var file : files) {
            followUp.addFile(accepted.id(), file);
        }
        var code = accepted.receiptCode().value();
        jdbc.sql("update tip_submission set clue_id = ?, serial = ?, receipt = ? where key_hash = ?")
                .params(accepted.id().value(), accepted.serial(), keys.seal(code, keys.sealingKey(raw), key), key)
                .update();
        return new Receipt(accepted.serial(), code, false);
    }

    /** The form's idempotency key: its one-time token (the raw key, never stored). */
    private static String formKey(String token) {
        return "form:" + token;
    }

    /** The stored hash of a raw idempotency key. */
    private static byte[] keyHash(String rawKey) {
        return hash("idempotency:" + rawKey);
    }

    /** A hash of everything a form says and of each file as it was sent (before inspection, which costs). */
    static byte[] formRequestHash(PublicTip tip, List<byte[]> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(requestHash(tip));
        for (var file : files) {
            digest.update(java.nio.ByteBuffer.allocate(8).putLong(file.length).array());
            digest.update(digest(file));
        }
        return digest.digest();
    }

    /** A hash of everything the tip says, each field length-prefixed, so that no two different tips hash alike. */
    static byte[] requestHash(PublicTip tip) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var fields = new java.util.ArrayList<String>();
        fields.add(tip.region());
        fields.add(tip.group() == null ? null : tip.group().toString());
        var reporter = tip.reporter();
        fields.add(reporter == null ? null : "reporter");
        if (reporter != null) {
            fields.addAll(java.util.Arrays.asList(
                    reporter.name(), reporter.phone(), reporter.idNumber(), reporter.address()));
        }
        var activity = tip.activity();
        fields.add(activity.category() == null ? null : activity.category().name());
        fields.add(activity.place());
        fields.add(activity.time());
        fields.add(activity.description());
        for (var persons : java.util.Arrays.asList(tip.reported(), tip.officials())) {
            fields.add(persons == null ? null : Integer.toString(persons.size()));
            if (persons != null) {
                for (var p : persons) {
                    fields.add(p == null ? null : p.name());
                    fields.add(p == null ? null : p.detail());
                }
            }
        }
        var circumstances = tip.circumstances();
        if (circumstances != null && !circumstances.isEmpty()) {
            // Only when given, so that a tip without them hashes as it always did.
            fields.add("circumstances");
            for (var answer : java.util.Arrays.<Enum<?>>asList(
                    circumstances.people(), circumstances.violence(), circumstances.weapons())) {
                fields.add(answer == null ? null : answer.name());
            }
        }
        for (var field : fields) {
            if (field == null) {
                digest.update((byte) 0);
            } else {
                var bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((byte) 1);
                digest.update(
                        java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
        }
        return digest.digest();
    }

    private Receipt earlier(String raw, byte[] key, byte[] request) {
        var row = jdbc.sql("select request_hash, serial, receipt from tip_submission where key_hash = ?")
                .param(key)
                .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getString(2), rs.getBytes(3)})
                .single();
        if (!MessageDigest.isEqual((byte[]) row[0], request)) {
            throw new KeyReused();
        }
        String code;
        try {
            code = keys.open((byte[]) row[2], keys.sealingKey(raw), key);
        } catch (IllegalStateException e) {
            // Kept by a node that sealed receipts the former way (during an upgrade): the tip is in, its code is gone.
            throw new ReceiptGone();
        }
        return new Receipt((String) row[1], code, true);
    }

    private static byte[] hash(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tip was taken in before, but its receipt code can no longer be shown: answered 409 with a sentence. */
    static final class ReceiptGone extends UserFacingException {
        ReceiptGone() {
            super("portal.receipt.gone");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.CONFLICT;
        }
    }

    /** The same key came with different content: a client bug, answered 422 rather than guessed at. */
    static final class KeyReused extends UserFacingException {
        KeyReused() {
            super("portal.idempotency.reused");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
    }
}
