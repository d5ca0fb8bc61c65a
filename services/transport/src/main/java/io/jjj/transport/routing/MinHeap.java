package io.jjj.transport.routing;

import java.util.Arrays;

/**
 * A binary min-heap of (key, item) pairs in two primitive arrays. Searches push a node again when they find a
 * shorter way to it and skip the stale entry when it comes out, which is cheaper than a decrease-key.
 */
final class MinHeap {

    private double[] keys;
    private int[] items;
    private int size;

    MinHeap(int capacity) {
        keys = new double[Math.max(16, capacity)];
        items = new int[keys.length];
    }

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(double key, int item) {
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

    /** Removes the entry with the smallest key and returns its item. */
    int pop() {
        int top = items[0];
        size--;
        if (size > 0) {
            double key = keys[size];
            int item = items[size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < size && keys[right] < keys[child]) {
                    child = right;
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
        }
        return top;
    }
}
