import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The intake benchmark's clients: N threads post keyed web tips to POST /api/v1/public/tips for S seconds, then every
 * receipt that got a 201 is looked up again through the public lookup API. Prints one line per figure; the shell script
 * around it adds the database's own insert rate.
 *
 * Before the measured seconds the clients run for a warm-up (default 10 s, the JVM compiling its hot code): those tips
 * are checked afterwards like all others, and their errors counted, but they are not in the rate or the latencies.
 *
 * Usage: java bench/IntakeLoad.java <baseUrl> <clients> <seconds> <receipts-out-file> [warm-up seconds]
 */
public class IntakeLoad {

    record Accepted(String code, String serial) {}

    public static void main(String[] args) throws Exception {
        var base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        var out = java.nio.file.Path.of(args[3]);
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var accepted = new ConcurrentLinkedQueue<Accepted>();
        var errors = new AtomicLong();
        var attempts = new AtomicLong();
        var code = Pattern.compile("\"receiptCode\":\"(\\d{16})\"");
        var serial = Pattern.compile("\"serial\":\"([^\"]+)\"");
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        var warmupAccepted = new AtomicLong();
        long measureFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        var pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    var key = UUID.randomUUID().toString();
                    var body = "{\"region\":\"500116\",\"reported\":[{\"name\":\"不清楚\"}],\"activity\":{\"category\":"
                            + "\"MARKET_BULLYING\",\"place\":\"几江街道农贸市场\",\"time\":\"最近一周内\",\"description\":"
                            + "\"压测线索 客户端" + client + " 第" + (n++) + "条：有人在市场强收摊位费，不交就砸摊。\"}}";
                    var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/public/tips"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    attempts.incrementAndGet();
                    long started = System.nanoTime();
                    try {
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        boolean measured = started >= measureFrom;
                        if (measured) {
                            latencies.add(System.nanoTime() - started);
                        }
                        if (response.statusCode() == 201) {
                            var m1 = code.matcher(response.body());
                            var m2 = serial.matcher(response.body());
                            if (m1.find() && m2.find()) {
                                accepted.add(new Accepted(m1.group(1), m2.group(1)));
                                if (!measured) {
                                    warmupAccepted.incrementAndGet();
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        // CPU time of Dudao and of its database backends over the measured seconds only (pids from the script).
        var appPids = System.getenv().getOrDefault("INTAKE_APP_PIDS", "");
        var dbPids = System.getenv().getOrDefault("INTAKE_DB_PIDS", "");
        long acceptedAtStart = 0;
        long[] cpuAtStart = null;
        if (!appPids.isBlank()) {
            Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
            cpuAtStart = new long[] {ticks(appPids), ticks(dbPids), ticks(Long.toString(ProcessHandle.current().pid()))};
            acceptedAtStart = accepted.size();
            Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        }
        long[] cpuAtEnd = cpuAtStart == null
                ? null
                : new long[] {ticks(appPids), ticks(dbPids), ticks(Long.toString(ProcessHandle.current().pid()))};
        long acceptedAtEnd = accepted.size();
        pool.awaitTermination(warmup + seconds + 120, java.util.concurrent.TimeUnit.SECONDS);

        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("warmup_seconds=%d (not in the rate or latencies; checked like the rest)%n", warmup);
        System.out.printf("warmup_acknowledged=%d%n", warmupAccepted.get());
        System.out.printf("sent=%d%n", attempts.get());
        System.out.printf("acknowledged=%d%n", accepted.size());
        System.out.printf("errors=%d%n", errors.get());
        System.out.printf(
                "tips_per_second=%.1f%n", (accepted.size() - warmupAccepted.get()) / (double) seconds);
        if (cpuAtStart != null && acceptedAtEnd > acceptedAtStart) {
            double hz = 100.0;
            long n = acceptedAtEnd - acceptedAtStart;
            System.out.printf(
                    "cpu_ms_per_tip_measured: dudao=%.2f database=%.2f load_generator=%.2f (%d tips)%n",
                    (cpuAtEnd[0] - cpuAtStart[0]) * 1000 / hz / n,
                    (cpuAtEnd[1] - cpuAtStart[1]) * 1000 / hz / n,
                    (cpuAtEnd[2] - cpuAtStart[2]) * 1000 / hz / n,
                    n);
        }
        System.out.printf("p50_ms=%.1f%n", percentile(sorted, 0.50));
        System.out.printf("p99_ms=%.1f%n", percentile(sorted, 0.99));

        // Every acknowledged receipt must lead back to its tip through the public lookup.
        var lost = new AtomicLong();
        var check = Executors.newFixedThreadPool(8);
        List<Accepted> all = new ArrayList<>(accepted);
        for (var a : all) {
            check.submit(() -> {
                var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/public/tips/lookup"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"receiptCode\":\"" + a.code() + "\"}"))
                        .build();
                try {
                    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || !response.body().contains(a.serial())) {
                        lost.incrementAndGet();
                    }
                } catch (Exception e) {
                    lost.incrementAndGet();
                }
                return null;
            });
        }
        check.shutdown();
        check.awaitTermination(600, java.util.concurrent.TimeUnit.SECONDS);
        System.out.printf("found_by_receipt=%d%n", all.size() - lost.get());
        System.out.printf("lost=%d%n", lost.get());
        var lines = new ArrayList<String>();
        for (var a : all) {
            lines.add(a.serial());
        }
        java.nio.file.Files.write(out, lines);
    }

    /** User plus system clock ticks (1/100 s) of the processes named. */
    static long ticks(String pids) {
        long sum = 0;
        for (var pid : pids.trim().split("\\s+")) {
            if (pid.isEmpty()) {
                continue;
            }
            try {
                var stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
                var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (Exception gone) {
                // A process that ended counts nothing more.
            }
        }
        return sum;
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
