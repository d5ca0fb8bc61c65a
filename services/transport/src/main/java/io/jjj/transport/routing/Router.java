package io.jjj.transport.routing;

import io.jjj.transport.domain.Mode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Searches over one {@link Network} snapshot. Every search takes the day and the allowed modes and skips arcs that
 * are closed that day or of another mode right in the relaxation loop. Point-to-point routes use A* with a
 * straight-line lower bound; with a transfer penalty the search runs over arcs, so the line a node was reached on is
 * part of the state. Work arrays are per thread and reused, reset by a generation stamp instead of being cleared.
 */
public final class Router {

    /** The network as it stood on {@code day} (epoch day), restricted to the modes in {@code modeMask}. */
    public record Filter(int day, int modeMask) {
    }

    /** Nodes reached within a budget, in order of travel time. */
    public record Reach(int[] nodes, double[] minutes) {
    }

    /** Minutes and kilometres between every origin and destination; {@code NaN} where unreachable. */
    public record Matrix(double[][] minutes, double[][] km) {
    }

    private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(Workspace::new);
    private static final int PARALLEL_MATRIX_FROM = 8;

    private final Network net;

    public Router(Network net) {
        this.net = net;
    }

    public Network network() {
        return net;
    }

    public Optional<Route> route(int from, int to, Filter filter, double transferMinutes) {
        if (from == to) {
            return Optional.of(new Route(from, to, 0, 0, 0, 0, List.of()));
        }
        return transferMinutes > 0 ? routeOverArcs(from, to, filter, transferMinutes) : routeOverNodes(from, to, filter);
    }

    private Optional<Route> routeOverNodes(int s, int t, Filter f) {
        Workspace w = workspace();
        int gen = w.nextGeneration();
        Arcs g = net.forward;
        double tLon = net.lon[t];
        double tLat = net.lat[t];
        w.dist[s] = 0;
        w.km[s] = 0;
        w.parentArc[s] = -1;
        w.seen[s] = gen;
        w.heap.push(estimate(s, tLon, tLat), s);
        boolean found = false;
        while (!w.heap.isEmpty()) {
            int u = w.heap.pop();
            if (w.done[u] == gen) {
                continue;
            }
            w.done[u] = gen;
            if (u == t) {
                found = true;
                break;
            }
            double du = w.dist[u];
            for (int a = g.start[u], end = g.start[u + 1]; a < end; a++) {
                if (g.opened[a] > f.day || f.day >= g.closed[a] || (g.modeBit[a] & f.modeMask) == 0) {
                    continue;
                }
                int v = g.head[a];
                if (w.done[v] == gen) {
                    continue;
                }
                double nd = du + g.minutes[a];
                if (w.seen[v] != gen || nd < w.dist[v]) {
                    w.seen[v] = gen;
                    w.dist[v] = nd;
                    w.km[v] = w.km[u] + net.links.km[g.link[a]];
                    w.parentArc[v] = a;
                    w.parentNode[v] = u;
                    w.heap.push(nd + estimate(v, tLon, tLat), v);
                }
            }
        }
        w.heap.clear();
        if (!found) {
            return Optional.empty();
        }
        List<Integer> arcs = new ArrayList<>();
        for (int v = t; v != s; v = w.parentNode[v]) {
            arcs.add(w.parentArc[v]);
        }
        java.util.Collections.reverse(arcs);
        return Optional.of(toRoute(s, t, arcs, w.dist[t], 0));
    }

    private Optional<Route> routeOverArcs(int s, int t, Filter f, double penalty) {
        Workspace w = workspace();
        Arcs g = net.forward;
        w.ensureArcs(g.size());
        int gen = w.nextArcGeneration();
        double tLon = net.lon[t];
        double tLat = net.lat[t];
        for (int a = g.start[s], end = g.start[s + 1]; a < end; a++) {
            if (g.opened[a] > f.day || f.day >= g.closed[a] || (g.modeBit[a] & f.modeMask) == 0) {
                continue;
            }
            if (w.arcSeen[a] != gen || g.minutes[a] < w.arcDist[a]) {
                w.arcSeen[a] = gen;
                w.arcDist[a] = g.minutes[a];
                w.arcParent[a] = -1;
                w.heap.push(g.minutes[a] + estimate(g.head[a], tLon, tLat), a);
            }
        }
        int last = -1;
        while (!w.heap.isEmpty()) {
            int a = w.heap.pop();
            if (w.arcDone[a] == gen) {
                continue;
            }
            w.arcDone[a] = gen;
            int v = g.head[a];
            if (v == t) {
                last = a;
                break;
            }
            double da = w.arcDist[a];
            int lineA = g.line[a];
            for (int b = g.start[v], end = g.start[v + 1]; b < end; b++) {
                if (g.opened[b] > f.day || f.day >= g.closed[b] || (g.modeBit[b] & f.modeMask) == 0 || w.arcDone[b] == gen) {
                    continue;
                }
                double nd = da + g.minutes[b] + (g.line[b] != lineA ? penalty : 0);
                if (w.arcSeen[b] != gen || nd < w.arcDist[b]) {
                    w.arcSeen[b] = gen;
                    w.arcDist[b] = nd;
                    w.arcParent[b] = a;
                    w.heap.push(nd + estimate(g.head[b], tLon, tLat), b);
                }
            }
        }
        w.heap.clear();
        if (last < 0) {
            return Optional.empty();
        }
        List<Integer> arcs = new ArrayList<>();
        for (int a = last; a >= 0; a = w.arcParent[a]) {
            arcs.add(a);
        }
        java.util.Collections.reverse(arcs);
        return Optional.of(toRoute(s, t, arcs, w.arcDist[last], penalty));
    }

    private Route toRoute(int s, int t, List<Integer> arcs, double minutes, double penalty) {
        Arcs g = net.forward;
        List<Route.Leg> legs = new ArrayList<>();
        List<Integer> legNodes = new ArrayList<>(List.of(s));
        List<Integer> legLinks = new ArrayList<>();
        double legMinutes = 0;
        double legKm = 0;
        double km = 0;
        for (int i = 0; i < arcs.size(); i++) {
            int a = arcs.get(i);
            int k = g.link[a];
            legNodes.add(g.head[a]);
            legLinks.add(k);
            legMinutes += g.minutes[a];
            legKm += net.links.km[k];
            km += net.links.km[k];
            boolean lastOfLeg = i + 1 == arcs.size() || g.line[arcs.get(i + 1)] != g.line[a];
            if (lastOfLeg) {
                legs.add(new Route.Leg(net.linkLine(k), Mode.values()[net.links.mode[k]], List.copyOf(legNodes),
                        List.copyOf(legLinks), legMinutes, legKm));
                legNodes = new ArrayList<>(List.of(g.head[a]));
                legLinks = new ArrayList<>();
                legMinutes = 0;
                legKm = 0;
            }
        }
        int transfers = Math.max(0, legs.size() - 1);
        return new Route(s, t, minutes, km, transfers, transfers * penalty, List.copyOf(legs));
    }

    /** Every node reachable from {@code from} within {@code budget} minutes, nearest first. */
    public Reach reach(int from, Filter filter, double budget) {
        Workspace w = workspace();
        int settled = settle(w, net.forward, new int[] {from}, filter, budget, null);
        int[] nodes = Arrays.copyOf(w.order, settled);
        double[] minutes = new double[settled];
        for (int i = 0; i < settled; i++) {
            minutes[i] = w.dist[nodes[i]];
        }
        return new Reach(nodes, minutes);
    }

    /** One search per origin, each stopping as soon as every destination is settled. */
    public Matrix matrix(int[] from, int[] to, Filter filter) {
        double[][] minutes = new double[from.length][];
        double[][] km = new double[from.length][];
        IntStream rows = IntStream.range(0, from.length);
        (from.length >= PARALLEL_MATRIX_FROM ? rows.parallel() : rows).forEach(i -> {
            Workspace w = workspace();
            settle(w, net.forward, new int[] {from[i]}, filter, Double.POSITIVE_INFINITY, to);
            double[] rowMinutes = new double[to.length];
            double[] rowKm = new double[to.length];
            for (int j = 0; j < to.length; j++) {
                boolean reached = w.done[to[j]] == w.generation;
                rowMinutes[j] = reached ? w.dist[to[j]] : Double.NaN;
                rowKm[j] = reached ? w.km[to[j]] : Double.NaN;
            }
            minutes[i] = rowMinutes;
            km[i] = rowKm;
        });
        return new Matrix(minutes, km);
    }

    /**
     * For every node, the fewest minutes from it to the nearest of {@code targets} ({@code +Infinity} when none can
     * be reached): one search from all targets at once over the reversed arcs.
     */
    public double[] towards(int[] targets, Filter filter) {
        Workspace w = workspace();
        settle(w, net.reverse, targets, filter, Double.POSITIVE_INFINITY, null);
        double[] minutes = new double[net.nodeCount()];
        for (int v = 0; v < minutes.length; v++) {
            minutes[v] = w.done[v] == w.generation ? w.dist[v] : Double.POSITIVE_INFINITY;
        }
        return minutes;
    }

    /**
     * Dijkstra from several sources over {@code g}; settled nodes are listed in {@code w.order} and their minutes
     * are in {@code w.dist}. Stops past the budget, or once every node of {@code stopAfter} is settled.
     */
    private int settle(Workspace w, Arcs g, int[] sources, Filter f, double budget, int[] stopAfter) {
        int gen = w.nextGeneration();
        int pending = 0;
        if (stopAfter != null) {
            for (int v : stopAfter) {
                if (w.wanted[v] != gen) {
                    w.wanted[v] = gen;
                    pending++;
                }
            }
        }
        for (int s : sources) {
            w.dist[s] = 0;
            w.km[s] = 0;
            w.seen[s] = gen;
            w.heap.push(0, s);
        }
        int settled = 0;
        while (!w.heap.isEmpty()) {
            if (w.heap.minKey() > budget) {
                break;
            }
            int u = w.heap.pop();
            if (w.done[u] == gen) {
                continue;
            }
            w.done[u] = gen;
            w.order[settled++] = u;
            if (stopAfter != null && w.wanted[u] == gen && --pending == 0) {
                break;
            }
            double du = w.dist[u];
            for (int a = g.start[u], end = g.start[u + 1]; a < end; a++) {
                if (g.opened[a] > f.day || f.day >= g.closed[a] || (g.modeBit[a] & f.modeMask) == 0) {
                    continue;
                }
                int v = g.head[a];
                if (w.done[v] == gen) {
                    continue;
                }
                double nd = du + g.minutes[a];
                if (w.seen[v] != gen || nd < w.dist[v]) {
                    w.seen[v] = gen;
                    w.dist[v] = nd;
                    w.km[v] = w.km[u] + net.links.km[g.link[a]];
                    w.heap.push(nd, v);
                }
            }
        }
        w.heap.clear();
        return settled;
    }

    private double estimate(int v, double tLon, double tLat) {
        return net.minutesPerKm == 0 ? 0 : net.minutesPerKm * Geo.km(net.lon[v], net.lat[v], tLon, tLat);
    }

    private Workspace workspace() {
        Workspace w = WORKSPACES.get();
        w.ensureNodes(net.nodeCount());
        return w;
    }

    /** Per-thread search state; an entry counts only when its stamp equals the current generation. */
    private static final class Workspace {
        double[] dist = new double[0];
        double[] km = new double[0];
        int[] parentArc = new int[0];
        int[] parentNode = new int[0];
        int[] seen = new int[0];
        int[] done = new int[0];
        int[] wanted = new int[0];
        int[] order = new int[0];
        int generation;
        double[] arcDist = new double[0];
        int[] arcParent = new int[0];
        int[] arcSeen = new int[0];
        int[] arcDone = new int[0];
        int arcGeneration;
        final MinHeap heap = new MinHeap(1024);

        void ensureNodes(int n) {
            if (dist.length < n) {
                dist = new double[n];
                km = new double[n];
                parentArc = new int[n];
                parentNode = new int[n];
                seen = new int[n];
                done = new int[n];
                wanted = new int[n];
                order = new int[n];
                generation = 0;
            }
        }

        void ensureArcs(int m) {
            if (arcDist.length < m) {
                arcDist = new double[m];
                arcParent = new int[m];
                arcSeen = new int[m];
                arcDone = new int[m];
                arcGeneration = 0;
            }
        }

        int nextGeneration() {
            if (generation == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                Arrays.fill(done, 0);
                Arrays.fill(wanted, 0);
                generation = 0;
            }
            return ++generation;
        }

        int nextArcGeneration() {
            if (arcGeneration == Integer.MAX_VALUE) {
                Arrays.fill(arcSeen, 0);
                Arrays.fill(arcDone, 0);
                arcGeneration = 0;
            }
            return ++arcGeneration;
        }
    }
}
