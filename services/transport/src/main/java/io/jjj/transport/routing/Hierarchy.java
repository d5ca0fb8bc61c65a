package io.jjj.transport.routing;

import java.util.Arrays;

/**
 * A contraction hierarchy of the network as it stands in one epoch for one mode set: only the arcs usable then go
 * in (of parallel arcs, the fastest), nodes are contracted one by one in order of importance, and a shortcut is
 * added wherever removing a node would lengthen a shortest path between two of its neighbours. Nodes are renumbered
 * by rank, so both searches and the downward sweep of PHAST (from the highest rank to the lowest) read arrays laid
 * out in the order they are visited.
 *
 * <p>Arcs leaving a node towards higher ranks are in {@code up*} (used forward from a source); arcs entering a node
 * from higher ranks are in {@code down*}, stored at the lower end with the higher tail as {@code downHead} (used
 * backward from a target). Each entry names its edge: an original arc of {@link Network#forward}, or a shortcut made
 * of two edges, unpacked into arcs for a route's legs.
 */
final class Hierarchy {

    private static final int CONTRACTION_SETTLE_LIMIT = 400;
    private static final int SIMULATION_SETTLE_LIMIT = 60;

    final int nodeCount;
    final int[] rankOf;
    final int[] nodeAt;
    final int[] upStart;
    final int[] upHead;
    final double[] upMinutes;
    final int[] upEdge;
    final int[] downStart;
    final int[] downHead;
    final double[] downMinutes;
    final int[] downEdge;
    /** Per edge: kilometres; the original arc (and -1 as second) or the two edges a shortcut is made of. */
    final double[] edgeKm;
    final int[] edgeFirst;
    final int[] edgeSecond;
    final int shortcuts;
    final long buildNanos;

    private Hierarchy(Builder b, long buildNanos) {
        this.nodeCount = b.n;
        this.rankOf = b.rankOf;
        this.nodeAt = b.nodeAt;
        this.upStart = b.upStart;
        this.upHead = b.upHead.toArray();
        this.upMinutes = b.upMinutes.toArray();
        this.upEdge = b.upEdge.toArray();
        this.downStart = b.downStart;
        this.downHead = b.downHead.toArray();
        this.downMinutes = b.downMinutes.toArray();
        this.downEdge = b.downEdge.toArray();
        for (int i = 0; i < upHead.length; i++) {
            upHead[i] = rankOf[upHead[i]];
        }
        for (int i = 0; i < downHead.length; i++) {
            downHead[i] = rankOf[downHead[i]];
        }
        this.edgeKm = Arrays.copyOf(b.km, b.edges);
        this.edgeFirst = Arrays.copyOf(b.first, b.edges);
        this.edgeSecond = Arrays.copyOf(b.second, b.edges);
        this.shortcuts = b.shortcuts;
        this.buildNanos = buildNanos;
    }

    static Hierarchy build(Network net, Router.Filter filter) {
        long started = System.nanoTime();
        Builder b = new Builder(net, filter);
        b.contractAll();
        return new Hierarchy(b, System.nanoTime() - started);
    }

    int edgeCount() {
        return edgeKm.length;
    }

    long bytes() {
        long entries = upHead.length + downHead.length;
        return 4L * (rankOf.length + nodeAt.length + upStart.length + downStart.length) + entries * (4 + 8 + 4)
                + (long) edgeCount() * (8 + 4 + 4);
    }

    /** Appends the original arcs edge {@code e} stands for, in travel order. */
    void unpack(int e, IntList arcs, IntList stack) {
        stack.clear();
        stack.add(e);
        while (stack.size() > 0) {
            int x = stack.pop();
            if (edgeSecond[x] < 0) {
                arcs.add(edgeFirst[x]);
            } else {
                stack.add(edgeSecond[x]);
                stack.add(edgeFirst[x]);
            }
        }
    }

    /** A growable int array. */
    static final class IntList {
        int[] items = new int[16];
        int size;

        void add(int x) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = x;
        }

        int pop() {
            return items[--size];
        }

        int size() {
            return size;
        }

        int get(int i) {
            return items[i];
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }

    /** A growable double array. */
    static final class DoubleList {
        double[] items = new double[16];
        int size;

        void add(double x) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = x;
        }

        double[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }

    /**
     * The contraction. The remaining graph is kept as per-node lists of edge ids in and out; a contracted node's
     * edges are taken out of its neighbours' lists, so witness searches only ever see the remaining nodes. Node
     * importance is recomputed lazily: a node popped with a priority that has since grown goes back to the queue.
     */
    private static final class Builder {
        final int n;
        int edges;
        int shortcuts;
        int[] tail = new int[1024];
        int[] head = new int[1024];
        double[] minutes = new double[1024];
        double[] km = new double[1024];
        int[] first = new int[1024];
        int[] second = new int[1024];
        int[] hops = new int[1024];
        final int[][] out;
        final int[][] in;
        final int[] outSize;
        final int[] inSize;
        final int[] level;
        final int[] rankOf;
        final int[] nodeAt;
        final int[] upStart;
        final int[] downStart;
        final IntList upHead = new IntList();
        final DoubleList upMinutes = new DoubleList();
        final IntList upEdge = new IntList();
        final IntList downHead = new IntList();
        final DoubleList downMinutes = new DoubleList();
        final IntList downEdge = new IntList();
        final double[] witnessDist;
        final int[] witnessState;
        /** Marks the heads of the edges out of the node being contracted: the witness search stops once all are settled. */
        final int[] targetStamp;
        int targetMark;
        int stamp;
        final IndexedHeap witnessHeap = new IndexedHeap();

        Builder(Network net, Router.Filter f) {
            n = net.nodeCount();
            out = new int[n][];
            in = new int[n][];
            outSize = new int[n];
            inSize = new int[n];
            level = new int[n];
            rankOf = new int[n];
            nodeAt = new int[n];
            upStart = new int[n + 1];
            downStart = new int[n + 1];
            witnessDist = new double[n];
            witnessState = new int[n];
            targetStamp = new int[n];
            witnessHeap.ensureNodes(n);
            for (int v = 0; v < n; v++) {
                out[v] = new int[4];
                in[v] = new int[4];
            }
            Arcs g = net.forward;
            for (int u = 0; u < n; u++) {
                for (int a = g.start[u], end = g.start[u + 1]; a < end; a++) {
                    int v = g.head(a);
                    if (v == u || !Arcs.usable(g.data, a, f.day(), f.modeMask())) {
                        continue;
                    }
                    int existing = edgeBetween(u, v);
                    if (existing < 0) {
                        addEdge(u, v, g.minutes[a], g.km[a], a, -1, 1);
                    } else if (g.minutes[a] < minutes[existing]) {
                        minutes[existing] = g.minutes[a];
                        km[existing] = g.km[a];
                        first[existing] = a;
                    }
                }
            }
        }

        int edgeBetween(int u, int v) {
            int[] list = out[u];
            for (int i = 0, size = outSize[u]; i < size; i++) {
                if (head[list[i]] == v) {
                    return list[i];
                }
            }
            return -1;
        }

        void addEdge(int u, int v, double m, double k, int a, int b, int h) {
            if (edges == tail.length) {
                int grown = edges * 2;
                tail = Arrays.copyOf(tail, grown);
                head = Arrays.copyOf(head, grown);
                minutes = Arrays.copyOf(minutes, grown);
                km = Arrays.copyOf(km, grown);
                first = Arrays.copyOf(first, grown);
                second = Arrays.copyOf(second, grown);
                hops = Arrays.copyOf(hops, grown);
            }
            int e = edges++;
            tail[e] = u;
            head[e] = v;
            minutes[e] = m;
            km[e] = k;
            first[e] = a;
            second[e] = b;
            hops[e] = h;
            out[u] = append(out[u], outSize[u]++, e);
            in[v] = append(in[v], inSize[v]++, e);
        }

        private static int[] append(int[] list, int at, int e) {
            int[] l = at == list.length ? Arrays.copyOf(list, at * 2) : list;
            l[at] = e;
            return l;
        }

        void contractAll() {
            IndexedHeap queue = new IndexedHeap();
            queue.ensureNodes(n);
            for (int v = 0; v < n; v++) {
                queue.insert(priority(v), v);
            }
            int rank = 0;
            while (!queue.isEmpty()) {
                int v = queue.pop();
                double p = priority(v);
                if (!queue.isEmpty() && p > queue.minKey()) {
                    queue.insert(p, v);
                    continue;
                }
                rankOf[v] = rank;
                nodeAt[rank] = v;
                upStart[rank] = upHead.size;
                downStart[rank] = downHead.size;
                for (int i = 0; i < outSize[v]; i++) {
                    int e = out[v][i];
                    upHead.add(head[e]);
                    upMinutes.add(minutes[e]);
                    upEdge.add(e);
                }
                for (int i = 0; i < inSize[v]; i++) {
                    int e = in[v][i];
                    downHead.add(tail[e]);
                    downMinutes.add(minutes[e]);
                    downEdge.add(e);
                }
                shortcutsAround(v, CONTRACTION_SETTLE_LIMIT, true);
                detach(v);
                rank++;
            }
            upStart[n] = upHead.size;
            downStart[n] = downHead.size;
        }

        /**
         * How much contracting {@code v} would cost: its level in the hierarchy so far, plus the edges and hops it
         * would add per edge and hop it removes.
         */
        double priority(int v) {
            int removed = inSize[v] + outSize[v];
            int removedHops = 0;
            for (int i = 0; i < inSize[v]; i++) {
                removedHops += hops[in[v][i]];
            }
            for (int i = 0; i < outSize[v]; i++) {
                removedHops += hops[out[v][i]];
            }
            long added = shortcutsAround(v, SIMULATION_SETTLE_LIMIT, false);
            int addedEdges = (int) (added >>> 32);
            int addedHops = (int) added;
            return level[v] + (double) addedEdges / Math.max(1, removed) + (double) addedHops / Math.max(1, removedHops);
        }

        /**
         * For every pair of an edge into {@code v} and one out of it, a shortcut unless a witness path avoiding
         * {@code v} is as fast. Adds them when {@code add}; returns the count (high half) and their hops (low half).
         */
        long shortcutsAround(int v, int settleLimit, boolean add) {
            int count = 0;
            int hopSum = 0;
            if (inSize[v] == 0 || outSize[v] == 0) {
                return 0;
            }
            double maxOut = 0;
            targetMark++;
            int targets = 0;
            for (int j = 0; j < outSize[v]; j++) {
                int e2 = out[v][j];
                maxOut = Math.max(maxOut, minutes[e2]);
                if (targetStamp[head[e2]] != targetMark) {
                    targetStamp[head[e2]] = targetMark;
                    targets++;
                }
            }
            for (int i = 0; i < inSize[v]; i++) {
                int e1 = in[v][i];
                int u = tail[e1];
                double m1 = minutes[e1];
                int searched = witnessSearch(u, v, m1 + maxOut, settleLimit,
                        targetStamp[u] == targetMark ? targets - 1 : targets);
                for (int j = 0; j < outSize[v]; j++) {
                    int e2 = out[v][j];
                    int w = head[e2];
                    if (w == u) {
                        continue;
                    }
                    double through = m1 + minutes[e2];
                    if (witnessState[w] >= searched && witnessDist[w] <= through) {
                        continue;
                    }
                    count++;
                    hopSum += hops[e1] + hops[e2];
                    if (add) {
                        addShortcut(u, w, through, e1, e2);
                    }
                }
            }
            return ((long) count << 32) | (hopSum & 0xffffffffL);
        }

        void addShortcut(int u, int w, double through, int e1, int e2) {
            int existing = edgeBetween(u, w);
            if (existing >= 0 && minutes[existing] <= through) {
                return;
            }
            shortcuts++;
            if (existing >= 0) {
                removeFrom(out[u], outSize[u]--, existing);
                removeFrom(in[w], inSize[w]--, existing);
            }
            addEdge(u, w, through, km[e1] + km[e2], e1, e2, hops[e1] + hops[e2]);
        }

        /**
         * Dijkstra from {@code source} in the remaining graph without {@code skip}, up to {@code limit} minutes and
         * {@code settleLimit} settled nodes, or until the {@code targets} marked nodes are all settled; every node it
         * reaches gets a path length (an upper bound of its distance), marked by a state at least the returned stamp.
         */
        int witnessSearch(int source, int skip, double limit, int settleLimit, int targets) {
            stamp += 2;
            int pending = targets;
            int reached = stamp;
            int settled = stamp + 1;
            witnessDist[source] = 0;
            witnessState[source] = reached;
            witnessHeap.insert(0, source);
            int count = 0;
            while (pending > 0 && !witnessHeap.isEmpty() && witnessHeap.minKey() <= limit && count < settleLimit) {
                int x = witnessHeap.pop();
                witnessState[x] = settled;
                count++;
                if (targetStamp[x] == targetMark && x != source) {
                    pending--;
                }
                double dx = witnessDist[x];
                int[] list = out[x];
                for (int i = 0, size = outSize[x]; i < size; i++) {
                    int e = list[i];
                    int y = head[e];
                    if (y == skip || witnessState[y] == settled) {
                        continue;
                    }
                    double nd = dx + minutes[e];
                    if (witnessState[y] != reached) {
                        witnessState[y] = reached;
                        witnessDist[y] = nd;
                        witnessHeap.insert(nd, y);
                    } else if (nd < witnessDist[y]) {
                        witnessDist[y] = nd;
                        witnessHeap.decrease(nd, y);
                    }
                }
            }
            witnessHeap.clear();
            return reached;
        }

        /** Takes {@code v} out of the remaining graph and raises its neighbours' level. */
        void detach(int v) {
            for (int i = 0; i < inSize[v]; i++) {
                int e = in[v][i];
                int u = tail[e];
                removeFrom(out[u], outSize[u]--, e);
                level[u] = Math.max(level[u], level[v] + 1);
            }
            for (int i = 0; i < outSize[v]; i++) {
                int e = out[v][i];
                int w = head[e];
                removeFrom(in[w], inSize[w]--, e);
                level[w] = Math.max(level[w], level[v] + 1);
            }
            out[v] = null;
            in[v] = null;
            outSize[v] = 0;
            inSize[v] = 0;
        }

        private static void removeFrom(int[] list, int size, int e) {
            for (int i = 0; i < size; i++) {
                if (list[i] == e) {
                    list[i] = list[size - 1];
                    return;
                }
            }
            throw new IllegalStateException("edge " + e + " is not in the list");
        }
    }
}
