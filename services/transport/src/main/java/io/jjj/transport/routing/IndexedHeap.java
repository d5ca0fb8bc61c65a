package io.jjj.transport.routing;

import java.util.Arrays;

/**
 * A 4-ary min-heap of node indices with decrease-key, in primitive arrays. Each node is in it at most once, so
 * it stays as small as the search frontier; the caller knows which nodes are in it (reached, not yet settled).
 */
final class IndexedHeap {

    private double[] keys = new double[1024];
    private int[] items = new int[1024];
    private int[] position = new int[0];
    private int size;

    void ensureNodes(int n) {
        if (position.length < n) {
            position = new int[n];
        }
    }

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    double minKey() {
        return keys[0];
    }

    void insert(double key, int item) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            items = Arrays.copyOf(items, size * 2);
        }
        siftUp(size++, key, item);
    }

    /** Lowers the key of an item that is in the heap. */
    void decrease(double key, int item) {
        siftUp(position[item], key, item);
    }

    int pop() {
        int top = items[0];
        size--;
        if (size > 0) {
            siftDown(keys[size], items[size]);
        }
        return top;
    }

    private void siftUp(int i, double key, int item) {
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            items[i] = items[parent];
            position[items[i]] = i;
            i = parent;
        }
        keys[i] = key;
        items[i] = item;
        position[item] = i;
    }

    private void siftDown(double key, int item) {
        int i = 0;
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            double bestKey = keys[first];
            int last = Math.min(first + 4, size);
            for (int c = first + 1; c < last; c++) {
                if (keys[c] < bestKey) {
                    best = c;
                    bestKey = keys[c];
                }
            }
            if (key <= bestKey) {
                break;
            }
            keys[i] = bestKey;
            items[i] = items[best];
            position[items[i]] = i;
            i = best;
        }
        keys[i] = key;
        items[i] = item;
        position[item] = i;
    }
}
