package io.jjj.transport.routing;

import java.util.Arrays;

/**
 * Lower bounds for A* from a few landmarks (ALT), computed on the graph with every link open in every mode. Closing
 * a link or leaving a mode out only lengthens paths, so the triangle-inequality bounds taken on that graph hold for
 * every date and mode set, and one set of landmarks serves them all.
 */
final class Landmarks {

    private final int count;
    private final int nodeCount;
    /** {@code fromLandmark[l * n + v]}: minutes from landmark {@code l} to {@code v}, +Infinity if it cannot reach it. */
    private final double[] fromLandmark;
    /** {@code toLandmark[l * n + v]}: minutes from {@code v} to landmark {@code l}. */
    private final double[] toLandmark;

    private Landmarks(int count, int nodeCount, double[] fromLandmark, double[] toLandmark) {
        this.count = count;
        this.nodeCount = nodeCount;
        this.fromLandmark = fromLandmark;
        this.toLandmark = toLandmark;
    }

    /**
     * Picks the landmarks far apart: each next one is the node farthest from those already chosen (a node they
     * cannot reach at all first, so every part of a disconnected network gets one).
     */
    static Landmarks of(Network net, int wanted) {
        int n = net.nodeCount();
        int count = Math.min(wanted, n);
        double[] from = new double[count * n];
        double[] to = new double[count * n];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        IndexedHeap heap = new IndexedHeap();
        heap.ensureNodes(n);
        int[] state = new int[n];
        int landmark = 0;
        for (int l = 0; l < count; l++) {
            allOpenDistances(net.forward, landmark, from, l * n, heap, state, 2 * l + 1);
            allOpenDistances(net.reverse, landmark, to, l * n, heap, state, 2 * l + 2);
            int farthest = -1;
            for (int v = 0; v < n; v++) {
                double d = from[l * n + v];
                nearest[v] = Math.min(nearest[v], v == landmark ? -1 : d);
                if (farthest < 0 || nearest[v] > nearest[farthest]) {
                    farthest = v;
                }
            }
            landmark = farthest;
        }
        return new Landmarks(count, n, from, to);
    }

    /** Dijkstra from {@code source} over every arc regardless of date and mode, into {@code out[offset..]}. */
    private static void allOpenDistances(Arcs g, int source, double[] out, int offset, IndexedHeap heap, int[] state,
                                         int stamp) {
        int reached = 2 * stamp;
        int settled = reached + 1;
        int n = g.start.length - 1;
        Arrays.fill(out, offset, offset + n, Double.POSITIVE_INFINITY);
        out[offset + source] = 0;
        state[source] = reached;
        heap.insert(0, source);
        while (!heap.isEmpty()) {
            int u = heap.pop();
            state[u] = settled;
            double du = out[offset + u];
            for (int a = g.start[u], end = g.start[u + 1]; a < end; a++) {
                int v = g.head(a);
                double nd = du + g.minutes[a];
                if (state[v] == settled) {
                    continue;
                }
                if (state[v] != reached) {
                    state[v] = reached;
                    heap.insert(nd, v);
                } else if (nd < out[offset + v]) {
                    heap.decrease(nd, v);
                } else {
                    continue;
                }
                out[offset + v] = nd;
            }
        }
        heap.clear();
    }

    /**
     * A lower bound of the minutes from {@code v} to {@code target} on any date: by the triangle inequality, the
     * distance from a landmark to the target minus that to {@code v}, and {@code v}'s to a landmark minus the
     * target's. Terms with an unreachable end bound nothing and are left out.
     */
    double lowerBound(int v, int target) {
        double best = 0;
        int n = nodeCount;
        for (int l = 0, base = 0; l < count; l++, base += n) {
            double lt = fromLandmark[base + target];
            double lv = fromLandmark[base + v];
            if (lt != Double.POSITIVE_INFINITY && lv != Double.POSITIVE_INFINITY && lt - lv > best) {
                best = lt - lv;
            }
            double vl = toLandmark[base + v];
            double tl = toLandmark[base + target];
            if (vl != Double.POSITIVE_INFINITY && tl != Double.POSITIVE_INFINITY && vl - tl > best) {
                best = vl - tl;
            }
        }
        return best;
    }

    int count() {
        return count;
    }

    long bytes() {
        return 8L * (fromLandmark.length + toLandmark.length);
    }
}
