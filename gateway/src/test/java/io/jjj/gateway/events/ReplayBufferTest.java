package io.jjj.gateway.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplayBufferTest {

    private static RelayedEvent event(String id, int bytes) {
        return new RelayedEvent(id, "jjj.projects.project.updated.v1", Set.of(), "{}", bytes, Instant.EPOCH);
    }

    @Test
    void evictsTheOldestEventsOnceOverTheByteBound() {
        ReplayBuffer buffer = new ReplayBuffer(100, 1000);
        for (int i = 1; i <= 5; i++) {
            buffer.add(event("e" + i, 300));
        }
        assertEquals(3, buffer.size(), "900 of 1000 bytes");
        assertEquals(900, buffer.bytes());
        assertEquals("e3", buffer.oldest().orElseThrow().id());
        assertEquals(List.of("e4", "e5"), buffer.after("e3").stream().map(RelayedEvent::id).toList());
    }

    @Test
    void evictsByCountTooAndKeepsTheNewestEventEvenWhenItAloneIsOverTheBound() {
        ReplayBuffer buffer = new ReplayBuffer(2, 1000);
        buffer.add(event("e1", 10));
        buffer.add(event("e2", 10));
        buffer.add(event("e3", 10));
        assertEquals(List.of("e2", "e3"), buffer.after("gone").stream().map(RelayedEvent::id).toList(),
                "an id no longer held replays everything held");
        buffer.add(event("huge", 5000));
        assertEquals(1, buffer.size());
        assertEquals(5000, buffer.bytes());
    }
}
