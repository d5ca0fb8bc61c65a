package io.jjj.gateway.events;

import java.time.Instant;
import java.util.Set;

/**
 * A CloudEvent as relayed to browsers: its id, type, the regions its data mentions, the JSON as received, its size
 * in bytes as it came from Kafka, and when Kafka recorded it.
 */
public record RelayedEvent(String id, String type, Set<String> regions, String json, int bytes, Instant recorded) {
}
