package dudao.audit;

import dudao.platform.Actor;
import dudao.platform.Paged;
import dudao.platform.RequestIdFilter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to and reads the audit trail. An entry is written in the transaction of the change it records, so a change
 * that rolls back leaves no entry and an entry never describes a change that did not happen. Writing takes no lock:
 * when the transaction commits, the trail's chainer thread is woken and chains every committed entry — the next
 * gap-free seq and its MAC — holding an advisory lock for one short batch, so concurrent writers never wait for each
 * other's commits. (Chaining on the committing thread would need a second connection while the first is still held,
 * and under load every thread would wait for a connection nobody frees.) A background pass chains whatever a crash
 * left unchained.
 */
@Service
public class AuditTrail {

    static final long CHAIN_LOCK = 0x6475_6461_6f41L;
    static final int BATCH = 500;
    private static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;
    private final AuditKey key;
    private final Clock clock;
    private final TransactionTemplate chaining;
    private final ExecutorService chainer = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "audit-chain");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean chainRequested = new AtomicBoolean();

    AuditTrail(JdbcClient jdbc, AuditKey key, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
        this.chaining = new TransactionTemplate(transactions);
        this.chaining.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an action of the signed-in person (or "system" outside a request). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String objectType, Object objectId, Outcome outcome, String details) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            append(
                    actor.username(),
                    actor.roleCode(),
                    actor.regionCode(),
                    action,
                    objectType,
                    objectId,
                    outcome,
                    details);
        } else {
            append("system", null, null, action, objectType, objectId, outcome, details);
        }
    }

    /** Records an action of someone not (yet) signed in, such as a failed sign-in under a given user name. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, String role, String region, String action, Outcome outcome, String details) {
        append(actor, role, region, action, "account", actor, outcome, details);
    }

    private void append(
            String actor,
            String role,
            String region,
            String action,
            String objectType,
            Object objectId,
            Outcome outcome,
            String details) {
        jdbc.sql("""
                insert into audit_entry (at, actor, role, region, action, object_type, object_id, outcome,
                                         request_id, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)),
                        clip(actor, 128),
                        role,
                        region,
                        action,
                        objectType,
                        objectId == null ? null : objectId.toString(),
                        outcome.name(),
                        RequestIdFilter.current(),
                        clip(details, MAX_DETAILS))
                .update();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            requestChaining();
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    requestChaining();
                }
            });
        }
    }

    /** Wakes the chainer thread; requests while a run is pending are folded into it. */
    void requestChaining() {
        if (chainRequested.compareAndSet(false, true)) {
            try {
                chainer.execute(() -> {
                    chainRequested.set(false);
                    try {
                        chainPending();
                    } catch (RuntimeException e) {
                        // The background pass retries within seconds; nothing is lost, the entries are committed.
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                chainRequested.set(false);
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stopChaining() throws InterruptedException {
        chainer.shutdown();
        chainer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Gives every committed, unchained entry its seq and MAC, oldest first, in batches; returns how many it chained.
     * Safe to call from any thread and any node: one chainer at a time holds the chain's advisory lock.
     */
    public long chainPending() {
        long chained = 0;
        while (true) {
            Long done = chaining.execute(status -> chainBatch());
            if (done == null || done == 0) {
                return chained;
            }
            chained += done;
        }
    }

    private long chainBatch() {
        if (!jdbc.sql("select exists (select 1 from audit_entry where seq is null)")
                .query(Boolean.class)
                .single()) {
            return 0;
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        var head = jdbc.sql("select seq, mac from audit_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
                .optional();
        long seq = head.map(h -> (Long) h[0]).orElse(0L);
        byte[] previous = head.map(h -> (byte[]) h[1]).orElse(null);
        var pending = jdbc.sql("select * from audit_entry where seq is null order by id limit ?")
                .param(BATCH)
                .query((rs, n) -> new Object[] {rs.getLong("id"), map(rs)})
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        for (var row : pending) {
            var entry = (AuditEntry) row[1];
            seq++;
            var chained = new AuditEntry(
                    seq,
                    entry.at(),
                    entry.actor(),
                    entry.role(),
                    entry.region(),
                    entry.action(),
                    entry.objectType(),
                    entry.objectId(),
                    entry.outcome(),
                    entry.requestId(),
                    entry.details());
            var mac = key.mac(previous, chained.canonical());
            jdbc.sql("update audit_entry set seq = ?, mac = ? where id = ?")
                    .params(seq, mac, row[0])
                    .update();
            previous = mac;
        }
        jdbc.sql("""
                insert into audit_head (id, seq, mac) values (1, ?, ?)
                on conflict (id) do update set seq = excluded.seq, mac = excluded.mac""").params(seq, previous).update();
        return pending.size();
    }

    /**
     * Recomputes the whole chain, after chaining what has just committed. An entry changed or deleted directly in the
     * database, or an entry inserted out of the chain, makes the first affected entry the answer.
     */
    public Verification verify() {
        chainPending();
        var reading = new TransactionTemplate(chaining.getTransactionManager());
        reading.setReadOnly(true);
        return reading.execute(status -> verifyChain());
    }

    private Verification verifyChain() {
        var checked = new AtomicLong();
        var broken = new AtomicReference<Long>();
        var previous = new AtomicReference<byte[]>();
        jdbc.sql("select * from audit_entry where seq is not null order by seq").query(rs -> {
            if (broken.get() != null) {
                return;
            }
            var entry = map(rs);
            long expected = checked.get() + 1;
            var stored = rs.getBytes("mac");
            if (entry.seq() != expected || !Arrays.equals(stored, key.mac(previous.get(), entry.canonical()))) {
                broken.set(Math.min(entry.seq(), expected));
                return;
            }
            previous.set(stored);
            checked.incrementAndGet();
        });
        if (broken.get() == null) {
            var head = jdbc.sql("select seq, mac from audit_head where id = 1")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)})
                    .optional();
            long last = checked.get();
            if (head.isPresent()) {
                long headSeq = (Long) head.get()[0];
                if (headSeq != last || !Arrays.equals((byte[]) head.get()[1], previous.get())) {
                    broken.set(Math.min(headSeq, last + 1));
                }
            } else if (last > 0) {
                broken.set(1L);
            }
        }
        long pending = jdbc.sql("select count(*) from audit_entry where seq is null")
                .query(Long.class)
                .single();
        return new Verification(broken.get() == null, checked.get(), broken.get(), pending);
    }

    /** A page of the trail, newest first. */
    @Transactional(readOnly = true)
    public Paged<AuditEntry> find(AuditFilter filter, Paged.Request page) {
        var where = new StringBuilder(" where true");
        var params = new ArrayList<Object>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" and actor = ?");
            params.add(filter.actor().trim());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" and action = ?");
            params.add(filter.action().trim());
        }
        if (filter.objectType() != null && !filter.objectType().isBlank()) {
            where.append(" and object_type = ?");
            params.add(filter.objectType().trim());
        }
        if (filter.objectId() != null && !filter.objectId().isBlank()) {
            where.append(" and object_id = ?");
            params.add(filter.objectId().trim());
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(
                    filter.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(filter.to()
                    .plusDays(1)
                    .atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant()));
        }
        long total = jdbc.sql("select count(*) from audit_entry" + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var items = jdbc.sql("select * from audit_entry" + where + " order by id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> map(rs))
                .list();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    private static AuditEntry map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditEntry(
                (Long) rs.getObject("seq"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("role"),
                rs.getString("region"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("request_id"),
                rs.getString("details"));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
