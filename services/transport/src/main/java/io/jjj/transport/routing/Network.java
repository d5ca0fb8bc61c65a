package io.jjj.transport.routing;

import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.domain.Node;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * An immutable snapshot of the whole network, dated: nodes by int index, links in parallel arrays, and the arcs
 * in both directions (forward for routes, isochrones and matrices; reversed for "how fast can every place reach
 * this one"). A new snapshot replaces the old one whole; queries never see a half-built graph.
 */
public final class Network {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** Day number of a link without a closing date: open for ever. */
    static final int NEVER = Integer.MAX_VALUE;

    static final class LinkArrays {
        final String[] id;
        final int[] from;
        final int[] to;
        final int[] mode;
        /** Index of the line within its mode: a line is a name within a mode, changing it is a transfer. */
        final int[] line;
        final double[] km;
        final double[] minutes;
        final int[] opened;
        final int[] closed;
        final boolean[] bidirectional;

        LinkArrays(int n) {
            id = new String[n];
            from = new int[n];
            to = new int[n];
            mode = new int[n];
            line = new int[n];
            km = new double[n];
            minutes = new double[n];
            opened = new int[n];
            closed = new int[n];
            bidirectional = new boolean[n];
        }
    }

    private final List<Node> nodes;
    private final Map<String, Integer> nodeIndex;
    /** Unit-sphere coordinates: the straight chord between two nodes never exceeds their great-circle distance. */
    final double[] x;
    final double[] y;
    final double[] z;
    final LinkArrays links;
    private final String[] lineNames;
    final Arcs forward;
    final Arcs reverse;
    /**
     * The fewest minutes any link needs per kilometre of chord between its ends: times the chord to the target, a
     * lower bound of the remaining minutes that never overestimates, for A*.
     */
    final double minutesPerKm;
    /**
     * Every day on which some link opens or closes, sorted: the usable links stay the same from one of these days
     * to the day before the next, so the days between two of them form one epoch.
     */
    private final int[] changeDays;
    private final Instant builtAt;

    private Network(List<Node> nodes, List<Link> linkList, Instant builtAt) {
        this.builtAt = builtAt;
        this.nodes = List.copyOf(nodes);
        int n = nodes.size();
        nodeIndex = new HashMap<>(n * 2);
        x = new double[n];
        y = new double[n];
        z = new double[n];
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            nodeIndex.put(node.id(), i);
            double phi = Math.toRadians(node.lat());
            double lambda = Math.toRadians(node.lon());
            x[i] = Math.cos(phi) * Math.cos(lambda);
            y[i] = Math.cos(phi) * Math.sin(lambda);
            z[i] = Math.sin(phi);
        }
        int m = linkList.size();
        links = new LinkArrays(m);
        Map<String, Integer> lineIndex = new HashMap<>();
        List<String> lines = new ArrayList<>();
        int arcCount = 0;
        double bestMinutesPerKm = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            Link link = linkList.get(k);
            Integer from = nodeIndex.get(link.from());
            Integer to = nodeIndex.get(link.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("link " + link.id() + " joins a node that is not in the network");
            }
            links.id[k] = link.id();
            links.from[k] = from;
            links.to[k] = to;
            links.mode[k] = Mode.parse(link.mode()).orElseThrow().ordinal();
            String lineName = link.line() == null ? "(" + link.mode() + ")" : link.line();
            links.line[k] = lineIndex.computeIfAbsent(link.mode() + "|" + lineName, key -> {
                lines.add(lineName);
                return lines.size() - 1;
            });
            links.km[k] = link.distanceKm().doubleValue();
            links.minutes[k] = link.minutes().doubleValue();
            links.opened[k] = (int) link.opened().toEpochDay();
            links.closed[k] = link.closed() == null ? NEVER : (int) link.closed().toEpochDay();
            links.bidirectional[k] = link.bidirectional();
            arcCount += link.bidirectional() ? 2 : 1;
            double straight = chordKm(from, to);
            if (straight > 0) {
                bestMinutesPerKm = Math.min(bestMinutesPerKm, links.minutes[k] / straight);
            }
        }
        lineNames = lines.toArray(String[]::new);
        minutesPerKm = Double.isInfinite(bestMinutesPerKm) ? 0 : bestMinutesPerKm * (1 - 1e-9);
        int[] tails = new int[arcCount];
        int[] heads = new int[arcCount];
        int[] arcLinks = new int[arcCount];
        int a = 0;
        for (int k = 0; k < m; k++) {
            tails[a] = links.from[k];
            heads[a] = links.to[k];
            arcLinks[a++] = k;
            if (links.bidirectional[k]) {
                tails[a] = links.to[k];
                heads[a] = links.from[k];
                arcLinks[a++] = k;
            }
        }
        changeDays = IntStream.concat(Arrays.stream(links.opened), Arrays.stream(links.closed))
                .filter(day -> day != NEVER).sorted().distinct().toArray();
        forward = new Arcs(n, tails, heads, arcLinks, links);
        reverse = new Arcs(n, heads, tails, arcLinks, links);
    }

    /** The epoch {@code day} falls in: the number of days on which a link opens or closes up to and including it. */
    int epochOf(int day) {
        int i = Arrays.binarySearch(changeDays, day);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Straight-line (chord) kilometres between two nodes. */
    double chordKm(int a, int b) {
        double dx = x[a] - x[b];
        double dy = y[a] - y[b];
        double dz = z[a] - z[b];
        return EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    public static Network of(List<Node> nodes, List<Link> links) {
        return new Network(nodes, links, Instant.now());
    }

    public static Network empty() {
        return of(List.of(), List.of());
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int linkCount() {
        return links.id.length;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public Optional<Integer> index(String nodeId) {
        return Optional.ofNullable(nodeIndex.get(nodeId));
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public String linkId(int k) {
        return links.id[k];
    }

    public int linkFrom(int k) {
        return links.from[k];
    }

    public int linkTo(int k) {
        return links.to[k];
    }

    public Mode linkMode(int k) {
        return Mode.values()[links.mode[k]];
    }

    public String linkLine(int k) {
        return lineNames[links.line[k]];
    }

    public double linkKm(int k) {
        return links.km[k];
    }

    public double linkMinutes(int k) {
        return links.minutes[k];
    }

    public boolean linkOpen(int k, int day, int modeMask) {
        return links.opened[k] <= day && day < links.closed[k] && ((1 << links.mode[k]) & modeMask) != 0;
    }

    /** Bytes held by the graph arrays (not the node and link records kept for answers). */
    public long graphBytes() {
        long linkBytes = (long) linkCount() * (4 * 6 + 8 * 2 + 1);
        return forward.bytes() + reverse.bytes() + linkBytes + 24L * nodeCount();
    }
}
