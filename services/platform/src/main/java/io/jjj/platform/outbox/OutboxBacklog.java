package io.jjj.platform.outbox;

/** Unsent events: how many, and how old the oldest one is (0 when none). */
public record OutboxBacklog(long count, double oldestAgeSeconds) {
}
