import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop HTTP load at a fixed request rate, the wrk2 model: request i is due at start + i / rate whatever happened
 * to the earlier ones, and its latency is counted from that due time, so a stall shows up in the tail instead of
 * slowing the load down (coordinated omission). At most {@code --connections} requests are in flight; a request
 * that waits for a free connection waits on the clock.
 *
 * <p>Each request picks a URL at random (fixed seed) from {@code --urls}, a file of one URL per line.
 *
 * <p>With {@code --revalidate true} each URL is first read once for its {@code ETag}, and every request then sends it
 * in {@code If-None-Match}: the load is conditional reads, and any answer but {@code 304} counts as an error.
 *
 * <p>{@code java OpenLoop.java --urls FILE --rate N --seconds S [--warmup S] [--connections C] [--header 'Name: value']
 * [--revalidate true]} prints one line: {@code p50_ms p99_ms p999_ms achieved_per_s errors requests}. Errors are failed
 * exchanges and answers >= 400.
 */
public class OpenLoop {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<URI> urls = Files.readAllLines(Path.of(options.get("urls"))).stream()
                .map(String::trim).filter(line -> !line.isEmpty()).map(URI::create).toList();
        double rate = Double.parseDouble(options.get("rate"));
        double seconds = Double.parseDouble(options.get("seconds"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "0"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        String[] header = options.containsKey("header") ? options.get("header").split(":\\s*", 2) : new String[0];

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2)).build();
        Map<URI, String> tags = Boolean.parseBoolean(options.get("revalidate")) ? tags(client, urls, header) : Map.of();
        SplittableRandom random = new SplittableRandom(2014);
        if (warmup > 0) {
            run(client, urls, header, tags, random, rate, warmup, connections);
        }
        Result result = run(client, urls, header, tags, random, rate, seconds, connections);
        long[] sorted = result.latencyNanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%.3f %.3f %.3f %.1f %d %d%n", percentile(sorted, 0.50), percentile(sorted, 0.99),
                percentile(sorted, 0.999), sorted.length / result.elapsedSeconds, result.errors, sorted.length);
        System.exit(0);
    }

    record Result(long[] latencyNanos, double elapsedSeconds, int errors) {
    }

    /** The ETag of each URL, read once. */
    static Map<URI, String> tags(HttpClient client, List<URI> urls, String[] header) throws Exception {
        Map<URI, String> tags = new HashMap<>();
        for (URI url : urls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
            if (header.length == 2) {
                request.header(header[0], header[1]);
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            tags.put(url, response.headers().firstValue("ETag")
                    .orElseThrow(() -> new IllegalStateException("no ETag from " + url + " (" + response.statusCode() + ")")));
        }
        return tags;
    }

    static Result run(HttpClient client, List<URI> urls, String[] header, Map<URI, String> tags, SplittableRandom random,
                      double rate, double seconds, int connections) throws InterruptedException {
        int n = Math.max(1, (int) Math.round(rate * seconds));
        long[] latency = new long[n];
        AtomicInteger errors = new AtomicInteger();
        Semaphore free = new Semaphore(connections);
        CountDownLatch done = new CountDownLatch(n);
        double intervalNanos = 1e9 / rate;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            free.acquire();
            int index = i;
            URI url = urls.get(random.nextInt(urls.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
            if (header.length == 2) {
                request.header(header[0], header[1]);
            }
            String tag = tags.get(url);
            if (tag != null) {
                request.header("If-None-Match", tag);
            }
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latency[index] = System.nanoTime() - due;
                if (failure != null || response.statusCode() >= 400 || tag != null && response.statusCode() != 304) {
                    errors.incrementAndGet();
                }
                free.release();
                done.countDown();
            });
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " requests never completed");
        }
        return new Result(latency, (System.nanoTime() - start) / 1e9, errors.get());
    }

    static double percentile(long[] sorted, double p) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
