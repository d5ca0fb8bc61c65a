package io.jjj.gateway.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstThenRefillsAtTheRate() {
        TokenBuckets buckets = new TokenBuckets(3, 1.0);
        long t = 0;
        assertEquals(2, buckets.take("a", t).remaining());
        assertEquals(1, buckets.take("a", t).remaining());
        assertEquals(0, buckets.take("a", t).remaining());
        TokenBuckets.Decision refused = buckets.take("a", t);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(3, refused.resetSeconds());
        assertTrue(buckets.take("b", t).allowed(), "buckets are per name");
        assertTrue(buckets.take("a", t + SECOND).allowed(), "one token back after a second");
        assertFalse(buckets.take("a", t + SECOND).allowed());
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBuckets buckets = new TokenBuckets(2, 10);
        buckets.take("a", 0);
        assertEquals(1, buckets.take("a", 3600 * SECOND).remaining());
    }

    @Test
    void forgetsFullBuckets() {
        TokenBuckets buckets = new TokenBuckets(2, 1_000_000);
        buckets.take("a", System.nanoTime() - 10 * SECOND);
        buckets.evictFull();
        assertEquals(0, buckets.size());
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0));
    }
}
