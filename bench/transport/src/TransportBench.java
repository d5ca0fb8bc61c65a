import io.jjj.transport.domain.Mode;
import io.jjj.transport.routing.Hierarchies;
import io.jjj.transport.routing.Network;
import io.jjj.transport.routing.Route;
import io.jjj.transport.routing.Router;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToLongFunction;

/**
 * In-process benchmark of the routing engine beside GraphHopper 10.2 on the same generated network, as of
 * 2025-06-01, every mode, same JVM, same pairs, interleaved: each repetition runs every measure of both engines one
 * after the other. Prints a markdown section on stdout (progress on stderr) and writes the grid as feed files for the
 * HTTP part. Exits non-zero when the two engines disagree on any pair or cell.
 */
public final class TransportBench {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    static final double AGREE = 0.01;

    private final Map<String, List<long[]>> samples = new LinkedHashMap<>();
    private final Map<String, Integer> disagreements = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of(List.of(args).stream().filter(a -> !a.startsWith("--")).findFirst().orElse("target"));
        Files.createDirectories(out);
        new TransportBench().run(quick, out);
    }

    private void run(boolean quick, Path out) throws Exception {
        int rows = quick ? 30 : 250;
        int cols = quick ? 40 : 400;
        int linkCount = quick ? 4_800 : 400_000;
        int pairs = quick ? 100 : 1000;
        int repetitions = quick ? 2 : 5;
        int side = quick ? 10 : 100;

        long t0 = System.nanoTime();
        GridNetwork grid = new GridNetwork(42, rows, cols, linkCount);
        progress("generated %,d nodes, %,d links in %d ms", grid.nodes.size(), grid.links.size(), ms(t0));
        grid.writeFeeds(out);

        long before = usedHeap();
        t0 = System.nanoTime();
        Network net = Network.of(grid.nodes, grid.links);
        long snapshotMs = ms(t0);
        long snapshotBytes = usedHeap() - before;
        t0 = System.nanoTime();
        Router plain = new Router(net);
        long landmarksMs = ms(t0);
        Router.Filter filter = new Router.Filter((int) AS_OF.toEpochDay(), Mode.ALL);

        before = usedHeap();
        Router hierarchy = new Router(net, Router.DEFAULT_LANDMARKS, Runnable::run, 8);
        t0 = System.nanoTime();
        hierarchy.prepare(filter);
        long hierarchyMs = ms(t0);
        Hierarchies.Built built = hierarchy.hierarchies().orElseThrow().built().get(0);
        progress("engine: snapshot %d ms, landmarks %d ms, hierarchy %d ms (%,d edges, %,d shortcuts, %.1f MB)",
                snapshotMs, landmarksMs, hierarchyMs, built.edges(), built.shortcuts(), built.bytes() / 1e6);

        before = usedHeap();
        t0 = System.nanoTime();
        GraphHopperSide gh = new GraphHopperSide(grid.nodes, grid.links, AS_OF);
        long ghGraphMs = ms(t0);
        long ghGraphBytes = usedHeap() - before;
        long beforeCh = usedHeap();
        gh.prepareCH();
        long ghChBytes = usedHeap() - beforeCh;
        progress("GraphHopper: graph %d ms (%.1f MB), CH preparation %d ms (%.1f MB)", ghGraphMs, ghGraphBytes / 1e6,
                gh.chPreparationMillis, ghChBytes / 1e6);

        int n = net.nodeCount();
        Random random = new Random(7);
        int[][] pair = new int[pairs][2];
        for (int[] p : pair) {
            p[0] = random.nextInt(n);
            p[1] = random.nextInt(n);
        }
        int[] from = random.ints(side, 0, n).toArray();
        int[] to = random.ints(side, 0, n).toArray();

        for (int i = 0; i < Math.min(1000, pairs); i++) {
            hierarchy.route(pair[i][0], pair[i][1], filter, 0);
            plain.route(pair[i][0], pair[i][1], filter, 0);
            gh.chRoute(pair[i][0], pair[i][1]);
        }

        int[] accessTargets = Arrays.copyOf(to, 10);
        for (int i = 0; i < 3; i++) {
            hierarchy.matrix(from, to, filter);
            gh.matrixByBuckets(from, to);
            for (int k = 0; k < 10; k++) {
                hierarchy.reach(pair[k][0], filter, 60);
                plain.reach(pair[k][0], filter, 60);
                gh.isochrone(pair[k][0], 60);
            }
            hierarchy.towards(accessTargets, filter);
            plain.towards(accessTargets, filter);
        }

        double[] engineMinutes = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            engineMinutes[i] = hierarchy.route(pair[i][0], pair[i][1], filter, 0).map(Route::minutes).orElse(Double.NaN);
        }
        int slowSlice = Math.max(1, pairs / repetitions);
        List<String> loads = new ArrayList<>();
        for (int rep = 0; rep < repetitions; rep++) {
            loads.add(load());
            progress("repetition %d of %d (load %s)", rep + 1, repetitions, loads.get(rep));
            int sliceFrom = rep * slowSlice;
            time("route: engine, hierarchy", pairs, i -> {
                long s = System.nanoTime();
                double m = hierarchy.route(pair[i][0], pair[i][1], filter, 0).map(Route::minutes).orElse(Double.NaN);
                long e = System.nanoTime() - s;
                agree("engine hierarchy route", engineMinutes[i], m);
                return e;
            });
            time("route: GraphHopper CH", pairs, i -> {
                long s = System.nanoTime();
                double m = gh.chRoute(pair[i][0], pair[i][1]);
                long e = System.nanoTime() - s;
                agree("GraphHopper CH route", engineMinutes[i], m);
                return e;
            });
            time("route: engine, no hierarchy yet (A* with landmarks)", pairs, i -> {
                long s = System.nanoTime();
                double m = plain.route(pair[i][0], pair[i][1], filter, 0).map(Route::minutes).orElse(Double.NaN);
                long e = System.nanoTime() - s;
                agree("engine A* route", engineMinutes[i], m);
                return e;
            });
            time("route: GraphHopper bidirectional A*", slowSlice, k -> {
                int i = sliceFrom + k;
                long s = System.nanoTime();
                double m = gh.bidirectionalAStar(pair[i][0], pair[i][1]);
                long e = System.nanoTime() - s;
                agree("GraphHopper A* route", engineMinutes[i], m);
                return e;
            });
            time("route: GraphHopper Dijkstra", slowSlice, k -> {
                int i = sliceFrom + k;
                long s = System.nanoTime();
                double m = gh.dijkstra(pair[i][0], pair[i][1]);
                long e = System.nanoTime() - s;
                agree("GraphHopper Dijkstra route", engineMinutes[i], m);
                return e;
            });

            double[][][] matrices = new double[4][][];
            time("matrix " + side + " x " + side + ": engine, bucket many-to-many on its hierarchy", 3, k -> {
                long s = System.nanoTime();
                matrices[0] = hierarchy.matrix(from, to, filter).minutes();
                return System.nanoTime() - s;
            });
            time("matrix " + side + " x " + side + ": GraphHopper CH, bucket many-to-many written over it", 3, k -> {
                long s = System.nanoTime();
                matrices[1] = gh.matrixByBuckets(from, to);
                return System.nanoTime() - s;
            });
            time("matrix " + side + " x " + side + ": GraphHopper CH, " + side * side + " queries", 1, k -> {
                long s = System.nanoTime();
                matrices[2] = gh.matrixByQueries(from, to);
                return System.nanoTime() - s;
            });
            time("matrix " + side + " x " + side + ": engine, no hierarchy yet (one search per origin)", 1, k -> {
                long s = System.nanoTime();
                matrices[3] = plain.matrix(from, to, filter).minutes();
                return System.nanoTime() - s;
            });
            for (int m = 1; m < matrices.length; m++) {
                for (int i = 0; i < side; i++) {
                    for (int j = 0; j < side; j++) {
                        agree("matrix " + m, matrices[0][i][j], matrices[m][i][j]);
                    }
                }
            }

            int isochrones = quick ? 10 : 50;
            int[] reached = new int[isochrones];
            time("isochrone 60 min: engine, PHAST on its hierarchy", isochrones, i -> {
                long s = System.nanoTime();
                reached[i] = hierarchy.reach(pair[i][0], filter, 60).nodes().length;
                return System.nanoTime() - s;
            });
            time("isochrone 60 min: GraphHopper shortest-path tree", isochrones, i -> {
                long s = System.nanoTime();
                int count = gh.isochrone(pair[i][0], 60);
                long e = System.nanoTime() - s;
                agree("GraphHopper isochrone node count", reached[i], count);
                return e;
            });
            time("isochrone 60 min: engine, no hierarchy yet (Dijkstra with a budget)", isochrones, i -> {
                long s = System.nanoTime();
                int count = plain.reach(pair[i][0], filter, 60).nodes().length;
                long e = System.nanoTime() - s;
                agree("engine plain isochrone node count", reached[i], count);
                return e;
            });
            double[][] towards = new double[2][];
            time("accessibility (every node to the nearest of 10 targets): engine, PHAST", 5, i -> {
                long s = System.nanoTime();
                towards[0] = hierarchy.towards(accessTargets, filter);
                return System.nanoTime() - s;
            });
            time("accessibility (every node to the nearest of 10 targets): engine, no hierarchy yet", 5, i -> {
                long s = System.nanoTime();
                towards[1] = plain.towards(accessTargets, filter);
                return System.nanoTime() - s;
            });
            for (int v = 0; v < n; v++) {
                agree("accessibility", towards[0][v], towards[1][v]);
            }
        }

        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("pairs.csv")))) {
            for (int[] p : pair) {
                w.println(grid.nodes.get(p[0]).id() + "," + grid.nodes.get(p[1]).id());
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("matrix.csv")))) {
            w.println(String.join(",", Arrays.stream(from).mapToObj(v -> grid.nodes.get(v).id()).toList()));
            w.println(String.join(",", Arrays.stream(to).mapToObj(v -> grid.nodes.get(v).id()).toList()));
        }

        System.out.println("### In process, same JVM, " + String.format(Locale.ROOT, "%,d nodes, %,d links", n, net.linkCount())
                + ", as of " + AS_OF + ", every mode");
        System.out.println();
        System.out.printf(Locale.ROOT, "%d interleaved repetitions; %,d route pairs (GraphHopper's plain searches: %d different pairs per repetition); "
                + "1-minute load average at the start of each repetition %s, %s at the end.%n%n", repetitions, pairs, slowSlice,
                String.join(", ", loads), load());
        loads.add(load());
        double highest = loads.stream().mapToDouble(Double::parseDouble).max().orElse(0);
        int cores = Runtime.getRuntime().availableProcessors();
        if (highest > cores) {
            System.out.printf(Locale.ROOT, "> **Warning: the load average was above the %d cores** (up to %.1f): other work "
                    + "shared the machine, so these figures are pessimistic and noisy; compare each engine only with the "
                    + "other in the same run.%n%n", cores, highest);
        }
        System.out.println("| measure | p50 ms: median of repetitions (min–max) | p99 ms: median (min–max), where 10 or more per repetition |");
        System.out.println("|---|---|---|");
        samples.forEach((what, reps) -> {
            double[] p50 = reps.stream().mapToDouble(r -> percentile(r, 0.50)).sorted().toArray();
            double[] p99 = reps.stream().mapToDouble(r -> percentile(r, 0.99)).sorted().toArray();
            boolean few = reps.get(0).length < 10;
            System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", what, spread(p50), few ? "" : spread(p99));
        });
        System.out.println();
        System.out.println("| build | engine | GraphHopper |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| graph | snapshot %,d ms, %.1f MB on the heap | BaseGraph %,d ms, %.1f MB |%n", snapshotMs,
                snapshotBytes / 1e6, ghGraphMs, ghGraphBytes / 1e6);
        System.out.printf(Locale.ROOT, "| landmarks (%d, all links open) | %,d ms | |%n", Router.DEFAULT_LANDMARKS, landmarksMs);
        System.out.printf(Locale.ROOT, "| contraction hierarchy of the bench date's epoch | %,d ms; %,d edges of which %,d shortcuts; %.1f MB "
                + "(%.1f MB per 100,000 links) | preparation %,d ms; %.1f MB on the heap |%n", hierarchyMs, built.edges(),
                built.shortcuts(), built.bytes() / 1e6, built.bytes() / 1e6 / (net.linkCount() / 100_000.0),
                gh.chPreparationMillis, ghChBytes / 1e6);
        System.out.println();
        System.out.printf(Locale.ROOT, "Agreement: every route pair, matrix cell and accessibility time within %.2f min, and the same "
                + "isochrone node counts: %s.%n", AGREE, disagreements.isEmpty() ? "yes" : "**no**: " + disagreements);
        examples.forEach(System.out::println);
        System.out.println();
        if (!disagreements.isEmpty()) {
            System.exit(1);
        }
    }

    private void agree(String what, double expected, double got) {
        boolean same = Double.isNaN(expected) ? Double.isNaN(got)
                : Double.isInfinite(expected) ? Double.isInfinite(got) : Math.abs(expected - got) <= AGREE;
        if (!same) {
            disagreements.merge(what, 1, Integer::sum);
            if (examples.size() < 10) {
                examples.add("- " + what + ": " + expected + " vs " + got);
            }
        }
    }

    private void time(String what, int count, IntToLongFunction one) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            nanos[i] = one.applyAsLong(i);
        }
        samples.computeIfAbsent(what, k -> new ArrayList<>()).add(nanos);
        progress("  %-85s p50 %9.3f ms", what, percentile(nanos, 0.5));
    }

    private static double percentile(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1));
        return sorted[i] / 1e6;
    }

    private static String spread(double[] sorted) {
        return String.format(Locale.ROOT, "%s (%s–%s)", fmt(sorted[sorted.length / 2]), fmt(sorted[0]), fmt(sorted[sorted.length - 1]));
    }

    private static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms)
                : String.format(Locale.ROOT, "%.3f", ms);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
