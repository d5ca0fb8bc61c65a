import io.jjj.transport.domain.Mode;
import io.jjj.transport.routing.Network;
import io.jjj.transport.routing.Route;
import io.jjj.transport.routing.Router;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * In-process benchmark of the routing engine on the generated grid network: build time and memory, point-to-point
 * routes (p50/p99), a 60-minute isochrone and a 100 x 100 matrix, all as of 2025-06-01. Writes the edge table and the
 * pairs it timed (with its answers) for the pgRouting side of run.sh.
 */
public final class TransportBench {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target");
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        GridNetwork grid = new GridNetwork(42);
        System.out.printf("generated %,d nodes, %,d links in %d ms%n", grid.nodes.size(), grid.links.size(), ms(t0));
        grid.writeEdgesCsv(out.resolve("edges.csv"));

        long before = usedHeap();
        t0 = System.nanoTime();
        Network net = Network.of(grid.nodes, grid.links);
        long buildMs = ms(t0);
        long after = usedHeap();
        System.out.printf("built the snapshot in %d ms; heap held by it %.1f MB (graph arrays %.1f MB) = %.1f MB per 100,000 links%n",
                buildMs, (after - before) / 1e6, net.graphBytes() / 1e6, (after - before) / 1e6 / (net.linkCount() / 100_000.0));

        Router router = new Router(net);
        Router.Filter filter = new Router.Filter((int) AS_OF.toEpochDay(), Mode.ALL);
        Random random = new Random(7);
        int n = net.nodeCount();
        for (int i = 0; i < 1000; i++) {
            router.route(random.nextInt(n), random.nextInt(n), filter, 0);
        }
        int queries = 1000;
        long[] nanos = new long[queries];
        int[][] pairs = new int[queries][2];
        double[] minutes = new double[queries];
        for (int i = 0; i < queries; i++) {
            pairs[i][0] = random.nextInt(n);
            pairs[i][1] = random.nextInt(n);
            long s = System.nanoTime();
            Optional<Route> r = router.route(pairs[i][0], pairs[i][1], filter, 0);
            nanos[i] = System.nanoTime() - s;
            minutes[i] = r.map(Route::minutes).orElse(Double.NaN);
        }
        report("route (A*)", nanos);

        long[] plain = new long[200];
        for (int i = 0; i < plain.length; i++) {
            long s = System.nanoTime();
            router.matrix(new int[] {pairs[i][0]}, new int[] {pairs[i][1]}, filter);
            plain[i] = System.nanoTime() - s;
        }
        report("route (plain Dijkstra, stop at target)", plain);

        long[] iso = new long[50];
        int reachedFromFirst = 0;
        for (int i = 0; i < iso.length; i++) {
            long s = System.nanoTime();
            int reached = router.reach(pairs[i][0], filter, 60).nodes().length;
            iso[i] = System.nanoTime() - s;
            if (i == 0) {
                reachedFromFirst = reached;
            }
        }
        report("isochrone 60 min", iso);

        int[] from = random.ints(100, 0, n).toArray();
        int[] to = random.ints(100, 0, n).toArray();
        long[] matrix = new long[5];
        for (int i = 0; i < matrix.length; i++) {
            long s = System.nanoTime();
            router.matrix(from, to, filter);
            matrix[i] = System.nanoTime() - s;
        }
        report("matrix 100 x 100", matrix);

        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("pairs.csv")))) {
            for (int i = 0; i < 50; i++) {
                w.printf("%d,%d,%d,%s%n", i, pairs[i][0], pairs[i][1], Double.isNaN(minutes[i]) ? "" : String.format("%.4f", minutes[i]));
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("matrix.csv")))) {
            Arrays.stream(from).forEach(v -> w.println("from," + v));
            Arrays.stream(to).forEach(v -> w.println("to," + v));
        }
        System.out.printf("isochrone from %d reaches %d nodes within 60 min%n", pairs[0][0], reachedFromFirst);
        System.out.printf("isochrone origin for pgRouting: %d%n", pairs[0][0]);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-45s n=%-5d p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
