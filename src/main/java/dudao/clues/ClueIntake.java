package dudao.clues;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.directory.Region;
import dudao.directory.RegionCode;
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.platform.BadInput;
import dudao.platform.PlainText;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes clues in from every channel: staff entering hotline calls, letters, walk-ins, sweep findings and transfers,
 * and (through the public portal) web tips. One transaction gives the clue its serial number, its receipt code and
 * its encrypted reporter identity, so a tip acknowledged with a receipt code is never lost and a failed intake uses up
 * no number.
 */
@Service
public class ClueIntake {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    // China keeps one offset all year (no daylight saving since 1991): the year of a web tip without a zone lookup.
    private static final java.time.ZoneOffset CHINA_OFFSET = java.time.ZoneOffset.ofHours(8);
    static final List<String> UNKNOWN_NAMES = List.of("不清楚", "不知道", "未知", "unknown");

    private final JdbcClient jdbc;
    private final Regions regions;
    private final ClueKeys keys;
    private final ClueStore store;
    private final ClueProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final IntakeWriter writer;
    // Regions change rarely (a directory import); web tips look theirs up here instead of in the database each time.
    private final Cache<RegionCode, Optional<Region>> regionCache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    /** For the demo data, which records staff clues on its own clock and takes no web tips. */
    ClueIntake(
            JdbcClient jdbc,
            Regions regions,
            ClueKeys keys,
            ClueStore store,
            ClueProperties properties,
            AuditTrail audit,
            Clock clock) {
        this(jdbc, regions, keys, store, properties, audit, clock, null);
    }

    @Autowired
    ClueIntake(
            JdbcClient jdbc,
            Regions regions,
            ClueKeys keys,
            ClueStore store,
            ClueProperties properties,
            AuditTrail audit,
            Clock clock,
            IntakeWriter writer) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.keys = keys;
        this.store = store;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.writer = writer;
    }

    /** What a web tip's intake answers; {@code replayed} when an earlier tip with the same key got this receipt. */
    public record WebIntake(Intake intake, boolean replayed) {}

    /** The same idempotency key came with other content. */
    public static final class KeyReused extends RuntimeException {
        KeyReused() {
            super("An idempotency key was used again for another tip");
        }
    }

    /**
     * A retry of a tip taken in before, whose kept receipt cannot be opened with what the retry brought (a copy sealed
     * by an older node, or damaged): the tip exists, its receipt code cannot be shown again.
     */
    public static final class ReceiptGone extends RuntimeException {
        ReceiptGone(Throwable cause) {
            super("The kept receipt of an earlier submission cannot be opened", cause);
        }
    }

    /** The intake writer's queue is full (a surge beyond what the node takes in): the tip was not taken. */
    public static final class Busy extends RuntimeException {
        Busy(String why) {
            super(why);
        }
    }

    /**
     * Takes in a web tip from the public portal (no attachments) through the batching intake writer: the request's
     * thread checks and prepares the tip, the writer writes it with the other tips waiting at that moment in one
     * transaction, and this returns once that transaction has committed. With an idempotency key (a hash, never the
     * key itself), a retry gets the first tip's receipt, across batches and nodes; the same key with another request
     * hash is refused with {@link KeyReused}. The receipt kept for retries is sealed with {@code sealingSecret}, which
     * the caller derives from the raw key and which is stored nowhere (required with a key).
     */
    public WebIntake recordWebTip(NewClue clue, byte[] idempotencyKey, byte[] requestHash, byte[] sealingSecret) {
        if (clue.channel() != Channel.WEB || writer == null) {
            throw new BadInput("channel", "clue.channel.staffOnly");
        }
        if (idempotencyKey != null && (sealingSecret == null || sealingSecret.length < 16)) {
            throw new IllegalArgumentException("A keyed web tip needs the secret that seals its kept receipt");
        }
        requirePlainText(clue);
        var region = webDistrict(clue.region());
        var now = Instant.now(clock);
        var reported = named(clue.reported());
        var officials = named(clue.officials());
        var reporter = clue.reporter() == null || clue.reporter().isEmpty() ? null : clue.reporter();
        var activity = clue.activity();
        var receipt = ReceiptCode.random();
        var tip = new IntakeWriter.Prepared(
                region,
                now,
                now.atOffset(CHINA_OFFSET).getYear(),
                clue.groupNumber(),
                clue.roundId(),
                reporter,
                reported,
                officials,
                activity.category(),
                activity.place().trim(),
                activity.time().trim(),
                activity.description().trim(),
                searchText(activity, reported, officials),
                Grams.of(activity.description()),
                receipt,
                keys.receiptHash(receipt),
                idempotencyKey,
                requestHash,
                sealingSecret,
                clue.circumstances());
        return writer.write(tip);
    }

    /**
     * Refuses a clue with a control character in any of its texts (callers validate {@link NewClue} first; this is
     * the last check before PostgreSQL, which refuses a NUL in text and would fail a web tip's whole batch with it).
     */
    static void requirePlainText(NewClue clue) {
        var texts = new java.util.LinkedHashMap<String, String>();
        texts.put("region", clue.region());
        if (clue.reporter() != null) {
            texts.put("reporter.name", clue.reporter().name());
            texts.put("reporter.phone", clue.reporter().phone());
            texts.put("reporter.idNumber", clue.reporter().idNumber());
            texts.put("reporter.address", clue.reporter().address());
        }
        if (clue.activity() != null) {
            texts.put("activity.place", clue.activity().place());
            texts.put("activity.time", clue.activity().time());
            texts.put("activity.description", clue.activity().description());
        }
        for (int i = 0; i < clue.reported().size(); i++) {
            var p = clue.reported().get(i);
            texts.put("reported[" + i + "].name", p == null ? null : p.name());
            texts.put("reported[" + i + "].detail", p == null ? null : p.detail());
        }
        for (int i = 0; i < clue.officials().size(); i++) {
            var p = clue.officials().get(i);
            texts.put("officials[" + i + "].name", p == null ? null : p.name());
            texts.put("officials[" + i + "].detail", p == null ? null : p.detail());
        }
        texts.forEach((field, text) -> {
            if (!PlainText.Check.isPlain(text)) {
                throw new BadInput(field, "validation.controlCharacters");
            }
        });
    }

    private Region webDistrict(String code) {
        RegionCode regionCode;
        try {
            regionCode = new RegionCode(code.trim());
        } catch (BadInput e) {
            throw new BadInput("region", "clue.region.unknown");
        }
        var region = regionCache
                .get(regionCode, regions::find)
                .orElseThrow(() -> new BadInput("region", "clue.region.unknown"));
        if (region.level() == RegionLevel.CITY) {
            throw new BadInput("region", "clue.region.notDistrict");
        }
        if (region.level() == RegionLevel.DISTRICT) {
            return region;
        }
        return regionCache.get(region.district(), regions::find).orElseThrow();
    }

    static String searchText(NewClue.Activity activity, List<NewClue.Person> reported, List<NewClue.Person> officials) {
        return String.join(
                " ",
                Stream.concat(
                                Stream.of(
                                        activity.description().trim(),
                                        activity.place().trim()),
                                Stream.concat(reported.stream(), officials.stream())
                                        .flatMap(p -> Stream.of(p.name(), p.detail())))
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
    }

    /**
     * Records a clue entered by a staff member, who may record only clues about places inside their jurisdiction, or
     * (with {@code by} null) a web tip from the public portal.
     */
    @Transactional
    public Intake record(NewClue clue, Staff by) {
        return record(clue, by, false);
    }

    @Transactional
    Intake record(NewClue clue, Staff by, boolean demo) {
        if (by == null && clue.channel() != Channel.WEB) {
            throw new BadInput("channel", "clue.channel.staffOnly");
        }
        if (by != null && clue.channel() == Channel.WEB) {
            throw new BadInput("channel", "clue.channel.webIsPublic");
        }
        requirePlainText(clue);
        var region = district(clue.region(), by);
        var now = Instant.now(clock);
        var received = clue.receivedAt() == null ? now : clue.receivedAt().toInstant();
        if (received.isAfter(now.plusSeconds(300))) {
            throw new BadInput("receivedAt", "clue.receivedAt.future");
        }
        var reported = named(clue.reported());
        var officials = named(clue.officials());
        var reporter = clue.reporter() == null || clue.reporter().isEmpty() ? null : clue.reporter();

        long id = jdbc.sql("select nextval('clue_id_seq')").query(Long.class).single();
        var receipt = ReceiptCode.random();

        byte[] wrapped = null;
        byte[] name = null;
        byte[] phone = null;
        byte[] idNumber = null;
        byte[] address = null;
        byte[] phoneIndex = null;
        byte[] idIndex = null;
        if (reporter != null) {
            var dataKey = keys.newDataKey();
            wrapped = keys.wrap(dataKey, id);
            name = keys.encrypt(dataKey, id, "reporter_name", blankToNull(reporter.name()));
            phone = keys.encrypt(dataKey, id, "reporter_phone", blankToNull(reporter.phone()));
            idNumber = keys.encrypt(dataKey, id, "reporter_id_number", blankToNull(reporter.idNumber()));
            address = keys.encrypt(dataKey, id, "reporter_address", blankToNull(reporter.address()));
            phoneIndex = keys.blindIndex("phone", ClueKeys.normalisePhone(reporter.phone()));
            idIndex = keys.blindIndex("id", ClueKeys.normaliseIdNumber(reporter.idNumber()));
        }
        var activity = clue.activity();
        var searchText = searchText(activity, reported, officials);
        var grams = Grams.of(activity.description());
        boolean recheck =
                closedAsUntrueBefore(region.path(), activity.description().trim(), grams);
        // The year's counter row stays locked until this transaction commits (that is what keeps serials gap-free),
        // so it is taken as late as possible: after the similarity check and the encryption, right before the writes.
        int year = received.atZone(CHINA).getYear();
        int number = jdbc.sql("""
                insert into clue_serial (year, last_number) values (?, 1)
                on conflict (year) do update set last_number = clue_serial.last_number + 1
                returning last_number""").param(year).query(Integer.class).single();
        var serial = "渝扫线〔" + year + "〕" + String.format("%05d", number) + "号";
        jdbc.sql("""
                insert into clue (id, serial, serial_year, serial_number, channel, received_at, recorded_at,
                                  recorded_by, region_code, region_path, group_number, round_id, anonymous,
                                  has_contact, reporter_key, reporter_name, reporter_phone, reporter_id_number,
                                  reporter_address, phone_index, id_index, receipt_hash, category, place,
                                  activity_time, description, search_text, grams, officials_named, status, recheck,
                                  demo)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        serial,
                        year,
                        number,
                        clue.channel().name(),
                        Timestamp.from(received),
                        Timestamp.from(now),
                        by == null ? null : by.username(),
                        region.code().value(),
                        region.path(),
                        clue.groupNumber(),
                        clue.roundId(),
                        reporter == null || blankToNull(reporter.name()) == null,
                        reporter != null && reporter.reachable(),
                        wrapped,
                        name,
                        phone,
                        idNumber,
                        address,
                        phoneIndex,
                        idIndex,
                        keys.receiptHash(receipt),
                        activity.category().name(),
                        activity.place().trim(),
                        activity.time().trim(),
                        activity.description().trim(),
                        searchText,
                        grams,
                        !officials.isEmpty(),
                        ClueStatus.RECEIVED.name(),
                        recheck,
                        demo)
                .update();
        for (var p : reported) {
            person(id, "REPORTED", p);
        }
        for (var p : officials) {
            person(id, "OFFICIAL", p);
        }
        if (clue.circumstances() != null) {
            var c = clue.circumstances();
            jdbc.sql("insert into clue_circumstances (clue_id, people, violence, weapons) values (?, ?, ?, ?)")
                    .params(id, name(c.people()), name(c.violence()), name(c.weapons()))
                    .update();
        }
        var actor = by == null ? "public" : by.username();
        store.event(new ClueId(id), now, actor, "received", clue.channel().name());
        audit.record(
                "clue-intake",
                "clue",
                id,
                Outcome.SUCCESS,
                "serial=" + serial + " channel=" + clue.channel() + " region=" + region.code()
                        + (officials.isEmpty() ? "" : " officials-named"));
        return new Intake(new ClueId(id), serial, receipt);
    }

    /** The web tips' answers to the choice questions, in one batch (the intake writer's transaction). */
    static void insertCircumstances(java.sql.Connection con, List<Long> ids, List<NewClue.Circumstances> answers)
            throws java.sql.SQLException {
        if (answers.stream().allMatch(java.util.Objects::isNull)) {
            return;
        }
        try (var ps = con.prepareStatement(
                "insert into clue_circumstances (clue_id, people, violence, weapons) values (?, ?, ?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                var c = answers.get(i);
                if (c != null) {
                    ps.setLong(1, ids.get(i));
                    ps.setString(2, name(c.people()));
                    ps.setString(3, name(c.violence()));
                    ps.setString(4, name(c.weapons()));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The clue a receipt code belongs to, for the reporter following it (the public portal). */
    @Transactional(readOnly = true)
    public Optional<ClueId> byReceipt(String typed) {
        if (!ReceiptCode.looksLike(typed)) {
            return Optional.empty();
        }
        var code = new ReceiptCode(typed.replaceAll("[\\s-]", ""));
        return jdbc.sql("select id from clue where receipt_hash = ?")
                .param(keys.receiptHash(code))
                .query(Long.class)
                .optional()
                .map(ClueId::new);
    }

    /**
     * The reporter following a tip with the receipt code (the public portal): unknown and malformed codes answer
     * alike. A merged tip is followed through the clue it was merged into.
     */
    @Transactional(readOnly = true)
    public Optional<FollowUp> follow(String typedCode) {
        return byReceipt(typedCode)
                .flatMap(id -> jdbc.sql("""
                        select c.serial, c.received_at, coalesce(m.status, c.status) as status,
                               coalesce(m.id, c.id) as followed
                        from clue c left join clue m on m.id = c.merged_into where c.id = ?""")
                        .param(id.value())
                        .query((rs, n) -> new FollowUp(
                                rs.getString("serial"),
                                rs.getTimestamp("received_at").toInstant(),
                                FollowUp.of(ClueStatus.valueOf(rs.getString("status"))),
                                jdbc.sql("select at, body from clue_message where clue_id in (?, ?) order by at, id")
                                        .params(id.value(), rs.getLong("followed"))
                                        .query((r, k) -> new ClueDetail.Message(
                                                r.getTimestamp(1).toInstant(), null, r.getString(2)))
                                        .list()))
                        .optional());
    }

    private Region district(String code, Staff by) {
        RegionCode regionCode;
        try {
            regionCode = new RegionCode(code.trim());
        } catch (BadInput e) {
            throw new BadInput("region", "clue.region.unknown");
        }
        var region = (by == null
                        ? regions.find(regionCode)
                        : regions.find(regionCode).filter(r -> by.jurisdiction().contains(r)))
                .orElseThrow(() -> new BadInput("region", "clue.region.unknown"));
        if (region.level() == RegionLevel.CITY) {
            throw new BadInput("region", "clue.region.notDistrict");
        }
        if (region.level() == RegionLevel.DISTRICT) {
            return region;
        }
        return regions.find(region.district()).orElseThrow();
    }

    /** A tip reported again after it was closed as untrue is flagged for re-review. */
    private boolean closedAsUntrueBefore(String districtPath, String description, String grams) {
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
                .param(String.valueOf(properties.candidateSimilarity()))
                .query()
                .singleRow();
        return jdbc.sql("""
                select exists (select 1 from clue c where c.region_path = ? and c.status = 'CLOSED'
                               and c.result = 'UNTRUE' and c.description % ? and similarity(c.grams, ?) >= ?)""")
                .params(districtPath, description, grams, properties.similarity())
                .query(Boolean.class)
                .single();
    }

    private void person(long clueId, String kind, NewClue.Person p) {
        jdbc.sql("insert into clue_person (clue_id, kind, name, detail) values (?, ?, ?, ?)")
                .params(clueId, kind, p.name(), p.detail() == null ? "" : p.detail())
                .update();
    }

    static List<NewClue.Person> named(List<NewClue.Person> persons) {
        var out = new ArrayList<NewClue.Person>();
        for (var p : persons) {
            if (p != null && p.name() != null && !p.name().isBlank()) {
                out.add(new NewClue.Person(
                        p.name().trim(), p.detail() == null ? "" : p.detail().trim()));
            }
        }
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
