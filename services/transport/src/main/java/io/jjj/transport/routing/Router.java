package io.jjj.transport.routing;

import io.jjj.transport.domain.Mode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

/**
 * Searches over one {@link Network} snapshot. Every search takes the day and the allowed modes. Where the contraction
 * hierarchy of that epoch and mode set is built ({@link Hierarchies}), routes without a transfer penalty, matrices,
 * reaches and reversed searches run on it ({@link HierarchySearch}). Otherwise, and for routes with a transfer
 * penalty, the plain searches run on the snapshot and skip arcs closed that day or of another mode right in the
 * relaxation loop: point-to-point routes use A* bounded below by landmarks (ALT) and the straight line; with a
 * transfer penalty the search runs over arcs, so the line a node was reached on is part of the state (a node-based
 * hierarchy cannot keep that exact). Node searches use a 4-ary heap with decrease-key; the arc search a lazy binary
 * heap. Work arrays are per thread and reused, reset by a generation stamp instead of being cleared.
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

    /**
     * Minutes are decimals summed in binary floating point, so a node exactly at a budget can come out a hair above
     * it along one order of additions and not along another: budgets are compared with this much slack, so every
     * search includes it.
     */
    static final double BUDGET_SLACK = 1e-9;

    /** Landmarks for the plain A* when none are configured: enough to cut the search well, cheap to compute. */
    public static final int DEFAULT_LANDMARKS = 8;

    private final Network net;
    private final Landmarks landmarks;
    private final Hierarchies hierarchies;

    /** A router with the plain searches only (A* with landmarks), no hierarchies. */
    public Router(Network net) {
        this(net, DEFAULT_LANDMARKS, null, 0);
    }

    /**
     * A router that builds the hierarchy of each epoch and mode set it is asked about on {@code hierarchyBuilds}
     * (none when null), keeping at most {@code maxHierarchies}.
     */
    public Router(Network net, int landmarkCount, Executor hierarchyBuilds, int maxHierarchies) {
        this.net = net;
        this.landmarks = Landmarks.of(net, landmarkCount);
        this.hierarchies = hierarchyBuilds == null ? null : new Hierarchies(net, hierarchyBuilds, maxHierarchies);
    }

    /** The hierarchies of this snapshot, if it builds any. */
    public Optional<Hierarchies> hierarchies() {
        return Optional.ofNullable(hierarchies);
    }

    /** Asks for the hierarchy of the epoch and mode set of {@code filter}; true if it is already built. */
    public boolean prepare(Filter filter) {
        return hierarchy(filter).isPresent();
    }

    private Optional<Hierarchy> hierarchy(Filter filter) {
        return hierarchies == null || net.nodeCount() == 0 ? Optional.empty() : hierarchies.ready(filter);
    }

    public Network network() {
        return net;
    }

    public Optional<Route> route(int from, int to, Filter filter, double transferMinutes) {
        if (from == to) {
            return Optional.of(new Route(from, to, 0, 0, 0, 0, List.of()));
        }
        if (transferMinutes > 0) {
            return routeOverArcs(from, to, filter, transferMinutes);
        }
        Optional<Hierarchy> h = hierarchy(filter);
        if (h.isEmpty()) {
            return routeOverNodes(from, to, filter);
        }
        HierarchySearch.Path path = HierarchySearch.route(h.get(), from, to);
        return path == null ? Optional.empty()
                : Optional.of(toRoute(from, to, Arrays.stream(path.arcs()).boxed().toList(), path.minutes(), 0));
    }

    private Optional<Route> routeOverNodes(int s, int t, Filter f) {
        Workspace w = workspace();
        int seen = w.nextGeneration();
        int done = seen + 1;
        Arcs g = net.forward;
        int[] data = g.data;
        int[] state = w.state;
        double[] dist = w.dist;
        int day = f.day;
        int mask = f.modeMask;
        dist[s] = 0;
        w.km[s] = 0;
        state[s] = seen;
        w.nodeHeap.insert(estimate(s, t), s);
        boolean found = false;
        while (!w.nodeHeap.isEmpty()) {
            int u = w.nodeHeap.pop();
            state[u] = done;
            if (u == t) {
                found = true;
                break;
            }
            double du = dist[u];
            for (int a = g.start[u], end = g.start[u + 1]; a < end; a++) {
                if (!Arcs.usable(data, a, day, mask)) {
                    continue;
                }
                int v = data[a * Arcs.STRIDE + Arcs.HEAD];
                int sv = state[v];
                if (sv == done) {
                    continue;
                }
                double nd = du + g.minutes[a];
                if (sv != seen) {
                    state[v] = seen;
                    w.bound[v] = estimate(v, t);
                    w.nodeHeap.insert(nd + w.bound[v], v);
                } else if (nd < dist[v]) {
                    w.nodeHeap.decrease(nd + w.bound[v], v);
                } else {
                    continue;
                }
                dist[v] = nd;
                w.km[v] = w.km[u] + g.km[a];
                w.parentArc[v] = a;
                w.parentNode[v] = u;
            }
        }
        w.nodeHeap.clear();
        if (!found) {
            return Optional.empty();
        }
        List<Integer> arcs = new ArrayList<>();
        for (int v = t; v != s; v = w.parentNode[v]) {
            arcs.add(w.parentArc[v]);
        }
        java.util.Collections.reverse(arcs);
        return Optional.of(toRoute(s, t, arcs, dist[t], 0));
    }

    private Optional<Route> routeOverArcs(int s, int t, Filter f, double penalty) {
        Workspace w = workspace();
        Arcs g = net.forward;
        w.ensureArcs(g.size());
        int seen = w.nextArcGeneration();
        int done = seen + 1;
        int[] data = g.data;
        int[] state = w.arcState;
        for (int a = g.start[s], end = g.start[s + 1]; a < end; a++) {
            if (!open(data, a, f)) {
                continue;
            }
            if (state[a] != seen || g.minutes[a] < w.arcDist[a]) {
                state[a] = seen;
                w.arcDist[a] = g.minutes[a];
                w.arcParent[a] = -1;
                w.heap.push(g.minutes[a] + estimate(g.head(a), t), a);
            }
        }
        int last = -1;
        while (!w.heap.isEmpty()) {
            int a = w.heap.pop();
            if (state[a] == done) {
                continue;
            }
            state[a] = done;
            int v = g.head(a);
            if (v == t) {
                last = a;
                break;
            }
            double da = w.arcDist[a];
            int lineA = g.line[a];
            for (int b = g.start[v], end = g.start[v + 1]; b < end; b++) {
                if (!open(data, b, f) || state[b] == done) {
                    continue;
                }
                double nd = da + g.minutes[b] + (g.line[b] != lineA ? penalty : 0);
                if (state[b] != seen || nd < w.arcDist[b]) {
                    state[b] = seen;
                    w.arcDist[b] = nd;
                    w.arcParent[b] = a;
                    w.heap.push(nd + estimate(g.head(b), t), b);
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

    private static boolean open(int[] data, int a, Filter f) {
        return Arcs.usable(data, a, f.day, f.modeMask);
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
            legNodes.add(g.head(a));
            legLinks.add(k);
            legMinutes += g.minutes[a];
            legKm += g.km[a];
            km += g.km[a];
            boolean lastOfLeg = i + 1 == arcs.size() || g.line[arcs.get(i + 1)] != g.line[a];
            if (lastOfLeg) {
                legs.add(new Route.Leg(net.linkLine(k), Mode.values()[net.links.mode[k]], List.copyOf(legNodes),
                        List.copyOf(legLinks), legMinutes, legKm));
                legNodes = new ArrayList<>(List.of(g.head(a)));
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
        Optional<Hierarchy> h = hierarchy(filter);
        if (h.isPresent()) {
            return HierarchySearch.reach(h.get(), from, budget);
        }
        Workspace w = workspace();
        int settled = settle(w, net.forward, new int[] {from}, filter, budget + BUDGET_SLACK, null);
        int[] nodes = Arrays.copyOf(w.order, settled);
        double[] minutes = new double[settled];
        for (int i = 0; i < settled; i++) {
            minutes[i] = w.dist[nodes[i]];
        }
        return new Reach(nodes, minutes);
    }

    /**
     * Bucket many-to-many on the hierarchy; without one, one search per origin, each stopping as soon as every
     * destination is settled.
     */
    public Matrix matrix(int[] from, int[] to, Filter filter) {
        Optional<Hierarchy> h = hierarchy(filter);
        if (h.isPresent()) {
            return HierarchySearch.matrix(h.get(), from, to);
        }
        double[][] minutes = new double[from.length][];
        double[][] km = new double[from.length][];
        IntStream rows = IntStream.range(0, from.length);
        (from.length >= PARALLEL_MATRIX_FROM ? rows.parallel() : rows).forEach(i -> {
            Workspace w = workspace();
            settle(w, net.forward, new int[] {from[i]}, filter, Double.POSITIVE_INFINITY, to);
            double[] rowMinutes = new double[to.length];
            double[] rowKm = new double[to.length];
            for (int j = 0; j < to.length; j++) {
                boolean reached = w.state[to[j]] == w.generation + 1;
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
        Optional<Hierarchy> h = hierarchy(filter);
        if (h.isPresent()) {
            return HierarchySearch.towards(h.get(), targets);
        }
        Workspace w = workspace();
        settle(w, net.reverse, targets, filter, Double.POSITIVE_INFINITY, null);
        double[] minutes = new double[net.nodeCount()];
        for (int v = 0; v < minutes.length; v++) {
            minutes[v] = w.state[v] == w.generation + 1 ? w.dist[v] : Double.POSITIVE_INFINITY;
        }
        return minutes;
    }

    /**
     * Dijkstra from several sources over {@code g}; settled nodes are listed in {@code w.order} and their minutes
     * are in {@code w.dist}. Stops past the budget, or once every node of {@code stopAfter} is settled.
     */
    private int settle(Workspace w, Arcs g, int[] sources, Filter f, double budget, int[] stopAfter) {
        int seen = w.nextGeneration();
        int done = seen + 1;
        int[] data = g.data;
        int[] state = w.state;
        double[] dist = w.dist;
        double[] km = w.km;
        int day = f.day;
        int mask = f.modeMask;
        int pending = 0;
        if (stopAfter != null) {
            for (int v : stopAfter) {
                if (w.wanted[v] != seen) {
                    w.wanted[v] = seen;
                    pending++;
                }
            }
        }
        for (int s : sources) {
            if (state[s] != seen) {
                dist[s] = 0;
                km[s] = 0;
                state[s] = seen;
                w.nodeHeap.insert(0, s);
            }
        }
        int settled = 0;
        IndexedHeap heap = w.nodeHeap;
        while (!heap.isEmpty()) {
            if (heap.minKey() > budget) {
                break;
            }
            int u = heap.pop();
            state[u] = done;
            w.order[settled++] = u;
            if (stopAfter != null && w.wanted[u] == seen && --pending == 0) {
                break;
            }
            double du = dist[u];
            for (int a = g.start[u], end = g.start[u + 1]; a < end; a++) {
                if (!Arcs.usable(data, a, day, mask)) {
                    continue;
                }
                int v = data[a * Arcs.STRIDE + Arcs.HEAD];
                int sv = state[v];
                if (sv == done) {
                    continue;
                }
                double nd = du + g.minutes[a];
                if (sv != seen) {
                    state[v] = seen;
                    heap.insert(nd, v);
                } else if (nd < dist[v]) {
                    heap.decrease(nd, v);
                } else {
                    continue;
                }
                dist[v] = nd;
                km[v] = km[u] + g.km[a];
            }
        }
        heap.clear();
        return settled;
    }

    /** The larger of two lower bounds of the minutes from {@code v} to {@code target}: landmarks and straight line. */
    private double estimate(int v, int target) {
        double chord = net.minutesPerKm == 0 ? 0 : net.minutesPerKm * net.chordKm(v, target);
        return Math.max(chord, landmarks.lowerBound(v, target));
    }

    private Workspace workspace() {
        Workspace w = WORKSPACES.get();
        w.ensureNodes(net.nodeCount());
        return w;
    }

    /**
     * Per-thread search state. A node's {@code state} is the current generation while it is reached but not settled
     * and the generation + 1 once settled; anything older means untouched, so nothing is cleared between searches.
     */
    private static final class Workspace {
        double[] dist = new double[0];
        double[] km = new double[0];
        /** A* lower bound of each reached node's minutes to the target, computed once per search. */
        double[] bound = new double[0];
        int[] parentArc = new int[0];
        int[] parentNode = new int[0];
        int[] state = new int[0];
        int[] wanted = new int[0];
        int[] order = new int[0];
        int generation;
        double[] arcDist = new double[0];
        int[] arcParent = new int[0];
        int[] arcState = new int[0];
        int arcGeneration;
        final MinHeap heap = new MinHeap(1024);
        final IndexedHeap nodeHeap = new IndexedHeap();

        void ensureNodes(int n) {
            nodeHeap.ensureNodes(n);
            if (dist.length < n) {
                dist = new double[n];
                km = new double[n];
                bound = new double[n];
                parentArc = new int[n];
                parentNode = new int[n];
                state = new int[n];
                wanted = new int[n];
                order = new int[n];
                generation = 0;
            }
        }

        void ensureArcs(int m) {
            if (arcDist.length < m) {
                arcDist = new double[m];
                arcParent = new int[m];
                arcState = new int[m];
                arcGeneration = 0;
            }
        }

        int nextGeneration() {
            if (generation >= Integer.MAX_VALUE - 2) {
                Arrays.fill(state, 0);
                Arrays.fill(wanted, 0);
                generation = 0;
            }
            generation += 2;
            return generation;
        }

        int nextArcGeneration() {
            if (arcGeneration >= Integer.MAX_VALUE - 2) {
                Arrays.fill(arcState, 0);
                arcGeneration = 0;
            }
            arcGeneration += 2;
            return arcGeneration;
        }
    }
}
