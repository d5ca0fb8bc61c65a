package io.jjj.gateway.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets by name (an API key or a client address), refilled continuously. */
public class TokenBuckets {

    /** The outcome of taking one token: whether it was allowed, what is left and when the bucket is full again. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    private final int capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, double refillPerSecond) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("a bucket needs a capacity ≥ 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
    }

    public Decision take(String name) {
        return take(name, System.nanoTime());
    }

    Decision take(String name, long now) {
        Bucket b = buckets.computeIfAbsent(name, n -> new Bucket(capacity, now));
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.updatedNanos) * refillPerNano);
            b.updatedNanos = now;
            boolean allowed = b.tokens >= 1;
            if (allowed) {
                b.tokens -= 1;
            }
            long reset = seconds((capacity - b.tokens) / refillPerNano);
            long retry = allowed ? 0 : Math.max(1, seconds((1 - b.tokens) / refillPerNano));
            return new Decision(allowed, capacity, (int) Math.floor(b.tokens), reset, retry);
        }
    }

    /** Forgets buckets that have filled up again, so idle clients cost no memory. */
    public void evictFull() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updatedNanos) * refillPerNano >= capacity;
            }
        });
    }

    int size() {
        return buckets.size();
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / 1e9);
    }
}
