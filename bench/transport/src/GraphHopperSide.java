import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.AStarBidirection;
import com.graphhopper.routing.Dijkstra;
import com.graphhopper.routing.DijkstraBidirectionCH;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.ch.PrepareContractionHierarchies;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.CHConfig;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.RoutingCHGraphImpl;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.Node;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The anchor: the same network in GraphHopper 10.2. The links open on the bench date go into a {@code BaseGraph}
 * (node i is the engine's node i, at the same coordinates), weighted by their minutes through a {@link Weighting}
 * that reads them by edge id; its distance is the link's km, so GraphHopper's beeline bound for A* stays a lower bound.
 */
final class GraphHopperSide {

    final BaseGraph graph;
    final MinutesWeighting weighting;
    RoutingCHGraph ch;
    long chPreparationMillis;

    GraphHopperSide(List<Node> nodes, List<Link> links, LocalDate day) {
        graph = new BaseGraph.Builder(4).create();
        NodeAccess na = graph.getNodeAccess();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            na.setNode(i, nodes.get(i).lat(), nodes.get(i).lon());
            index.put(nodes.get(i).id(), i);
        }
        double[] minutes = new double[links.size()];
        int[] from = new int[links.size()];
        boolean[] both = new boolean[links.size()];
        double minPerMeter = Double.POSITIVE_INFINITY;
        int edges = 0;
        for (Link l : links) {
            if (!l.openOn(day)) {
                continue;
            }
            int a = index.get(l.from());
            int b = index.get(l.to());
            EdgeIteratorState e = graph.edge(a, b).setDistance(l.distanceKm().doubleValue() * 1000);
            minutes[e.getEdge()] = l.minutes().doubleValue();
            from[e.getEdge()] = a;
            both[e.getEdge()] = l.bidirectional();
            double beeline = DistanceCalcEarth.DIST_EARTH.calcDist(na.getLat(a), na.getLon(a), na.getLat(b), na.getLon(b));
            if (beeline > 0) {
                minPerMeter = Math.min(minPerMeter, l.minutes().doubleValue() / beeline);
            }
            edges++;
        }
        graph.freeze();
        weighting = new MinutesWeighting(Arrays.copyOf(minutes, edges), Arrays.copyOf(from, edges),
                Arrays.copyOf(both, edges), minPerMeter * (1 - 1e-9));
    }

    void prepareCH() {
        long started = System.nanoTime();
        PrepareContractionHierarchies prepare = PrepareContractionHierarchies.fromGraph(graph, CHConfig.nodeBased("minutes", weighting));
        PrepareContractionHierarchies.Result result = prepare.doWork();
        ch = RoutingCHGraphImpl.fromGraph(graph, result.getCHStorage(), result.getCHConfig());
        chPreparationMillis = (System.nanoTime() - started) / 1_000_000;
    }

    double dijkstra(int s, int t) {
        return minutes(new Dijkstra(graph, weighting, TraversalMode.NODE_BASED).calcPath(s, t));
    }

    double bidirectionalAStar(int s, int t) {
        return minutes(new AStarBidirection(graph, weighting, TraversalMode.NODE_BASED).calcPath(s, t));
    }

    double chRoute(int s, int t) {
        return minutes(new DijkstraBidirectionCH(ch).calcPath(s, t));
    }

    int isochrone(int s, double budget) {
        ShortestPathTree tree = new ShortestPathTree(graph, weighting, false, TraversalMode.NODE_BASED);
        tree.setWeightLimit(budget + 1e-9);
        AtomicInteger count = new AtomicInteger();
        tree.search(s, label -> count.incrementAndGet());
        return count.get();
    }

    private static double minutes(Path p) {
        return p.isFound() ? p.getWeight() : Double.NaN;
    }

    /** 100 x 100 as 10,000 CH queries: what GraphHopper's open-source edition offers for a matrix. */
    double[][] matrixByQueries(int[] from, int[] to) {
        double[][] m = new double[from.length][to.length];
        for (int i = 0; i < from.length; i++) {
            for (int j = 0; j < to.length; j++) {
                m[i][j] = chRoute(from[i], to[j]);
            }
        }
        return m;
    }

    /**
     * Bucket many-to-many written over GraphHopper's CH graph, the same algorithm as the engine's (OSRM's
     * many_to_many): backward upward searches from the destinations fill buckets, forward upward searches from the
     * origins scan them; both with stall-on-demand, going only to higher levels as GraphHopper's CH searches do.
     */
    double[][] matrixByBuckets(int[] from, int[] to) {
        int n = ch.getNodes();
        int[] level = new int[n];
        for (int v = 0; v < n; v++) {
            level[v] = ch.getLevel(v);
        }
        RoutingCHEdgeExplorer out = ch.createOutEdgeExplorer();
        RoutingCHEdgeExplorer in = ch.createInEdgeExplorer();
        UpwardSearch search = new UpwardSearch(n);
        int[][] bucketTarget = new int[n][];
        double[][] bucketMinutes = new double[n][];
        int[] bucketSize = new int[n];
        for (int j = 0; j < to.length; j++) {
            int count = search.run(to[j], in, out, level, true);
            for (int k = 0; k < count; k++) {
                int x = search.order[k];
                if (bucketTarget[x] == null) {
                    bucketTarget[x] = new int[4];
                    bucketMinutes[x] = new double[4];
                } else if (bucketSize[x] == bucketTarget[x].length) {
                    bucketTarget[x] = Arrays.copyOf(bucketTarget[x], bucketSize[x] * 2);
                    bucketMinutes[x] = Arrays.copyOf(bucketMinutes[x], bucketSize[x] * 2);
                }
                bucketTarget[x][bucketSize[x]] = j;
                bucketMinutes[x][bucketSize[x]++] = search.dist[x];
            }
        }
        double[][] m = new double[from.length][to.length];
        for (int i = 0; i < from.length; i++) {
            double[] row = m[i];
            Arrays.fill(row, Double.POSITIVE_INFINITY);
            int count = search.run(from[i], out, in, level, false);
            for (int k = 0; k < count; k++) {
                int x = search.order[k];
                double dx = search.dist[x];
                for (int b = 0; b < bucketSize[x]; b++) {
                    double d = dx + bucketMinutes[x][b];
                    if (d < row[bucketTarget[x][b]]) {
                        row[bucketTarget[x][b]] = d;
                    }
                }
            }
            for (int j = 0; j < to.length; j++) {
                if (row[j] == Double.POSITIVE_INFINITY) {
                    row[j] = Double.NaN;
                }
            }
        }
        return m;
    }

    /** A whole upward search space on GraphHopper's CH graph, with a binary heap of primitives and stall-on-demand. */
    private static final class UpwardSearch {
        final double[] dist;
        final int[] stamp;
        final int[] order;
        int generation;
        double[] keys = new double[1024];
        int[] items = new int[1024];
        int size;

        UpwardSearch(int n) {
            dist = new double[n];
            stamp = new int[n];
            order = new int[n];
        }

        int run(int source, RoutingCHEdgeExplorer explorer, RoutingCHEdgeExplorer stallExplorer, int[] level, boolean backward) {
            generation += 2;
            int reached = generation;
            int settled = generation + 1;
            dist[source] = 0;
            stamp[source] = reached;
            push(0, source);
            int count = 0;
            while (size > 0) {
                double key = keys[0];
                int u = pop();
                if (stamp[u] == settled || key > dist[u]) {
                    continue;
                }
                stamp[u] = settled;
                double du = dist[u];
                boolean stalled = false;
                RoutingCHEdgeIterator it = stallExplorer.setBaseNode(u);
                while (it.next()) {
                    int x = it.getAdjNode();
                    if (level[x] > level[u] && (stamp[x] == reached || stamp[x] == settled)
                            && dist[x] + it.getWeight(!backward) < du) {
                        stalled = true;
                        break;
                    }
                }
                if (stalled) {
                    continue;
                }
                order[count++] = u;
                it = explorer.setBaseNode(u);
                while (it.next()) {
                    int x = it.getAdjNode();
                    if (level[x] < level[u] || stamp[x] == settled) {
                        continue;
                    }
                    double w = it.getWeight(backward);
                    if (Double.isInfinite(w)) {
                        continue;
                    }
                    double nd = du + w;
                    if (stamp[x] != reached || nd < dist[x]) {
                        stamp[x] = reached;
                        dist[x] = nd;
                        push(nd, x);
                    }
                }
            }
            return count;
        }

        private void push(double key, int item) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                items = Arrays.copyOf(items, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                keys[i] = keys[parent];
                items[i] = items[parent];
                i = parent;
            }
            keys[i] = key;
            items[i] = item;
        }

        private int pop() {
            int top = items[0];
            size--;
            double key = keys[size];
            int item = items[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (key <= keys[child]) {
                    break;
                }
                keys[i] = keys[child];
                items[i] = items[child];
                i = child;
            }
            keys[i] = key;
            items[i] = item;
            return top;
        }
    }

    /** Minutes by edge id; a one-way link only along its direction. */
    static final class MinutesWeighting implements Weighting {
        private final double[] minutes;
        private final int[] from;
        private final boolean[] both;
        private final double minPerMeter;

        MinutesWeighting(double[] minutes, int[] from, boolean[] both, double minPerMeter) {
            this.minutes = minutes;
            this.from = from;
            this.both = both;
            this.minPerMeter = minPerMeter;
        }

        @Override
        public double calcMinWeightPerDistance() {
            return minPerMeter;
        }

        @Override
        public double calcEdgeWeight(EdgeIteratorState edge, boolean reverse) {
            int id = edge.getEdge();
            int tail = reverse ? edge.getAdjNode() : edge.getBaseNode();
            return both[id] || tail == from[id] ? minutes[id] : Double.POSITIVE_INFINITY;
        }

        @Override
        public long calcEdgeMillis(EdgeIteratorState edge, boolean reverse) {
            return Math.round(calcEdgeWeight(edge, reverse) * 60_000);
        }

        @Override
        public double calcTurnWeight(int inEdge, int viaNode, int outEdge) {
            return 0;
        }

        @Override
        public long calcTurnMillis(int inEdge, int viaNode, int outEdge) {
            return 0;
        }

        @Override
        public boolean hasTurnCosts() {
            return false;
        }

        @Override
        public String getName() {
            return "minutes";
        }
    }
}
