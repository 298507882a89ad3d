package dudao.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Chains, every few seconds, entries whose transaction committed but whose chaining never ran (the process died right
 * after the commit). Every node runs one; the chain's advisory lock makes them take turns.
 */
@Component
class AuditChainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    private final AuditTrail trail;
    private ScheduledExecutorService executor;

    AuditChainer(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        trail.chainPending();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "audit-chainer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::chain, 5, 5, TimeUnit.SECONDS);
    }

    private void chain() {
        try {
            trail.chainPending();
        } catch (RuntimeException e) {
            log.warn("Chaining audit entries failed; retrying in 5 seconds: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
