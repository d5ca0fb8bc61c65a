package io.jjj.transport.routing;

/**
 * One direction of the graph in compressed sparse row form: the arcs leaving node {@code v} are
 * {@code start[v] .. start[v+1]-1}. Every arc carries what the relaxation loop needs (head, minutes, the day
 * numbers it is open between, its mode bit and line) so filtering by date and mode is two comparisons and a mask.
 */
final class Arcs {

    final int[] start;
    final int[] head;
    final int[] link;
    final double[] minutes;
    final int[] opened;
    final int[] closed;
    final int[] modeBit;
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
        head = new int[m];
        link = new int[m];
        minutes = new double[m];
        opened = new int[m];
        closed = new int[m];
        modeBit = new int[m];
        line = new int[m];
        int[] next = new int[nodeCount];
        System.arraycopy(start, 0, next, 0, nodeCount);
        for (int i = 0; i < m; i++) {
            int a = next[tails[i]]++;
            int k = links[i];
            head[a] = heads[i];
            link[a] = k;
            minutes[a] = l.minutes[k];
            opened[a] = l.opened[k];
            closed[a] = l.closed[k];
            modeBit[a] = 1 << l.mode[k];
            line[a] = l.line[k];
        }
    }

    int size() {
        return head.length;
    }

    boolean open(int a, int day, int modeMask) {
        return opened[a] <= day && day < closed[a] && (modeBit[a] & modeMask) != 0;
    }

    long bytes() {
        return 4L * start.length + (long) head.length * (4 + 4 + 8 + 4 + 4 + 4 + 4);
    }
}
