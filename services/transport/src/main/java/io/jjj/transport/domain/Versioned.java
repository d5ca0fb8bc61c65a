package io.jjj.transport.domain;

import io.jjj.platform.http.ConditionalWrites;

/** A stored node or link as a record, with the version that makes its ETag. */
public record Versioned<T>(T value, long version) {

    public String etag() {
        return ConditionalWrites.etag(version);
    }
}
