import org.postgresql.PGConnection;

import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The HTTP part of the bench. {@code load}: copies the generated grid into the service's tables and notifies it,
 * as a feed's commit would. {@code run}: route and matrix requests on the running service at a fixed rate (open
 * loop: each latency counts from the moment the request was due, so a slow answer cannot delay the next ones'
 * clocks), in interleaved phases, and prints the markdown table.
 */
public final class HttpBench {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("load")) {
            load(args[1], args[2], args[3], Path.of(args[4]));
        } else {
            run(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
        }
    }

    private static void load(String url, String user, String password, Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Reader r = Files.newBufferedReader(dir.resolve("grid-nodes.csv"))) {
                copy.copyIn("COPY transport_node (id, name_en, kind, region, lon, lat) FROM STDIN (FORMAT csv, HEADER true)", r);
            }
            try (Reader r = Files.newBufferedReader(dir.resolve("grid-links.csv"))) {
                copy.copyIn("COPY transport_link (id, from_node, to_node, mode, line, distance_km, minutes, opened, closed, "
                        + "bidirectional, source) FROM STDIN (FORMAT csv, HEADER true)", r);
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_notify('jjj_transport_network', 'bench')");
            }
        }
    }

    private static void run(String base, Path dir, int repetitions) throws Exception {
        List<String> pairs = Files.readAllLines(dir.resolve("pairs.csv"));
        List<String> matrix = Files.readAllLines(dir.resolve("matrix.csv"));
        String asOf = TransportBench.AS_OF.toString();
        List<URI> routes = new ArrayList<>();
        for (String p : pairs) {
            String[] ft = p.split(",");
            routes.add(URI.create(base + "/api/transport/routes?from=" + ft[0] + "&to=" + ft[1] + "&asOf=" + asOf));
        }
        URI matrixUri = URI.create(base + "/api/transport/matrix?from=" + URLEncoder.encode(matrix.get(0), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(matrix.get(1), StandardCharsets.UTF_8) + "&asOf=" + asOf);
        int side = matrix.get(0).split(",").length;
        ExecutorService executor = Executors.newFixedThreadPool(8);
        HttpClient client = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        double routeRate = 50;
        double matrixRate = 2;
        int routesPerPhase = routes.size() / repetitions;
        int matricesPerPhase = 20;
        for (int i = 0; i < 20; i++) {
            send(client, routes.get(i)).join();
            if (i < 3) {
                send(client, matrixUri).join();
            }
        }
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        for (int rep = 0; rep < repetitions; rep++) {
            System.err.printf("HTTP repetition %d of %d (load %s)%n", rep + 1, repetitions, TransportBench.load());
            List<URI> phase = routes.subList(rep * routesPerPhase, (rep + 1) * routesPerPhase);
            results.computeIfAbsent(String.format(Locale.ROOT, "route, %.0f requests/s", routeRate), k -> new ArrayList<>())
                    .add(openLoop(client, phase, routeRate, failed));
            results.computeIfAbsent(String.format(Locale.ROOT, "matrix %d x %d, %.0f requests/s", side, side, matrixRate),
                    k -> new ArrayList<>()).add(openLoop(client, java.util.Collections.nCopies(matricesPerPhase, matrixUri), matrixRate, failed));
        }
        executor.shutdownNow();
        System.out.println("### Through HTTP on the running service (as of " + asOf + ", every mode)");
        System.out.println();
        System.out.printf(Locale.ROOT, "One service JVM (-Xmx2g), HTTP/1.1 from a Java open-loop client on the same machine; %d interleaved "
                + "repetitions (route phase, matrix phase); %,d requests that did not answer 200; load average %s at the end.%n%n",
                repetitions, failed.get(), TransportBench.load());
        System.out.println("| request | p50 ms: median of repetitions (min–max) | p99 ms: median (min–max) |");
        System.out.println("|---|---|---|");
        results.forEach((what, reps) -> {
            double[] p50 = reps.stream().mapToDouble(r -> percentile(r, 0.50)).sorted().toArray();
            double[] p99 = reps.stream().mapToDouble(r -> percentile(r, 0.99)).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", what, spread(p50), spread(p99));
        });
        System.out.println();
        if (failed.get() > 0) {
            System.exit(1);
        }
    }

    /** Sends each request at its due time, whatever the answers before it; latency from the due time to the answer. */
    private static long[] openLoop(HttpClient client, List<URI> uris, double rate, AtomicInteger failed) {
        long[] latency = new long[uris.size()];
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        for (int i = 0; i < uris.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int at = i;
            pending.add(send(client, uris.get(i)).thenAccept(status -> {
                latency[at] = System.nanoTime() - due;
                if (status != 200) {
                    failed.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return latency;
    }

    private static CompletableFuture<Integer> send(HttpClient client, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                .exceptionally(e -> -1);
    }

    private static double percentile(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1));
        return sorted[i] / 1e6;
    }

    private static String spread(double[] sorted) {
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
}
