package io.jjj.indicators.domain;

/** A publication observations cite; {@code version} is raised by every change and is its ETag. */
public record Source(String id, String citation, long version) {
}
