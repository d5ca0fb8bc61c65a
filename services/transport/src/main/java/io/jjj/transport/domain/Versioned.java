package io.jjj.transport.domain;

/** A stored entity with its version, which makes its ETag. */
public record Versioned<T>(T value, int version) {

    public String etag() {
        return "\"" + version + "\"";
    }
}
