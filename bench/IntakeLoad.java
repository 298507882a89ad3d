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
 * The load uses a hand-written keep-alive HTTP/1.1 client (see Connection); the receipt check uses the JDK's client.
 *
 * With "floor" as the sixth argument the clients send the same requests with a staff token, which Dudao refuses
 * (400) before it reads the body: what its web stack alone (HTTP, filters, dispatch, an answer in JSON) costs a
 * request, the ceiling for any endpoint on this machine. Nothing is stored, and there are no receipts to check.
 *
 * Usage: java bench/IntakeLoad.java <baseUrl> <clients> <seconds> <receipts-out-file> [warm-up seconds] [floor]
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
        boolean floor = args.length > 5 && args[5].equals("floor");
        var expected = floor ? 400 : 201;
        var warmupAccepted = new AtomicLong();
        var uri = URI.create(base);
        long measureFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        var pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                int n = 0;
                var connection = new Connection(uri.getHost(), uri.getPort());
                var random = java.util.concurrent.ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    var key = new UUID(random.nextLong(), random.nextLong()).toString();
                    var body = "{\"region\":\"500116\",\"reported\":[{\"name\":\"不清楚\"}],\"activity\":{\"category\":"
                            + "\"MARKET_BULLYING\",\"place\":\"几江街道农贸市场\",\"time\":\"最近一周内\",\"description\":"
                            + "\"压测线索 客户端" + client + " 第" + (n++) + "条：有人在市场强收摊位费，不交就砸摊。\"}}";
                    attempts.incrementAndGet();
                    long started = System.nanoTime();
                    try {
                        var response = connection.post("/api/v1/public/tips", key, body, floor);
                        boolean measured = started >= measureFrom;
                        if (measured) {
                            latencies.add(System.nanoTime() - started);
                        }
                        if (floor && response.status() == expected && response.body().contains("portal.noTokens")) {
                            accepted.add(new Accepted(null, null));
                            if (!measured) {
                                warmupAccepted.incrementAndGet();
                            }
                        } else if (!floor && response.status() == expected) {
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
                        connection.close();
                    }
                }
                connection.close();
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
        if (floor) {
            return;
        }

        // Every acknowledged receipt must lead back to its tip through the public lookup.
        var lost = new AtomicLong();
        var checked = new AtomicLong();
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
                checked.incrementAndGet();
                return null;
            });
        }
        check.shutdown();
        check.awaitTermination(600, java.util.concurrent.TimeUnit.SECONDS);
        check.shutdownNow();
        // A receipt not checked in time counts as lost: the figure never claims a check that did not happen.
        long unchecked = all.size() - checked.get();
        System.out.printf("found_by_receipt=%d%n", checked.get() - lost.get());
        System.out.printf("unchecked=%d%n", unchecked);
        System.out.printf("lost=%d%n", lost.get() + unchecked);
        var lines = new ArrayList<String>();
        for (var a : all) {
            lines.add(a.serial());
        }
        java.nio.file.Files.write(out, lines);
    }

    record Answer(int status, String body) {}

    /**
     * One client's keep-alive HTTP/1.1 connection, written and read by hand: the JDK's HttpClient costs about a
     * millisecond of CPU per request, which on a shared two-core machine the client would take from the server it
     * measures. It reconnects whenever the server closes the connection.
     */
    static final class Connection {
        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        Answer post(String path, String key, String body, boolean withToken) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            }
            var content = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nIdempotency-Key: " + key
                    + (withToken ? "\r\nAuthorization: Bearer floor-measurement" : "")
                    + "\r\nContent-Length: " + content.length + "\r\n\r\n";
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            var status = line();
            if (status == null) {
                throw new java.io.EOFException("The server closed the connection");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                var lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            var bytes = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    bytes.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length >= 0) {
                bytes.write(in.readNBytes(length));
            }
            if (close) {
                close();
            }
            return new Answer(code, bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        }

        private String line() throws java.io.IOException {
            var b = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int last = b.length() - 1;
                    return last >= 0 && b.charAt(last) == '\r' ? b.substring(0, last) : b.toString();
                }
                b.append((char) c);
            }
            return b.isEmpty() ? null : b.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // Closing a broken connection.
                }
                socket = null;
            }
        }
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
