package io.jjj.transport.routing;

/**
 * One direction of the graph in compressed sparse row form: the arcs leaving node {@code v} are
 * {@code start[v] .. start[v+1]-1}. What the relaxation loop reads for an arc lies together in {@code data}
 * (head, opened day, closed day, mode bit: {@link #STRIDE} ints per arc, so filtering by date and mode is two
 * comparisons and a mask on the same cache line), with its minutes and kilometres beside it.
 */
final class Arcs {

    static final int STRIDE = 4;
    static final int HEAD = 0;
    static final int OPENED = 1;
    static final int CLOSED = 2;
    static final int MODE_BIT = 3;

    /** Whether arc {@code arc} may be travelled on {@code day}: opened on or before it, not yet closed, of an allowed mode. */
    static boolean usable(int[] data, int arc, int day, int modeMask) {
        int i = arc * STRIDE;
        return data[i + OPENED] <= day && day < data[i + CLOSED] && (data[i + MODE_BIT] & modeMask) != 0;
    }

    final int[] start;
    final int[] data;
    final double[] minutes;
    final double[] km;
    final int[] link;
    final int[] line;

    Arcs(int nodeCount, int[] tails, int[] heads, int[] links, Network.LinkArrays l) {
        int m = tails.length;
        start = new int[nodeCount + 1];
        for (int tail : tails) {
            start[tail + 1]++;
        }
        for (int v = 0; v < nodeCount; v++) {
            start[v + 1] += start[v];
        }
        data = new int[m * STRIDE];
        minutes = new double[m];
        km = new double[m];
        link = new int[m];
        line = new int[m];
        int[] next = new int[nodeCount];
        System.arraycopy(start, 0, next, 0, nodeCount);
        for (int i = 0; i < m; i++) {
            int a = next[tails[i]]++;
            int k = links[i];
            data[a * STRIDE + HEAD] = heads[i];
            data[a * STRIDE + OPENED] = l.opened[k];
            data[a * STRIDE + CLOSED] = l.closed[k];
            data[a * STRIDE + MODE_BIT] = 1 << l.mode[k];
            minutes[a] = l.minutes[k];
            km[a] = l.km[k];
            link[a] = k;
            line[a] = l.line[k];
        }
    }

    int size() {
        return minutes.length;
    }

    int head(int a) {
        return data[a * STRIDE + HEAD];
    }

    long bytes() {
        return 4L * start.length + (long) size() * (4 * STRIDE + 8 + 8 + 4 + 4);
    }
}
