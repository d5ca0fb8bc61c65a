package io.jjj.gateway.events;

import java.util.Set;

/** A CloudEvent as relayed to browsers: its id, type, the regions its data mentions, and the JSON as received. */
public record RelayedEvent(String id, String type, Set<String> regions, String json, long receivedNanos) {
}
