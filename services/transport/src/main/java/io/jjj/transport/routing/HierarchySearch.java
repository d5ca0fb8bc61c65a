package io.jjj.transport.routing;

import java.util.Arrays;

/**
 * The queries answered on a {@link Hierarchy}, all in rank space:
 * <ul>
 * <li>route: bidirectional upward Dijkstra with stall-on-demand, stopping once both queues are past the best
 * meeting; the shortcuts of the path are unpacked into the network's arcs;</li>
 * <li>matrix: bucket many-to-many (as OSRM's {@code many_to_many}): one upward search backward from each
 * destination leaves (destination, minutes, km) in a bucket at every node it settles, then one upward search
 * forward from each origin scans the buckets of the nodes it settles;</li>
 * <li>reach and towards: PHAST, an upward search from the source(s) followed by one sweep over every node from the
 * highest rank to the lowest, relaxing the arcs that come down from higher nodes.</li>
 * </ul>
 */
final class HierarchySearch {

    private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(Workspace::new);

    /** A fastest path as the network's forward arcs, with its minutes. */
    record Path(double minutes, int[] arcs) {
    }

    private HierarchySearch() {
    }

    static Path route(Hierarchy h, int from, int to) {
        Workspace w = workspace(h.nodeCount);
        int reached = w.nextGeneration();
        int settled = reached + 1;
        int s = h.rankOf[from];
        int t = h.rankOf[to];
        w.fd[s] = 0;
        w.fstate[s] = reached;
        w.fprev[s] = -1;
        w.fh.insert(0, s);
        w.bd[t] = 0;
        w.bstate[t] = reached;
        w.bprev[t] = -1;
        w.bh.insert(0, t);
        double best = Double.POSITIVE_INFINITY;
        int meet = -1;
        while (true) {
            double fmin = w.fh.isEmpty() ? Double.POSITIVE_INFINITY : w.fh.minKey();
            double bmin = w.bh.isEmpty() ? Double.POSITIVE_INFINITY : w.bh.minKey();
            if (Math.min(fmin, bmin) >= best) {
                break;
            }
            boolean forward = fmin <= bmin;
            IndexedHeap heap = forward ? w.fh : w.bh;
            double[] dist = forward ? w.fd : w.bd;
            int[] state = forward ? w.fstate : w.bstate;
            int[] prev = forward ? w.fprev : w.bprev;
            int[] parent = forward ? w.fparent : w.bparent;
            double[] otherDist = forward ? w.bd : w.fd;
            int[] otherState = forward ? w.bstate : w.fstate;
            int[] start = forward ? h.upStart : h.downStart;
            int[] heads = forward ? h.upHead : h.downHead;
            double[] weights = forward ? h.upMinutes : h.downMinutes;
            int u = heap.pop();
            state[u] = settled;
            double du = dist[u];
            if ((otherState[u] == reached || otherState[u] == settled) && du + otherDist[u] < best) {
                best = du + otherDist[u];
                meet = u;
            }
            if (stalled(u, du, dist, state, reached, forward ? h.downStart : h.upStart,
                    forward ? h.downHead : h.upHead, forward ? h.downMinutes : h.upMinutes)) {
                continue;
            }
            for (int i = start[u], end = start[u + 1]; i < end; i++) {
                int x = heads[i];
                double nd = du + weights[i];
                int sx = state[x];
                if (sx == settled) {
                    continue;
                }
                if (sx != reached) {
                    state[x] = reached;
                    heap.insert(nd, x);
                } else if (nd < dist[x]) {
                    heap.decrease(nd, x);
                } else {
                    continue;
                }
                dist[x] = nd;
                prev[x] = u;
                parent[x] = i;
            }
        }
        w.fh.clear();
        w.bh.clear();
        if (meet < 0) {
            return null;
        }
        Hierarchy.IntList edgesUp = new Hierarchy.IntList();
        for (int x = meet; w.fprev[x] >= 0; x = w.fprev[x]) {
            edgesUp.add(h.upEdge[w.fparent[x]]);
        }
        Hierarchy.IntList arcs = new Hierarchy.IntList();
        Hierarchy.IntList stack = new Hierarchy.IntList();
        for (int i = edgesUp.size() - 1; i >= 0; i--) {
            h.unpack(edgesUp.get(i), arcs, stack);
        }
        for (int x = meet; w.bprev[x] >= 0; x = w.bprev[x]) {
            h.unpack(h.downEdge[w.bparent[x]], arcs, stack);
        }
        return new Path(best, arcs.toArray());
    }

    /**
     * Stall-on-demand: {@code u} is reached more cheaply through a higher node already reached by the same search
     * (by an arc the other way), so its distance is not its shortest and the search need not go on from it.
     */
    private static boolean stalled(int u, double du, double[] dist, int[] state, int reached, int[] start, int[] heads,
                                   double[] weights) {
        for (int i = start[u], end = start[u + 1]; i < end; i++) {
            int x = heads[i];
            int sx = state[x];
            if ((sx == reached || sx == reached + 1) && dist[x] + weights[i] < du) {
                return true;
            }
        }
        return false;
    }

    static Router.Matrix matrix(Hierarchy h, int[] from, int[] to) {
        Workspace w = workspace(h.nodeCount);
        Buckets buckets = new Buckets(h.nodeCount);
        for (int j = 0; j < to.length; j++) {
            int settledCount = upwardSearch(h, w, h.rankOf[to[j]], false, Double.POSITIVE_INFINITY);
            for (int i = 0; i < settledCount; i++) {
                int x = w.order[i];
                buckets.add(x, j, w.bd[x], w.bkm[x]);
            }
        }
        buckets.index();
        double[][] minutes = new double[from.length][];
        double[][] km = new double[from.length][];
        for (int i = 0; i < from.length; i++) {
            double[] rowMinutes = new double[to.length];
            double[] rowKm = new double[to.length];
            Arrays.fill(rowMinutes, Double.POSITIVE_INFINITY);
            int settledCount = upwardSearch(h, w, h.rankOf[from[i]], true, Double.POSITIVE_INFINITY);
            for (int k = 0; k < settledCount; k++) {
                int x = w.order[k];
                double dx = w.fd[x];
                for (int b = buckets.start[x], end = buckets.start[x + 1]; b < end; b++) {
                    int j = buckets.target[b];
                    double d = dx + buckets.minutes[b];
                    if (d < rowMinutes[j]) {
                        rowMinutes[j] = d;
                        rowKm[j] = w.fkm[x] + buckets.km[b];
                    }
                }
            }
            for (int j = 0; j < to.length; j++) {
                if (rowMinutes[j] == Double.POSITIVE_INFINITY) {
                    rowMinutes[j] = Double.NaN;
                    rowKm[j] = Double.NaN;
                }
            }
            minutes[i] = rowMinutes;
            km[i] = rowKm;
        }
        return new Router.Matrix(minutes, km);
    }

    /** Every node within {@code budget} minutes of {@code from}, nearest first: PHAST, then a sort of the reached. */
    static Router.Reach reach(Hierarchy h, int from, double budget) {
        double limit = budget + Router.BUDGET_SLACK;
        Workspace w = workspace(h.nodeCount);
        double[] d = w.sweep;
        Arrays.fill(d, 0, h.nodeCount, Double.POSITIVE_INFINITY);
        int settledCount = upwardSearch(h, w, h.rankOf[from], true, limit);
        for (int i = 0; i < settledCount; i++) {
            d[w.order[i]] = w.fd[w.order[i]];
        }
        sweepDown(h, d, h.downStart, h.downHead, h.downMinutes);
        int count = 0;
        for (int r = 0; r < h.nodeCount; r++) {
            if (d[r] <= limit) {
                count++;
            }
        }
        long[] keys = new long[count];
        int[] ranks = new int[count];
        int c = 0;
        for (int r = 0; r < h.nodeCount; r++) {
            if (d[r] <= limit) {
                keys[c] = Double.doubleToRawLongBits(d[r]);
                ranks[c++] = r;
            }
        }
        sortByKey(keys, ranks);
        int[] nodes = new int[count];
        double[] minutes = new double[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = h.nodeAt[ranks[i]];
            minutes[i] = d[ranks[i]];
        }
        return new Router.Reach(nodes, minutes);
    }

    /** For every node, the minutes to the nearest of {@code targets}: PHAST over the reversed arcs. */
    static double[] towards(Hierarchy h, int[] targets) {
        Workspace w = workspace(h.nodeCount);
        double[] d = w.sweep;
        Arrays.fill(d, 0, h.nodeCount, Double.POSITIVE_INFINITY);
        int[] sources = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            sources[i] = h.rankOf[targets[i]];
        }
        int settledCount = upwardSearch(h, w, sources, false, Double.POSITIVE_INFINITY);
        for (int i = 0; i < settledCount; i++) {
            d[w.order[i]] = w.bd[w.order[i]];
        }
        sweepDown(h, d, h.upStart, h.upHead, h.upMinutes);
        double[] minutes = new double[h.nodeCount];
        for (int r = 0; r < h.nodeCount; r++) {
            minutes[h.nodeAt[r]] = d[r];
        }
        return minutes;
    }

    /**
     * From the highest rank down, each node's distance becomes the least over the arcs joining it to higher nodes:
     * those nodes are final by then, since every shortest path climbs, then only descends.
     */
    private static void sweepDown(Hierarchy h, double[] d, int[] start, int[] heads, double[] weights) {
        for (int r = h.nodeCount - 1; r >= 0; r--) {
            double best = d[r];
            for (int i = start[r], end = start[r + 1]; i < end; i++) {
                double via = d[heads[i]] + weights[i];
                if (via < best) {
                    best = via;
                }
            }
            d[r] = best;
        }
    }

    private static int upwardSearch(Hierarchy h, Workspace w, int source, boolean forward, double budget) {
        w.single[0] = source;
        return upwardSearch(h, w, w.single, forward, budget);
    }

    /**
     * The whole upward search space of {@code sources} (forward over the upward arcs, or backward over the arcs
     * coming down), with stall-on-demand; the settled nodes that are not stalled are left in {@code w.order}, their
     * minutes and kilometres in {@code fd/fkm} (forward) or {@code bd/bkm} (backward). Nodes past the budget are not
     * entered.
     */
    private static int upwardSearch(Hierarchy h, Workspace w, int[] sources, boolean forward, double budget) {
        int reached = w.nextGeneration();
        int settled = reached + 1;
        IndexedHeap heap = w.fh;
        double[] dist = forward ? w.fd : w.bd;
        double[] km = forward ? w.fkm : w.bkm;
        int[] state = forward ? w.fstate : w.bstate;
        int[] start = forward ? h.upStart : h.downStart;
        int[] heads = forward ? h.upHead : h.downHead;
        double[] weights = forward ? h.upMinutes : h.downMinutes;
        int[] edges = forward ? h.upEdge : h.downEdge;
        int[] stallStart = forward ? h.downStart : h.upStart;
        int[] stallHeads = forward ? h.downHead : h.upHead;
        double[] stallWeights = forward ? h.downMinutes : h.upMinutes;
        for (int s : sources) {
            if (state[s] != reached) {
                state[s] = reached;
                dist[s] = 0;
                km[s] = 0;
                heap.insert(0, s);
            }
        }
        int count = 0;
        while (!heap.isEmpty()) {
            int u = heap.pop();
            state[u] = settled;
            double du = dist[u];
            if (stalled(u, du, dist, state, reached, stallStart, stallHeads, stallWeights)) {
                continue;
            }
            w.order[count++] = u;
            for (int i = start[u], end = start[u + 1]; i < end; i++) {
                int x = heads[i];
                double nd = du + weights[i];
                int sx = state[x];
                if (sx == settled || nd > budget) {
                    continue;
                }
                if (sx != reached) {
                    state[x] = reached;
                    heap.insert(nd, x);
                } else if (nd < dist[x]) {
                    heap.decrease(nd, x);
                } else {
                    continue;
                }
                dist[x] = nd;
                km[x] = km[u] + h.edgeKm[edges[i]];
            }
        }
        heap.clear();
        return count;
    }

    /** Sorts {@code keys} (non-negative doubles' bits, which order as the doubles do) and {@code items} with them. */
    private static void sortByKey(long[] keys, int[] items) {
        int n = keys.length;
        long[] keyBuffer = new long[n];
        int[] itemBuffer = new int[n];
        int[] counts = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(counts, 0);
            for (long k : keys) {
                counts[(int) (k >>> shift) & 0xffff]++;
            }
            int sum = 0;
            for (int i = 0; i < counts.length; i++) {
                int c = counts[i];
                counts[i] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int at = counts[(int) (keys[i] >>> shift) & 0xffff]++;
                keyBuffer[at] = keys[i];
                itemBuffer[at] = items[i];
            }
            System.arraycopy(keyBuffer, 0, keys, 0, n);
            System.arraycopy(itemBuffer, 0, items, 0, n);
        }
    }

    /** The entries left by the backward searches, grouped by node in compressed sparse row form. */
    private static final class Buckets {
        final int[] start;
        int size;
        int[] node = new int[1024];
        int[] target = new int[1024];
        double[] minutes = new double[1024];
        double[] km = new double[1024];

        Buckets(int nodeCount) {
            start = new int[nodeCount + 1];
        }

        void add(int x, int j, double d, double k) {
            if (size == node.length) {
                node = Arrays.copyOf(node, size * 2);
                target = Arrays.copyOf(target, size * 2);
                minutes = Arrays.copyOf(minutes, size * 2);
                km = Arrays.copyOf(km, size * 2);
            }
            node[size] = x;
            target[size] = j;
            minutes[size] = d;
            km[size++] = k;
        }

        void index() {
            for (int i = 0; i < size; i++) {
                start[node[i] + 1]++;
            }
            for (int x = 1; x < start.length; x++) {
                start[x] += start[x - 1];
            }
            int[] next = Arrays.copyOf(start, start.length - 1);
            int[] sortedTarget = new int[size];
            double[] sortedMinutes = new double[size];
            double[] sortedKm = new double[size];
            for (int i = 0; i < size; i++) {
                int at = next[node[i]]++;
                sortedTarget[at] = target[i];
                sortedMinutes[at] = minutes[i];
                sortedKm[at] = km[i];
            }
            target = sortedTarget;
            minutes = sortedMinutes;
            km = sortedKm;
        }
    }

    private static Workspace workspace(int n) {
        Workspace w = WORKSPACES.get();
        w.ensureNodes(n);
        return w;
    }

    /** Per-thread search state, reset by generation stamps as in {@link Router}. */
    private static final class Workspace {
        double[] fd = new double[0];
        double[] bd = new double[0];
        double[] fkm = new double[0];
        double[] bkm = new double[0];
        double[] sweep = new double[0];
        int[] fstate = new int[0];
        int[] bstate = new int[0];
        int[] fprev = new int[0];
        int[] bprev = new int[0];
        int[] fparent = new int[0];
        int[] bparent = new int[0];
        int[] order = new int[0];
        final int[] single = new int[1];
        int generation;
        final IndexedHeap fh = new IndexedHeap();
        final IndexedHeap bh = new IndexedHeap();

        void ensureNodes(int n) {
            fh.ensureNodes(n);
            bh.ensureNodes(n);
            if (fd.length < n) {
                fd = new double[n];
                bd = new double[n];
                fkm = new double[n];
                bkm = new double[n];
                sweep = new double[n];
                fstate = new int[n];
                bstate = new int[n];
                fprev = new int[n];
                bprev = new int[n];
                fparent = new int[n];
                bparent = new int[n];
                order = new int[n];
                generation = 0;
            }
        }

        int nextGeneration() {
            if (generation >= Integer.MAX_VALUE - 2) {
                Arrays.fill(fstate, 0);
                Arrays.fill(bstate, 0);
                generation = 0;
            }
            generation += 2;
            return generation;
        }
    }
}
