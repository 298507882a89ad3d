package dudao.clues;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.directory.Region;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for web tips: request threads hand their checked, prepared tips to this node's writer threads; a writer
 * takes all the tips waiting at that moment, writes them in one transaction and then answers each request. A batch takes the
 * year's counter row once for all its tips, so serial numbers stay gap-free and unique (across nodes too: the row is
 * locked until the batch commits) while the row is locked once per batch instead of once per tip. A request is
 * answered only after its batch committed; a batch that fails commits nothing, and its requests get the failure (a
 * database that cannot be reached answers 503). Idempotency keys are checked against {@code clue_intake_key} in the
 * same transaction, in a fixed order so that two nodes' batches never deadlock on them; two requests with one key in
 * one batch make one clue, the second getting the first one's receipt.
 */
@Component
class IntakeWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);

    /**
     * Writer threads per node. While one holds the year's counter row (from numbering its batch to its commit), another
     * prepares its own batch (ids, re-review flags, idempotency keys), so the row is never idle waiting on those.
     */
    static final int WRITERS = 2;

    /** Tips written in one transaction at most. */
    static final int MAX_BATCH = 256;

    /**
     * How long a writer that has taken a tip keeps gathering the tips arriving after it, as long as they keep coming
     * (a pause of {@link #GATHER_PAUSE} ends it early). A batch's fixed costs (its statements, its commit, its audit
     * entry) are shared by its tips: taking each tip the moment it came, batches averaged five tips under 32 clients.
     */
    static final Duration GATHER = Duration.ofMillis(4);

    static final Duration GATHER_PAUSE = Duration.ofMillis(1);

    /** Tips waiting at most; beyond that a request is asked to try again (a surge, or the database is slow). */
    static final int QUEUE = 4096;

    /** How long a request waits for its batch to commit before it is asked to try again. */
    static final Duration WAIT = Duration.ofSeconds(30);

    /** How long a key is kept for retries. */
    static final Duration KEPT = Duration.ofDays(1);

    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private static final String INSERT_CLUES = """
            with s as (
              insert into clue_serial (year, last_number) values (?, ?)
              on conflict (year) do update set last_number = clue_serial.last_number + excluded.last_number
              returning last_number),
            t as (
              select u.*, s.last_number - ? + u.n as number
              from s, unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::boolean[],
                             ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                             ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                             ?::boolean[])
                      with ordinality as u(id, at, region_code, region_path, group_number, round_id, anonymous,
                                           has_contact, reporter_key, reporter_name, reporter_phone,
                                           reporter_id_number, reporter_address, phone_index, id_index, receipt_hash,
                                           category, place, activity_time, description, search_text, grams,
                                           officials_named, recheck, n)),
            c as (
              insert into clue (id, serial, serial_year, serial_number, channel, received_at, recorded_at,
                                recorded_by, region_code, region_path, group_number, round_id, anonymous, has_contact,
                                reporter_key, reporter_name, reporter_phone, reporter_id_number, reporter_address,
                                phone_index, id_index, receipt_hash, category, place, activity_time, description,
                                search_text, grams, officials_named, status, recheck, demo)
              select id, '渝扫线〔' || ? || '〕' || lpad(number::text, greatest(5, length(number::text)), '0') || '号',
                     ?, number, 'WEB', at::timestamptz, at::timestamptz, null, region_code, region_path,
                     group_number, round_id, anonymous, has_contact, decode(reporter_key, 'hex'),
                     decode(reporter_name, 'hex'), decode(reporter_phone, 'hex'), decode(reporter_id_number, 'hex'),
                     decode(reporter_address, 'hex'), decode(phone_index, 'hex'), decode(id_index, 'hex'),
                     decode(receipt_hash, 'hex'), category, place, activity_time, description, search_text, grams,
                     officials_named, 'RECEIVED', recheck, false
              from t order by n
              returning id, serial, received_at),
            e as (
              insert into clue_event (clue_id, at, actor, action, note)
              select id, received_at, 'public', 'received', 'WEB' from c order by id),
            p as (
              insert into clue_person (clue_id, kind, name, detail)
              select x.clue_id, x.kind, x.name, x.detail
              from unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) with ordinality as x(clue_id, kind, name,
                                                                                            detail, n)
              join c on c.id = x.clue_id
              order by x.n)
            select id, serial from c""";

    /** A web tip checked and prepared in its request's thread: everything but its number, id and encryption. */
    record Prepared(
            Region region,
            Instant at,
            int year,
            Integer groupNumber,
            Long roundId,
            NewClue.Reporter reporter,
            List<NewClue.Person> reported,
            List<NewClue.Person> officials,
            ActivityCategory category,
            String place,
            String time,
            String description,
            String searchText,
            String grams,
            ReceiptCode receipt,
            byte[] receiptHash,
            byte[] keyHash,
            byte[] requestHash,
            byte[] sealingSecret,
            NewClue.Circumstances circumstances) {

        @Override
        public String toString() {
            return "Prepared[region=" + region.code() + "]";
        }
    }

    private record Pending(Prepared tip, CompletableFuture<ClueIntake.WebIntake> done) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ClueKeys keys;
    private final ClueProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    private Instant purged = Instant.EPOCH;

    IntakeWriter(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ClueKeys keys,
            ClueProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.keys = keys;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues the tip and waits until the batch it went into has committed. */
    ClueIntake.WebIntake write(Prepared tip) {
        if (!running) {
            throw new ClueIntake.Busy("The intake writer is not running");
        }
        var pending = new Pending(tip, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new ClueIntake.Busy("The intake queue is full");
        }
        try {
            return pending.done().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            // Not answered: if the writer has not taken it yet it never will; if it has, a retry with the key replays.
            pending.done().cancel(false);
            throw new ClueIntake.Busy("The tip was not written in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.done().cancel(false);
            throw new ClueIntake.Busy("Interrupted while waiting for the intake writer");
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 1; i <= WRITERS; i++) {
            var thread = new Thread(this::run, "clue-intake-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    @Override
    public void stop() {
        List<Thread> writers;
        synchronized (this) {
            running = false;
            writers = List.copyOf(threads);
            threads.clear();
        }
        for (var writer : writers) {
            try {
                writer.join(WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new ClueIntake.Busy("The node is shutting down"));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops in a later phase) has stopped taking requests. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void run() {
        var batch = new ArrayList<Pending>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    gather(batch);
                    batch.removeIf(p -> p.done().isDone());
                    if (!batch.isEmpty()) {
                        writeBatch(batch);
                    }
                }
                purge();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                for (var p : batch) {
                    p.done().completeExceptionally(e);
                }
                log.error("The intake writer failed a batch", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void gather(List<Pending> batch) throws InterruptedException {
        long until = System.nanoTime() + GATHER.toNanos();
        queue.drainTo(batch, MAX_BATCH - batch.size());
        while (batch.size() < MAX_BATCH) {
            long left = Math.min(until - System.nanoTime(), GATHER_PAUSE.toNanos());
            if (left <= 0) {
                return;
            }
            var next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void writeBatch(List<Pending> batch) {
        // One tip per key in a batch: a second request with a key already in it gets the first one's answer.
        var leaders = new LinkedHashMap<Object, Pending>();
        var followers = new ArrayList<Pending[]>();
        for (var p : batch) {
            if (p.tip().keyHash() == null) {
                leaders.put(new Object(), p);
            } else {
                var leader = leaders.putIfAbsent(ByteBuffer.wrap(p.tip().keyHash()), p);
                if (leader != null) {
                    followers.add(new Pending[] {p, leader});
                }
            }
        }
        var unique = new ArrayList<>(leaders.values());
        try {
            complete(attempt(unique));
        } catch (RuntimeException e) {
            if (unique.size() > 1 && !unreachable(e)) {
                // One tip the database refuses must not sink the others: each is tried again on its own.
                log.warn("A batch of {} web tips failed ({}); writing them one by one", unique.size(), e.toString());
                for (var p : unique) {
                    try {
                        complete(attempt(List.of(p)));
                    } catch (RuntimeException single) {
                        p.done().completeExceptionally(single);
                    }
                }
            } else {
                for (var p : unique) {
                    p.done().completeExceptionally(e);
                }
            }
        }
        for (var pair : followers) {
            var follower = pair[0];
            pair[1].done().whenComplete((answer, failure) -> {
                if (failure != null) {
                    follower.done().completeExceptionally(failure);
                } else if (!MessageDigest.isEqual(
                        follower.tip().requestHash(), pair[1].tip().requestHash())) {
                    follower.done().completeExceptionally(new ClueIntake.KeyReused());
                } else {
                    follower.done().complete(new ClueIntake.WebIntake(answer.intake(), true));
                }
            });
        }
    }

    private static void complete(Map<Pending, Object> outcomes) {
        outcomes.forEach((p, outcome) -> {
            if (outcome instanceof ClueIntake.WebIntake answer) {
                p.done().complete(answer);
            } else {
                p.done().completeExceptionally((RuntimeException) outcome);
            }
        });
    }

    private Map<Pending, Object> attempt(List<Pending> tips) {
        return transactions.execute(status ->
                jdbc.execute((ConnectionCallback<Map<Pending, Object>>) connection -> writeAll(connection, tips)));
    }

    private Map<Pending, Object> writeAll(Connection con, List<Pending> tips) throws SQLException {
        var out = new IdentityHashMap<Pending, Object>();
        var ids = new IdentityHashMap<Pending, Long>();
        var recheckOf = new IdentityHashMap<Pending, Boolean>();
        idsAndRechecks(con, tips, ids, recheckOf);
        var now = Instant.now(clock);
        var keyed = tips.stream()
                .filter(p -> p.tip().keyHash() != null)
                .sorted(Comparator.comparing(p -> p.tip().keyHash(), Arrays::compareUnsigned))
                .toList();
        if (!keyed.isEmpty()) {
            int[] inserted;
            try (var ps = con.prepareStatement("""
                    insert into clue_intake_key (key_hash, request_hash, created_at, clue_id, receipt)
                    values (?, ?, ?, ?, ?) on conflict (key_hash) do nothing""")) {
                for (var p : keyed) {
                    var tip = p.tip();
                    ps.setBytes(1, tip.keyHash());
                    ps.setBytes(2, tip.requestHash());
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setLong(4, ids.get(p));
                    ps.setBytes(5, keys.sealReceipt(tip.receipt(), tip.sealingSecret(), tip.keyHash()));
                    ps.addBatch();
                }
                inserted = ps.executeBatch();
            }
            for (int i = 0; i < keyed.size(); i++) {
                if (inserted[i] == 0) {
                    out.put(keyed.get(i), earlier(con, keyed.get(i).tip()));
                } else if (inserted[i] != 1) {
                    throw new IllegalStateException("The JDBC driver did not count the idempotency keys inserted");
                }
            }
        }
        var fresh = tips.stream().filter(p -> !out.containsKey(p)).toList();
        if (fresh.isEmpty()) {
            return out;
        }
        // One audit entry for the batch, naming every clue it took in; written first because the year's counter row is
        // locked from numbering to commit, and only the numbering statement and the commit should happen meanwhile.
        // (Each clue's serial is on the clue; its own timeline records its receipt.)
        var idList = new StringBuilder();
        var regions = new java.util.TreeSet<String>();
        int named = 0;
        for (var p : fresh) {
            idList.append(idList.isEmpty() ? "" : ",").append(ids.get(p));
            regions.add(p.tip().region().code().value());
            named += p.tip().officials().isEmpty() ? 0 : 1;
        }
        audit.record(
                "clue-intake",
                "clue",
                fresh.size() == 1 ? ids.get(fresh.get(0)) : null,
                Outcome.SUCCESS,
                "channel=WEB tips=" + fresh.size() + " regions=" + String.join(",", regions)
                        + (named == 0 ? "" : " officials-named=" + named) + " ids=" + idList);
        ClueIntake.insertCircumstances(
                con,
                fresh.stream().map(p -> ids.get(p)).toList(),
                fresh.stream().map(p -> p.tip().circumstances()).toList());
        var byYear = new TreeMap<Integer, List<Pending>>();
        for (var p : fresh) {
            byYear.computeIfAbsent(p.tip().year(), y -> new ArrayList<>()).add(p);
        }
        for (var year : byYear.values()) {
            insertClues(con, year, ids, recheckOf, out);
        }
        return out;
    }

    /**
     * The tips of one year, with their timeline entries and named persons, in one statement: it takes the year's
     * counter row for all of them (the row stays locked until the batch commits, so a rolled-back batch gives its
     * numbers back), numbers the tips in the order they came and inserts them.
     */
    private void insertClues(
            Connection con,
            List<Pending> tips,
            Map<Pending, Long> ids,
            Map<Pending, Boolean> recheckOf,
            Map<Pending, Object> out)
            throws SQLException {
        int n = tips.size();
        int year = tips.get(0).tip().year();
        var id = new Long[n];
        var at = new String[n];
        var regionCode = new String[n];
        var regionPath = new String[n];
        var groupNumber = new Integer[n];
        var roundId = new Long[n];
        var anonymous = new Boolean[n];
        var hasContact = new Boolean[n];
        var sealed = new String[7][n];
        var receiptHash = new String[n];
        var category = new String[n];
        var place = new String[n];
        var time = new String[n];
        var description = new String[n];
        var searchText = new String[n];
        var grams = new String[n];
        var officialsNamed = new Boolean[n];
        var recheck = new Boolean[n];
        var personClue = new ArrayList<Long>();
        var personKind = new ArrayList<String>();
        var personName = new ArrayList<String>();
        var personDetail = new ArrayList<String>();
        var hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            var p = tips.get(i);
            var tip = p.tip();
            long clue = ids.get(p);
            id[i] = clue;
            at[i] = tip.at().toString();
            regionCode[i] = tip.region().code().value();
            regionPath[i] = tip.region().path();
            groupNumber[i] = tip.groupNumber();
            roundId[i] = tip.roundId();
            var reporter = tip.reporter();
            anonymous[i] = reporter == null || ClueIntake.blankToNull(reporter.name()) == null;
            hasContact[i] = reporter != null && reporter.reachable();
            if (reporter != null) {
                var dataKey = keys.newDataKey();
                var columns = new byte[][] {
                    keys.wrap(dataKey, clue),
                    keys.encrypt(dataKey, clue, "reporter_name", ClueIntake.blankToNull(reporter.name())),
                    keys.encrypt(dataKey, clue, "reporter_phone", ClueIntake.blankToNull(reporter.phone())),
                    keys.encrypt(dataKey, clue, "reporter_id_number", ClueIntake.blankToNull(reporter.idNumber())),
                    keys.encrypt(dataKey, clue, "reporter_address", ClueIntake.blankToNull(reporter.address())),
                    keys.blindIndex("phone", ClueKeys.normalisePhone(reporter.phone())),
                    keys.blindIndex("id", ClueKeys.normaliseIdNumber(reporter.idNumber()))
                };
                for (int c = 0; c < columns.length; c++) {
                    sealed[c][i] = columns[c] == null ? null : hex.formatHex(columns[c]);
                }
            }
            receiptHash[i] = hex.formatHex(tip.receiptHash());
            category[i] = tip.category().name();
            place[i] = tip.place();
            time[i] = tip.time();
            description[i] = tip.description();
            searchText[i] = tip.searchText();
            grams[i] = tip.grams();
            officialsNamed[i] = !tip.officials().isEmpty();
            recheck[i] = recheckOf.get(p);
            for (var x : tip.reported()) {
                personClue.add(clue);
                personKind.add("REPORTED");
                personName.add(x.name());
                personDetail.add(x.detail() == null ? "" : x.detail());
            }
            for (var x : tip.officials()) {
                personClue.add(clue);
                personKind.add("OFFICIAL");
                personName.add(x.name());
                personDetail.add(x.detail() == null ? "" : x.detail());
            }
        }
        var serials = new java.util.HashMap<Long, String>();
        try (var ps = con.prepareStatement(INSERT_CLUES)) {
            int i = 1;
            ps.setInt(i++, year);
            ps.setInt(i++, n);
            ps.setInt(i++, n);
            ps.setArray(i++, con.createArrayOf("int8", id));
            ps.setArray(i++, con.createArrayOf("text", at));
            ps.setArray(i++, con.createArrayOf("text", regionCode));
            ps.setArray(i++, con.createArrayOf("text", regionPath));
            ps.setArray(i++, con.createArrayOf("int4", groupNumber));
            ps.setArray(i++, con.createArrayOf("int8", roundId));
            ps.setArray(i++, con.createArrayOf("bool", anonymous));
            ps.setArray(i++, con.createArrayOf("bool", hasContact));
            for (var column : sealed) {
                ps.setArray(i++, con.createArrayOf("text", column));
            }
            ps.setArray(i++, con.createArrayOf("text", receiptHash));
            ps.setArray(i++, con.createArrayOf("text", category));
            ps.setArray(i++, con.createArrayOf("text", place));
            ps.setArray(i++, con.createArrayOf("text", time));
            ps.setArray(i++, con.createArrayOf("text", description));
            ps.setArray(i++, con.createArrayOf("text", searchText));
            ps.setArray(i++, con.createArrayOf("text", grams));
            ps.setArray(i++, con.createArrayOf("bool", officialsNamed));
            ps.setArray(i++, con.createArrayOf("bool", recheck));
            ps.setInt(i++, year);
            ps.setInt(i++, year);
            ps.setArray(i++, con.createArrayOf("int8", personClue.toArray(Long[]::new)));
            ps.setArray(i++, con.createArrayOf("text", personKind.toArray(String[]::new)));
            ps.setArray(i++, con.createArrayOf("text", personName.toArray(String[]::new)));
            ps.setArray(i, con.createArrayOf("text", personDetail.toArray(String[]::new)));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    serials.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        if (serials.size() != n) {
            throw new IllegalStateException("The intake statement wrote " + serials.size() + " of " + n + " tips");
        }
        for (var p : tips) {
            long clue = ids.get(p);
            out.put(
                    p,
                    new ClueIntake.WebIntake(
                            new Intake(
                                    new ClueId(clue), serials.get(clue), p.tip().receipt()),
                            false));
        }
    }

    /** The answer an earlier tip with the key got, or the refusal of a key reused for other content. */
    private Object earlier(Connection con, Prepared tip) throws SQLException {
        try (var ps = con.prepareStatement("""
                select k.request_hash, k.receipt, c.id, c.serial
                from clue_intake_key k join clue c on c.id = k.clue_id where k.key_hash = ?""")) {
            ps.setBytes(1, tip.keyHash());
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("An idempotency key conflicted but its row cannot be read");
                }
                if (!MessageDigest.isEqual(rs.getBytes(1), tip.requestHash())) {
                    return new ClueIntake.KeyReused();
                }
                ReceiptCode receipt;
                try {
                    receipt = keys.openReceipt(rs.getBytes(2), tip.sealingSecret(), tip.keyHash());
                } catch (IllegalStateException | IllegalArgumentException unreadable) {
                    return new ClueIntake.ReceiptGone(unreadable);
                }
                return new ClueIntake.WebIntake(new Intake(new ClueId(rs.getLong(3)), rs.getString(4), receipt), true);
            }
        }
    }

    /**
     * Fresh ids for the tips and which of them repeat one of their district's tips closed as untrue (flagged for
     * re-review: the same test as a single intake's, over the district's untrue tips only), in one query.
     */
    private void idsAndRechecks(
            Connection con, List<Pending> tips, Map<Pending, Long> ids, Map<Pending, Boolean> recheck)
            throws SQLException {
        var paths = new String[tips.size()];
        var descriptions = new String[tips.size()];
        var grams = new String[tips.size()];
        for (int i = 0; i < tips.size(); i++) {
            var tip = tips.get(i).tip();
            paths[i] = tip.region().path();
            descriptions[i] = tip.description();
            grams[i] = tip.grams();
            recheck.put(tips.get(i), false);
        }
        try (var ps = con.prepareStatement("""
                select array(select nextval('clue_id_seq') from generate_series(1, ?)),
                       array(with untrue as materialized (
                               select region_path, description, grams from clue
                               where status = 'CLOSED' and result = 'UNTRUE' and region_path = any(?))
                             select u.i from unnest(?::text[], ?::text[], ?::text[])
                                               with ordinality as u(path, description, grams, i)
                             where exists (select 1 from untrue c where c.region_path = u.path
                                           and similarity(c.description, u.description) >= ?
                                           and similarity(c.grams, u.grams) >= ?))""")) {
            var pathArray = con.createArrayOf("text", paths);
            ps.setInt(1, tips.size());
            ps.setArray(2, pathArray);
            ps.setArray(3, pathArray);
            ps.setArray(4, con.createArrayOf("text", descriptions));
            ps.setArray(5, con.createArrayOf("text", grams));
            ps.setDouble(6, properties.candidateSimilarity());
            ps.setDouble(7, properties.similarity());
            try (var rs = ps.executeQuery()) {
                rs.next();
                var fresh = (Long[]) rs.getArray(1).getArray();
                for (int i = 0; i < tips.size(); i++) {
                    ids.put(tips.get(i), fresh[i]);
                }
                for (var i : (Long[]) rs.getArray(2).getArray()) {
                    recheck.put(tips.get(i.intValue() - 1), true);
                }
            }
        }
    }

    /** Keys older than a day are forgotten (their clues stay). */
    private synchronized void purge() {
        var now = Instant.now(clock);
        if (Duration.between(purged, now).compareTo(PURGE_EVERY) < 0) {
            return;
        }
        purged = now;
        try {
            jdbc.update("delete from clue_intake_key where created_at < ?", Timestamp.from(now.minus(KEPT)));
        } catch (RuntimeException e) {
            log.debug("Purging old idempotency keys failed; trying again later: {}", e.toString());
        }
    }

    /** Whether the failure means the database cannot be reached: no point trying tip by tip then. */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransactionSystemException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
