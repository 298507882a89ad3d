package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The portal's limits on their own: who counts as one client, lookups that cannot outrun the count, and time. */
class ThrottleTests {

    /** A ticker the test moves by hand. */
    static final class ManualTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong(1);

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }
    }

    static PortalProperties properties(int slowdownAfter, int refusedAfter, Duration refusal) {
        return new PortalProperties(null, null, 20, slowdownAfter, refusedAfter, refusal, 12, 16, 20, 2);
    }

    static String client(Throttle throttle, String address) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return throttle.client(request);
    }

    static Optional<String> wrong(Throttle throttle, String client) {
        return throttle.lookup(client, Optional::empty);
    }

    @Test
    void countsAnIpv6ClientByItsSlash64AndAnIpv4ClientByItsAddress() {
        var throttle = new Throttle(properties(3, 8, Duration.ofMinutes(15)));
        assertThat(client(throttle, "2001:db8:1:2:aaaa:0:0:1"))
                .isEqualTo(client(throttle, "2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo(client(throttle, "2001:0db8:0001:0002::9"))
                .isNotEqualTo(client(throttle, "2001:db8:1:3:aaaa:0:0:1"));
        assertThat(client(throttle, "10.0.0.1"))
                .isEqualTo(client(throttle, "::ffff:10.0.0.1"))
                .isNotEqualTo(client(throttle, "10.0.0.2"));
    }

    @Test
    void tipsSentInParallelCannotPassTheClientsHourlyLimitAndUnmadeOnesAreGivenBack() throws Exception {
        var throttle = new Throttle(properties(3, 8, Duration.ofMinutes(15)));
        var client = client(throttle, "10.9.1.1");
        var start = new CountDownLatch(1);
        var taken = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(16);
        var tries = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 64; i++) {
            tries.add(() -> {
                start.await();
                try {
                    throttle.takeSubmission(client);
                    taken.incrementAndGet();
                } catch (Throttle.Refused refused) {
                    assertThat(refused.messageKey()).isEqualTo("portal.limit.submissions");
                }
                return null;
            });
        }
        var futures = tries.stream().map(pool::submit).toList();
        start.countDown();
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
        assertThat(taken).hasValue(20);
        throttle.returnSubmission(client);
        throttle.takeSubmission(client);
        assertThatThrownBy(() -> throttle.takeSubmission(client)).isInstanceOf(Throttle.Refused.class);
    }

    @Test
    void rightCodesLookedUpInParallelFromOneAddressAreNeitherSlowedNorRefused() throws Exception {
        var throttle = new Throttle(properties(3, 8, Duration.ofMinutes(15)));
        var client = client(throttle, "10.9.2.1");
        var together = new java.util.concurrent.CyclicBarrier(8);
        var pool = Executors.newFixedThreadPool(8);
        var lookups = new ArrayList<Callable<Optional<String>>>();
        for (int i = 0; i < 8; i++) {
            lookups.add(() -> throttle.lookup(client, () -> {
                try {
                    // All eight under way at once: a hotline system following its tips from one address.
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return Optional.of("found");
            }));
        }
        for (var answer : pool.invokeAll(lookups)) {
            assertThat(answer.get()).contains("found");
        }
        pool.shutdown();
        assertThat(throttle.slowedDown()).isZero();
        assertThat(wrong(throttle, client)).isEmpty();
        assertThat(throttle.slowedDown())
                .as("one wrong code is not yet slowed down")
                .isZero();
    }

    @Test
    void aLookupRefusalEndsAfterTheConfiguredPeriodAndSaysHowLong() {
        var ticker = new ManualTicker();
        var throttle = new Throttle(properties(100, 3, Duration.ofMinutes(10)), ticker);
        var client = client(throttle, "10.9.0.1");
        for (int i = 0; i < 3; i++) {
            assertThat(wrong(throttle, client)).isEmpty();
        }
        assertThatThrownBy(() -> wrong(throttle, client)).isInstanceOfSatisfying(Throttle.Refused.class, refused -> {
            assertThat(refused.messageKey()).isEqualTo("portal.limit.lookups");
            assertThat(refused.arguments()).containsExactly(10L);
            assertThat(refused.retryAfter()).isEqualTo(600);
        });
        ticker.advance(Duration.ofMinutes(9));
        assertThatThrownBy(() -> wrong(throttle, client)).isInstanceOf(Throttle.Refused.class);
        ticker.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(throttle.lookup(client, () -> Optional.of("found"))).contains("found");
        assertThat(client(throttle, "10.9.0.2")).isNotEqualTo(client);
    }

    @Test
    void lookupsSentAtOnceMakeNoMoreTriesThanAllowed() throws Exception {
        var throttle = new Throttle(properties(100, 8, Duration.ofMinutes(15)));
        var client = client(throttle, "10.9.1.1");
        var tried = new AtomicInteger();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(32);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 32; i++) {
            tasks.add(() -> {
                start.await();
                try {
                    throttle.lookup(client, () -> {
                        tried.incrementAndGet();
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Optional.empty();
                    });
                    return true;
                } catch (Throttle.Refused refused) {
                    return false;
                }
            });
        }
        var futures = tasks.stream().map(pool::submit).toList();
        start.countDown();
        int looked = 0;
        for (var future : futures) {
            looked += future.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(tried).hasValue(8);
        assertThat(looked).isEqualTo(8);
        assertThatThrownBy(() -> throttle.lookup(client, () -> Optional.of("right")))
                .isInstanceOf(Throttle.Refused.class);
    }

    @Test
    void aRightCodeDoesNotCountAsATry() {
        var throttle = new Throttle(properties(100, 3, Duration.ofMinutes(15)));
        var client = client(throttle, "10.9.2.1");
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.lookup(client, () -> Optional.of("right"))).isPresent();
        }
        assertThat(wrong(throttle, client)).isEmpty();
        assertThat(wrong(throttle, client)).isEmpty();
        assertThat(throttle.lookup(client, () -> Optional.of("right"))).isPresent();
    }

    @Test
    void slowedDownLookupsWaitOnOnlyAFewThreadsAndTheOthersAreToldToComeBack() throws Exception {
        // After one wrong code each further try waits; with three behind it, a second.
        var throttle = new Throttle(properties(1, 100, Duration.ofMinutes(15)));
        int clients = Throttle.MAX_WAITING_LOOKUPS + 8;
        var names = new ArrayList<String>();
        for (int i = 0; i < clients; i++) {
            names.add(client(throttle, "10.9.3." + i));
        }
        var pool = Executors.newFixedThreadPool(clients);
        for (int batch = 0; batch < clients; batch += 8) {
            var setUp = new ArrayList<Callable<Object>>();
            for (var name : names.subList(batch, batch + 8)) {
                setUp.add(() -> {
                    for (int i = 0; i < 3; i++) {
                        wrong(throttle, name);
                    }
                    return null;
                });
            }
            for (var done : pool.invokeAll(setUp)) {
                done.get();
            }
        }
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<String>>();
        for (var name : names) {
            tasks.add(() -> {
                start.await();
                try {
                    wrong(throttle, name);
                    return "looked";
                } catch (Throttle.Refused refused) {
                    return refused.messageKey();
                }
            });
        }
        var futures = tasks.stream().map(pool::submit).toList();
        start.countDown();
        var answers = new ArrayList<String>();
        for (var future : futures) {
            answers.add(future.get());
        }
        pool.shutdown();
        assertThat(answers.stream().filter("looked"::equals).count()).isEqualTo(Throttle.MAX_WAITING_LOOKUPS);
        assertThat(answers.stream().filter("portal.limit.lookupsWait"::equals).count())
                .isEqualTo(clients - Throttle.MAX_WAITING_LOOKUPS);
        // A try refused for want of room was not counted: each refused client still has its three failures only.
        var refusedClient = names.get(answers.indexOf("portal.limit.lookupsWait"));
        var after = new ArrayList<String>();
        assertThat(throttle.lookup(refusedClient, () -> {
                    after.add("ran");
                    return Optional.of("right");
                }))
                .isPresent();
        assertThat(after).hasSize(1);
    }
}
