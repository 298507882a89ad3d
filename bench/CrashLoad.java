import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The crash benchmark's clients (bench/crash): N threads post keyed public tips for S seconds while the script kills
 * Dudao and stops PostgreSQL; a tip that got no answer (connection refused or reset, timeout, 5xx) is sent again with
 * the same Idempotency-Key until it is answered. Writes one line per acknowledged tip (tab separated: key, status,
 * receipt code, serial, sent-at ms, answered-at ms, description) and one line per answer status per second.
 *
 * Usage: java bench/CrashLoad.java <baseUrl> <clients> <max-seconds> <acks-out> <statuses-out> <stop-file>
 * (new tips stop when the stop file appears or after max-seconds; unanswered ones are still retried)
 */
public class CrashLoad {

    public static void main(String[] args) throws Exception {
        var base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        var acksOut = Path.of(args[3]);
        var statusesOut = Path.of(args[4]);
        var stopFile = Path.of(args[5]);
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var acks = new ConcurrentLinkedQueue<String>();
        var statuses = new ConcurrentLinkedQueue<String>();
        var tips = new AtomicLong();
        var attempts = new AtomicLong();
        var counts = new ConcurrentHashMap<String, AtomicLong>();
        var code = Pattern.compile("\"receiptCode\":\"(\\d{16})\"");
        var serial = Pattern.compile("\"serial\":\"([^\"]+)\"");
        long end = System.currentTimeMillis() + seconds * 1000L;
        long giveUp = end + 180_000L;
        var pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                int n = 0;
                while (System.currentTimeMillis() < end && !Files.exists(stopFile)) {
                    var key = UUID.randomUUID().toString();
                    var description = "崩溃测试 客户端" + client + " 第" + (n++) + "条 " + key + "：有人在市场强收摊位费，不交就砸摊。";
                    var body = "{\"region\":\"500116\",\"reported\":[{\"name\":\"不清楚\"}],\"activity\":{\"category\":"
                            + "\"MARKET_BULLYING\",\"place\":\"几江街道农贸市场\",\"time\":\"最近一周内\",\"description\":\""
                            + description + "\"}}";
                    tips.incrementAndGet();
                    while (System.currentTimeMillis() < giveUp) {
                        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/public/tips"))
                                .timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        attempts.incrementAndGet();
                        long sent = System.currentTimeMillis();
                        String outcome;
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long answered = System.currentTimeMillis();
                            outcome = Integer.toString(response.statusCode());
                            statuses.add(answered + "\t" + outcome);
                            if (response.statusCode() == 201 || response.statusCode() == 200) {
                                var m1 = code.matcher(response.body());
                                var m2 = serial.matcher(response.body());
                                if (m1.find() && m2.find()) {
                                    acks.add(String.join(
                                            "\t",
                                            key,
                                            outcome,
                                            m1.group(1),
                                            m2.group(1),
                                            Long.toString(sent),
                                            Long.toString(answered),
                                            description));
                                } else {
                                    outcome = "unreadable-" + outcome;
                                }
                                counts.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                                break;
                            }
                            if (response.statusCode() >= 400 && response.statusCode() < 500
                                    && response.statusCode() != 429) {
                                counts.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                                break; // refused for good: not retried
                            }
                        } catch (Exception e) {
                            outcome = "no-answer";
                            statuses.add(System.currentTimeMillis() + "\t" + outcome);
                        }
                        counts.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return null;
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 400L, TimeUnit.SECONDS);
        Files.write(acksOut, new ArrayList<>(acks));
        Files.write(statusesOut, new ArrayList<>(statuses));
        System.out.printf("tips=%d%n", tips.get());
        System.out.printf("sent=%d%n", attempts.get());
        System.out.printf("acknowledged=%d%n", acks.size());
        List<Map.Entry<String, AtomicLong>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        for (var e : sorted) {
            System.out.printf("answers_%s=%d%n", e.getKey(), e.getValue().get());
        }
    }
}
