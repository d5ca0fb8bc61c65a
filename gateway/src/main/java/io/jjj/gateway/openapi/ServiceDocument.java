package io.jjj.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A service's own OpenAPI document as last fetched, or why it could not be. */
public record ServiceDocument(String service, ObjectNode document, String unavailableReason) {

    public static ServiceDocument up(String service, ObjectNode document) {
        return new ServiceDocument(service, document, null);
    }

    public static ServiceDocument down(String service, String reason) {
        return new ServiceDocument(service, null, reason);
    }

    public boolean available() {
        return document != null;
    }
}
