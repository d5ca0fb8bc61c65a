package io.jjj.gateway.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The most recent events, oldest first, bounded both by count and by bytes so a burst of large events cannot exhaust
 * the heap. The newest event is always kept, even alone over the byte bound. Not thread-safe: the relay guards it.
 */
final class ReplayBuffer {

    private final int maxEvents;
    private final long maxBytes;
    private final ArrayDeque<RelayedEvent> events = new ArrayDeque<>();
    private long bytes;

    ReplayBuffer(int maxEvents, long maxBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    void add(RelayedEvent event) {
        events.addLast(event);
        bytes += event.bytes();
        while (events.size() > maxEvents || (bytes > maxBytes && events.size() > 1)) {
            bytes -= events.removeFirst().bytes();
        }
    }

    /** The events after the one with this id, oldest first; every buffered event when the id is no longer held. */
    List<RelayedEvent> after(String id) {
        List<RelayedEvent> later = new ArrayList<>();
        for (Iterator<RelayedEvent> it = events.descendingIterator(); it.hasNext(); ) {
            RelayedEvent e = it.next();
            if (e.id().equals(id)) {
                break;
            }
            later.add(e);
        }
        Collections.reverse(later);
        return later;
    }

    int size() {
        return events.size();
    }

    long bytes() {
        return bytes;
    }

    Optional<RelayedEvent> oldest() {
        return Optional.ofNullable(events.peekFirst());
    }
}
