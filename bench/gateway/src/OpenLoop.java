import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: requests are due at a fixed rate whatever the answers do, and each latency runs from
 * the moment its request was due (so a stall delays every request due during it, as a real client population would
 * see; no coordinated omission). A pacing thread wakes at each due time and hands the request to one Vert.x event
 * loop with a keep-alive pool. One process serves a whole run, so its own JIT warm-up is paid once: it reads one
 * measurement per line on stdin, {@code <url> <requests per second> <warm-up seconds> <seconds> [header: value]},
 * and answers each with one line: p50 ms, p99 ms, completed per second, failures (errors or non-2xx).
 */
public class OpenLoop {

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null; ) {
            String[] words = line.trim().split(" ", 5);
            System.out.println(measure(vertx, words));
            System.out.flush();
        }
        vertx.close();
    }

    private static String measure(Vertx vertx, String[] args) throws Exception {
        String url = args[0];
        int rate = Integer.parseInt(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(-1));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url);
        if (args.length > 4) {
            int colon = args[4].indexOf(':');
            options.putHeader(args[4].substring(0, colon).trim(), args[4].substring(colon + 1).trim());
        }
        Context context = vertx.getOrCreateContext();
        for (int i = 0; i < 100; i++) {
            CompletableFuture<Integer> primed = new CompletableFuture<>();
            context.runOnContext(v -> client.request(options).compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .onComplete(answered -> primed.complete(answered.succeeded() ? answered.result() : -1)));
            if (primed.get(30, TimeUnit.SECONDS) / 100 != 2) {
                throw new IllegalStateException(url + " does not answer 2xx");
            }
        }
        int warmUpCount = rate * warmUp;
        int total = warmUpCount + rate * seconds;
        long[] latencies = new long[rate * seconds];
        int[] recorded = {0};
        int[] failures = {0};
        CountDownLatch done = new CountDownLatch(total);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = i >= warmUpCount;
            context.runOnContext(v -> client.request(options)
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .onComplete(answered -> {
                        if (measured) {
                            latencies[recorded[0]++] = System.nanoTime() - due;
                            if (answered.failed() || answered.result() / 100 != 2) {
                                failures[0]++;
                            }
                        }
                        done.countDown();
                    }));
        }
        done.await(30, TimeUnit.SECONDS);
        long measuredNanos = System.nanoTime() - (start + warmUpCount * interval);
        CompletableFuture<long[]> copy = new CompletableFuture<>();
        context.runOnContext(v -> copy.complete(Arrays.copyOf(latencies, recorded[0])));
        long[] sorted = copy.get();
        Arrays.sort(sorted);
        int unanswered = latencies.length - sorted.length;
        client.close().toCompletionStage().toCompletableFuture().get();
        return String.format(Locale.ROOT, "%.3f %.3f %.0f %d", percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length / (measuredNanos / 1e9), failures[0] + unanswered);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
