package io.jjj.transport.routing;

import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.domain.Node;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the router with a plain textbook Dijkstra on random dated graphs: links opening and closing on random
 * days, one-way links, several modes and lines, and queries on random dates (often the day a link opens or closes,
 * or the day before) and mode sets. Every query runs twice: on the plain searches (A* with landmarks), and on the
 * contraction hierarchy of the epoch asked about (built on the spot).
 */
class RouterPropertyTest {

    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    private static final double EPS = 1e-9;

    private record Graph(List<Node> nodes, List<Link> links) {
    }

    private static Graph randomGraph(Random random) {
        int n = 2 + random.nextInt(40);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new Node("N" + i, "Node " + i, null, "hsr-station", "110000",
                    115 + random.nextDouble() * 4, 37 + random.nextDouble() * 4));
        }
        int m = random.nextInt(n * 3 + 1);
        List<Link> links = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            int from = random.nextInt(n);
            int to = random.nextInt(n);
            if (from == to) {
                continue;
            }
            Mode mode = Mode.values()[random.nextInt(Mode.values().length)];
            LocalDate opened = EPOCH.plusDays(random.nextInt(3000));
            LocalDate closed = random.nextInt(4) == 0 ? opened.plusDays(1 + random.nextInt(2000)) : null;
            double minutes = 1 + random.nextInt(90) + (random.nextBoolean() ? 0.5 : 0);
            links.add(new Link("L" + k, "N" + from, "N" + to, mode.value(), "line" + random.nextInt(4),
                    BigDecimal.valueOf(1 + random.nextInt(200)), BigDecimal.valueOf(minutes), opened, closed,
                    random.nextInt(5) != 0, null));
        }
        return new Graph(nodes, links);
    }

    /** A random day, half the time one on which a link opens or closes or the day before; a random mode set. */
    private static Router.Filter randomFilter(Random random, Graph g) {
        int mask = random.nextInt(3) == 0 ? 1 + random.nextInt(Mode.ALL) : Mode.ALL;
        LocalDate day = EPOCH.plusDays(random.nextInt(4000));
        if (!g.links().isEmpty() && random.nextBoolean()) {
            Link link = g.links().get(random.nextInt(g.links().size()));
            LocalDate change = link.closed() != null && random.nextBoolean() ? link.closed() : link.opened();
            day = random.nextBoolean() ? change : change.minusDays(1);
        }
        return new Router.Filter((int) day.toEpochDay(), mask);
    }

    /** The plain router and one answering from contraction hierarchies, built synchronously when first asked for. */
    private static List<Router> routers(Graph g) {
        Network net = Network.of(g.nodes(), g.links());
        return List.of(new Router(net), new Router(net, 4, Runnable::run, 64));
    }

    /** Plain Dijkstra over the links open that day: minutes from every source to every node ({@code +Infinity} if none). */
    private static double[] reference(Graph g, int[] sources, Router.Filter f, boolean reversed) {
        int n = g.nodes().size();
        List<List<double[]>> arcs = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            arcs.add(new ArrayList<>());
        }
        for (Link l : g.links()) {
            if (!open(l, f)) {
                continue;
            }
            int a = index(l.from());
            int b = index(l.to());
            double minutes = l.minutes().doubleValue();
            arcs.get(reversed ? b : a).add(new double[] {reversed ? a : b, minutes});
            if (l.bidirectional()) {
                arcs.get(reversed ? a : b).add(new double[] {reversed ? b : a, minutes});
            }
        }
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        for (int s : sources) {
            dist[s] = 0;
            queue.add(new double[] {0, s});
        }
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int u = (int) top[1];
            if (top[0] > dist[u]) {
                continue;
            }
            for (double[] arc : arcs.get(u)) {
                int v = (int) arc[0];
                if (dist[u] + arc[1] < dist[v]) {
                    dist[v] = dist[u] + arc[1];
                    queue.add(new double[] {dist[v], v});
                }
            }
        }
        return dist;
    }

    /** Plain Dijkstra over (node, line arrived on) states, for routes with a transfer penalty. */
    private static double referenceWithTransfers(Graph g, int s, int t, Router.Filter f, double penalty) {
        if (s == t) {
            return 0;
        }
        Map<String, Double> best = new HashMap<>();
        PriorityQueue<Object[]> queue = new PriorityQueue<>((a, b) -> Double.compare((double) a[0], (double) b[0]));
        queue.add(new Object[] {0.0, s, null});
        while (!queue.isEmpty()) {
            Object[] top = queue.poll();
            double d = (double) top[0];
            int u = (int) top[1];
            String line = (String) top[2];
            if (u == t) {
                return d;
            }
            String key = u + "|" + line;
            if (best.containsKey(key) && best.get(key) < d) {
                continue;
            }
            for (Link l : g.links()) {
                if (!open(l, f)) {
                    continue;
                }
                int a = index(l.from());
                int b = index(l.to());
                int next = a == u ? b : (l.bidirectional() && b == u ? a : -1);
                if (next < 0) {
                    continue;
                }
                String lineOfLink = l.mode() + "/" + l.line();
                double nd = d + l.minutes().doubleValue() + (line != null && !line.equals(lineOfLink) ? penalty : 0);
                String nextKey = next + "|" + lineOfLink;
                if (nd < best.getOrDefault(nextKey, Double.POSITIVE_INFINITY)) {
                    best.put(nextKey, nd);
                    queue.add(new Object[] {nd, next, lineOfLink});
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static boolean open(Link l, Router.Filter f) {
        return l.openOn(LocalDate.ofEpochDay(f.day())) && (Mode.parse(l.mode()).orElseThrow().bit() & f.modeMask()) != 0;
    }

    private static int index(String id) {
        return Integer.parseInt(id.substring(1));
    }

    private static String where(int seed, Router router) {
        return "seed " + seed + (router.hierarchies().isPresent() ? " (hierarchy)" : " (plain)");
    }

    @Test
    void routesMatchTheReferenceAndAreMadeOfOpenLinks() {
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            Graph g = randomGraph(random);
            List<Router> routers = routers(g);
            for (int q = 0; q < 10; q++) {
                Router.Filter f = randomFilter(random, g);
                int s = random.nextInt(g.nodes().size());
                int t = random.nextInt(g.nodes().size());
                double expected = reference(g, new int[] {s}, f, false)[t];
                for (Router router : routers) {
                    Optional<Route> route = router.route(s, t, f, 0);
                    String where = where(seed, router) + " query " + q + " " + s + "->" + t;
                    assertEquals(Double.isFinite(expected), route.isPresent(), where);
                    if (route.isPresent()) {
                        assertEquals(expected, route.get().minutes(), EPS, where);
                        assertPathIsValid(router.network(), route.get(), f, 0, where);
                    }
                }
            }
        }
    }

    @Test
    void routesWithATransferPenaltyMatchTheReference() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Graph g = randomGraph(random);
            List<Router> routers = routers(g);
            for (int q = 0; q < 10; q++) {
                Router.Filter f = randomFilter(random, g);
                int s = random.nextInt(g.nodes().size());
                int t = random.nextInt(g.nodes().size());
                double penalty = 1 + random.nextInt(30);
                double expected = referenceWithTransfers(g, s, t, f, penalty);
                for (Router router : routers) {
                    Optional<Route> route = router.route(s, t, f, penalty);
                    String where = where(seed, router) + " query " + q + " " + s + "->" + t + " penalty " + penalty;
                    assertEquals(Double.isFinite(expected), route.isPresent(), where);
                    if (route.isPresent()) {
                        assertEquals(expected, route.get().minutes(), EPS, where);
                        assertPathIsValid(router.network(), route.get(), f, penalty, where);
                    }
                }
            }
        }
    }

    @Test
    void reachWithinABudgetMatchesTheReference() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Graph g = randomGraph(random);
            Router.Filter f = randomFilter(random, g);
            int s = random.nextInt(g.nodes().size());
            double budget = random.nextInt(200);
            double[] expected = reference(g, new int[] {s}, f, false);
            long within = Arrays.stream(expected).filter(d -> d <= budget).count();
            for (Router router : routers(g)) {
                Router.Reach reach = router.reach(s, f, budget);
                String where = where(seed, router);
                assertEquals(within, reach.nodes().length, where);
                for (int i = 0; i < reach.nodes().length; i++) {
                    assertEquals(expected[reach.nodes()[i]], reach.minutes()[i], EPS, where);
                    assertTrue(i == 0 || reach.minutes()[i - 1] <= reach.minutes()[i], where + ": nearest first");
                }
            }
        }
    }

    @Test
    void matrixCellsMatchTheReference() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            Graph g = randomGraph(random);
            int n = g.nodes().size();
            Router.Filter f = randomFilter(random, g);
            int[] from = random.ints(1 + random.nextInt(12), 0, n).toArray();
            int[] to = random.ints(1 + random.nextInt(6), 0, n).toArray();
            for (Router router : routers(g)) {
                Router.Matrix matrix = router.matrix(from, to, f);
                String where = where(seed, router);
                for (int i = 0; i < from.length; i++) {
                    double[] expected = reference(g, new int[] {from[i]}, f, false);
                    for (int j = 0; j < to.length; j++) {
                        double want = expected[to[j]];
                        double got = matrix.minutes()[i][j];
                        if (Double.isInfinite(want)) {
                            assertTrue(Double.isNaN(got) && Double.isNaN(matrix.km()[i][j]), where + " unreachable pair");
                        } else {
                            assertEquals(want, got, EPS, where);
                            assertTrue(matrix.km()[i][j] >= 0, where + " km");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theReversedMultiSourceSearchMatchesTheReference() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Graph g = randomGraph(random);
            int n = g.nodes().size();
            Router.Filter f = randomFilter(random, g);
            int[] targets = random.ints(1 + random.nextInt(3), 0, n).toArray();
            double[] expected = reference(g, targets, f, true);
            for (Router router : routers(g)) {
                double[] got = router.towards(targets, f);
                for (int v = 0; v < n; v++) {
                    String where = where(seed, router) + " node " + v;
                    if (Double.isInfinite(expected[v])) {
                        assertTrue(Double.isInfinite(got[v]), where);
                    } else {
                        assertEquals(expected[v], got[v], EPS, where);
                    }
                }
            }
        }
    }

    /** A 20 x 20 grid with diagonals and longer links, dated: deep enough a hierarchy for stalls and long shortcuts. */
    private static Graph randomGrid(Random random) {
        int side = 20;
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < side * side; i++) {
            nodes.add(new Node("N" + i, "Node " + i, null, "city", "130000", 115 + (i % side) * 0.01, 38 + (i / side) * 0.01));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < side * side; i++) {
            int r = i / side;
            int c = i % side;
            int[][] steps = {{0, 1}, {1, 0}, {1, 1}, {1, -1}, {random.nextInt(7) - 3, random.nextInt(7) - 3}};
            for (int[] step : steps) {
                int r2 = r + step[0];
                int c2 = c + step[1];
                if (r2 < 0 || r2 >= side || c2 < 0 || c2 >= side || (r2 == r && c2 == c)) {
                    continue;
                }
                Mode mode = Mode.values()[random.nextInt(3)];
                LocalDate opened = EPOCH.plusDays(random.nextInt(3000));
                LocalDate closed = random.nextInt(8) == 0 ? opened.plusDays(1 + random.nextInt(2000)) : null;
                links.add(new Link("L" + links.size(), "N" + i, "N" + (r2 * side + c2), mode.value(), "line" + random.nextInt(3),
                        BigDecimal.valueOf(1 + random.nextInt(20)), BigDecimal.valueOf(1 + random.nextInt(40) / 4.0), opened, closed,
                        random.nextInt(10) != 0, null));
            }
        }
        return new Graph(nodes, links);
    }

    @Test
    void onALargerDatedGridEveryQueryTypeMatchesTheReference() {
        for (int seed = 0; seed < 3; seed++) {
            Random random = new Random(seed);
            Graph g = randomGrid(random);
            int n = g.nodes().size();
            List<Router> routers = routers(g);
            for (int q = 0; q < 4; q++) {
                Router.Filter f = randomFilter(random, g);
                int[] from = random.ints(6, 0, n).toArray();
                int[] to = random.ints(6, 0, n).toArray();
                double budget = 5 + random.nextInt(40);
                double[][] expected = new double[from.length][];
                for (int i = 0; i < from.length; i++) {
                    expected[i] = reference(g, new int[] {from[i]}, f, false);
                }
                double[] towards = reference(g, to, f, true);
                for (Router router : routers) {
                    String where = where(seed, router) + " query " + q;
                    Router.Matrix matrix = router.matrix(from, to, f);
                    for (int i = 0; i < from.length; i++) {
                        for (int j = 0; j < to.length; j++) {
                            double want = expected[i][to[j]];
                            Optional<Route> route = router.route(from[i], to[j], f, 0);
                            assertEquals(Double.isFinite(want), route.isPresent(), where);
                            if (Double.isFinite(want)) {
                                assertEquals(want, route.get().minutes(), EPS, where);
                                assertPathIsValid(router.network(), route.get(), f, 0, where);
                                assertEquals(want, matrix.minutes()[i][j], EPS, where);
                            } else {
                                assertTrue(Double.isNaN(matrix.minutes()[i][j]), where);
                            }
                        }
                    }
                    Router.Reach reach = router.reach(from[0], f, budget);
                    assertEquals(Arrays.stream(expected[0]).filter(d -> d <= budget).count(), reach.nodes().length, where);
                    for (int i = 0; i < reach.nodes().length; i++) {
                        assertEquals(expected[0][reach.nodes()[i]], reach.minutes()[i], EPS, where);
                    }
                    double[] got = router.towards(to, f);
                    for (int v = 0; v < n; v++) {
                        assertEquals(towards[v], got[v], Double.isInfinite(towards[v]) ? 0 : EPS, where + " node " + v);
                    }
                }
            }
        }
    }

    @Test
    void aNodeExactlyAtTheBudgetIsReachedThoughItsMinutesAddUpAHairAbove() {
        List<Node> nodes = List.of(new Node("N0", "a", null, "city", "130000", 115, 38),
                new Node("N1", "b", null, "city", "130000", 115.1, 38), new Node("N2", "c", null, "city", "130000", 115.2, 38));
        LocalDate opened = EPOCH;
        Graph g = new Graph(nodes, List.of(
                new Link("L0", "N0", "N1", "hsr", "x", BigDecimal.ONE, new BigDecimal("0.1"), opened, null, true, null),
                new Link("L1", "N1", "N2", "hsr", "x", BigDecimal.ONE, new BigDecimal("0.2"), opened, null, true, null)));
        assertTrue(0.1 + 0.2 > 0.3, "the sum in binary floating point is above the budget");
        Router.Filter f = new Router.Filter((int) EPOCH.plusDays(1).toEpochDay(), Mode.ALL);
        for (Router router : routers(g)) {
            assertEquals(3, router.reach(0, f, 0.3).nodes().length, where(0, router));
        }
    }

    @Test
    void oneHierarchyServesEveryDayOfAnEpochAndTheCacheKeepsTheMostRecentlyUsed() {
        Random random = new Random(11);
        Graph g = randomGraph(random);
        while (g.links().size() < 20) {
            g = randomGraph(random);
        }
        Network net = Network.of(g.nodes(), g.links());
        List<Runnable> queued = new ArrayList<>();
        Router router = new Router(net, 4, queued::add, 2);
        Link link = g.links().get(0);
        Router.Filter opening = new Router.Filter((int) link.opened().toEpochDay(), Mode.ALL);
        Router.Filter dayBefore = new Router.Filter(opening.day() - 1, Mode.ALL);

        assertFalse(router.prepare(opening), "nothing is built until the executor runs it");
        assertEquals(1, queued.size());
        assertFalse(router.prepare(opening), "asking again does not queue a second build");
        assertEquals(1, queued.size());
        queued.remove(0).run();
        assertTrue(router.prepare(opening));
        assertTrue(router.prepare(new Router.Filter(opening.day() + epochLength(net, opening.day()) - 1, Mode.ALL)),
                "the last day of the epoch shares its hierarchy");

        assertFalse(router.prepare(dayBefore), "the day before the link opens is another epoch");
        Router.Filter hsr = new Router.Filter(opening.day(), Mode.HSR.bit());
        assertFalse(router.prepare(hsr), "another mode set is another one");
        assertEquals(2, queued.size());
        queued.forEach(Runnable::run);
        queued.clear();
        assertEquals(2, router.hierarchies().orElseThrow().built().size(), "at most two are kept");
        assertTrue(router.prepare(dayBefore));
        assertTrue(router.prepare(hsr));
        assertFalse(router.prepare(opening), "the least recently used was dropped and is built again when asked for");
        assertEquals(1, queued.size());
    }

    @Test
    void whenTheBuildExecutorRefusesWorkQueriesAreStillAnsweredAndTheEpochIsAskedForAgainLater() {
        Random random = new Random(5);
        Graph g = randomGraph(random);
        Network net = Network.of(g.nodes(), g.links());
        List<Runnable> accepted = new ArrayList<>();
        boolean[] refusing = {true};
        Router router = new Router(net, 4, task -> {
            if (refusing[0]) {
                throw new RejectedExecutionException("shutting down");
            }
            accepted.add(task);
        }, 2);
        Router.Filter f = new Router.Filter((int) EPOCH.plusDays(2000).toEpochDay(), Mode.ALL);
        double[] expected = reference(g, new int[] {0}, f, false);
        assertEquals(Arrays.stream(expected).filter(Double::isFinite).count(), router.reach(0, f, 1e9).nodes().length);
        refusing[0] = false;
        assertFalse(router.prepare(f));
        assertEquals(1, accepted.size(), "the refused epoch was not left pending for ever");
    }

    /** How many days from {@code day} on the links open stay the same. */
    private static int epochLength(Network net, int day) {
        int length = 1;
        while (length < 10_000 && net.epochOf(day + length) == net.epochOf(day)) {
            length++;
        }
        return length;
    }

    private static void assertPathIsValid(Network net, Route route, Router.Filter f, double penalty, String where) {
        int at = route.from();
        double minutes = 0;
        double km = 0;
        for (Route.Leg leg : route.legs()) {
            assertEquals(at, leg.nodes().get(0), where);
            assertFalse(leg.links().isEmpty(), where);
            for (int i = 0; i < leg.links().size(); i++) {
                int k = leg.links().get(i);
                int next = leg.nodes().get(i + 1);
                assertTrue(net.linkOpen(k, f.day(), f.modeMask()), where + ": link " + net.linkId(k) + " is not open");
                boolean forward = net.linkFrom(k) == at && net.linkTo(k) == next;
                boolean backward = net.linkTo(k) == at && net.linkFrom(k) == next && net.links.bidirectional[k];
                assertTrue(forward || backward, where + ": link " + net.linkId(k) + " does not join the steps");
                assertEquals(leg.line(), net.linkLine(k), where);
                minutes += net.linkMinutes(k);
                km += net.linkKm(k);
                at = next;
            }
        }
        assertEquals(route.to(), at, where);
        assertEquals(route.minutes(), minutes + route.transfers() * penalty, EPS, where);
        assertEquals(route.km(), km, EPS, where);
    }
}
