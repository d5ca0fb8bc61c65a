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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the router with a plain textbook Dijkstra on random dated graphs: links opening and closing on random
 * days, one-way links, several modes and lines, and queries on random dates and mode sets.
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

    private static Router.Filter randomFilter(Random random) {
        int mask = random.nextInt(3) == 0 ? 1 + random.nextInt(Mode.ALL) : Mode.ALL;
        return new Router.Filter((int) EPOCH.plusDays(random.nextInt(4000)).toEpochDay(), mask);
    }

    /** Plain Dijkstra over the link list: minutes from every source to every node ({@code +Infinity} if none). */
    private static double[] reference(Graph g, int[] sources, Router.Filter f, boolean reversed) {
        int n = g.nodes().size();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
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
            for (Link l : g.links()) {
                if (!open(l, f)) {
                    continue;
                }
                int a = index(l.from());
                int b = index(l.to());
                List<int[]> arcs = new ArrayList<>();
                arcs.add(reversed ? new int[] {b, a} : new int[] {a, b});
                if (l.bidirectional()) {
                    arcs.add(reversed ? new int[] {a, b} : new int[] {b, a});
                }
                for (int[] arc : arcs) {
                    if (arc[0] == u && dist[u] + l.minutes().doubleValue() < dist[arc[1]]) {
                        dist[arc[1]] = dist[u] + l.minutes().doubleValue();
                        queue.add(new double[] {dist[arc[1]], arc[1]});
                    }
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

    @Test
    void routesMatchTheReferenceAndAreMadeOfOpenLinks() {
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            Graph g = randomGraph(random);
            Router router = new Router(Network.of(g.nodes(), g.links()));
            for (int q = 0; q < 10; q++) {
                Router.Filter f = randomFilter(random);
                int s = random.nextInt(g.nodes().size());
                int t = random.nextInt(g.nodes().size());
                double expected = reference(g, new int[] {s}, f, false)[t];
                Optional<Route> route = router.route(s, t, f, 0);
                String where = "seed " + seed + " query " + q + " " + s + "->" + t;
                assertEquals(Double.isFinite(expected), route.isPresent(), where);
                if (route.isPresent()) {
                    assertEquals(expected, route.get().minutes(), EPS, where);
                    assertPathIsValid(router.network(), route.get(), f, 0, where);
                }
            }
        }
    }

    @Test
    void routesWithATransferPenaltyMatchTheReference() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Graph g = randomGraph(random);
            Router router = new Router(Network.of(g.nodes(), g.links()));
            for (int q = 0; q < 10; q++) {
                Router.Filter f = randomFilter(random);
                int s = random.nextInt(g.nodes().size());
                int t = random.nextInt(g.nodes().size());
                double penalty = 1 + random.nextInt(30);
                double expected = referenceWithTransfers(g, s, t, f, penalty);
                Optional<Route> route = router.route(s, t, f, penalty);
                String where = "seed " + seed + " query " + q + " " + s + "->" + t + " penalty " + penalty;
                assertEquals(Double.isFinite(expected), route.isPresent(), where);
                if (route.isPresent()) {
                    assertEquals(expected, route.get().minutes(), EPS, where);
                    assertPathIsValid(router.network(), route.get(), f, penalty, where);
                }
            }
        }
    }

    @Test
    void reachWithinABudgetMatchesTheReference() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Graph g = randomGraph(random);
            Router router = new Router(Network.of(g.nodes(), g.links()));
            Router.Filter f = randomFilter(random);
            int s = random.nextInt(g.nodes().size());
            double budget = random.nextInt(200);
            double[] expected = reference(g, new int[] {s}, f, false);
            Router.Reach reach = router.reach(s, f, budget);
            long within = Arrays.stream(expected).filter(d -> d <= budget).count();
            assertEquals(within, reach.nodes().length, "seed " + seed);
            for (int i = 0; i < reach.nodes().length; i++) {
                assertEquals(expected[reach.nodes()[i]], reach.minutes()[i], EPS, "seed " + seed);
                assertTrue(i == 0 || reach.minutes()[i - 1] <= reach.minutes()[i], "nearest first");
            }
        }
    }

    @Test
    void matrixRowsMatchTheReference() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            Graph g = randomGraph(random);
            int n = g.nodes().size();
            Router router = new Router(Network.of(g.nodes(), g.links()));
            Router.Filter f = randomFilter(random);
            int[] from = random.ints(1 + random.nextInt(12), 0, n).toArray();
            int[] to = random.ints(1 + random.nextInt(6), 0, n).toArray();
            Router.Matrix matrix = router.matrix(from, to, f);
            for (int i = 0; i < from.length; i++) {
                double[] expected = reference(g, new int[] {from[i]}, f, false);
                for (int j = 0; j < to.length; j++) {
                    double want = expected[to[j]];
                    double got = matrix.minutes()[i][j];
                    if (Double.isInfinite(want)) {
                        assertTrue(Double.isNaN(got), "seed " + seed + " unreachable pair");
                    } else {
                        assertEquals(want, got, EPS, "seed " + seed);
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
            Router router = new Router(Network.of(g.nodes(), g.links()));
            Router.Filter f = randomFilter(random);
            int[] targets = random.ints(1 + random.nextInt(3), 0, n).toArray();
            double[] expected = reference(g, targets, f, true);
            double[] got = router.towards(targets, f);
            for (int v = 0; v < n; v++) {
                if (Double.isInfinite(expected[v])) {
                    assertTrue(Double.isInfinite(got[v]), "seed " + seed + " node " + v);
                } else {
                    assertEquals(expected[v], got[v], EPS, "seed " + seed + " node " + v);
                }
            }
        }
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
