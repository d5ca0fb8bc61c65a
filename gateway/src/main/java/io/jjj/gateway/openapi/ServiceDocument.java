package io.jjj.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** A service's own OpenAPI document as last fetched, or why it could not be. */
public record ServiceDocument(String service, List<String> prefixes, ObjectNode document, String unavailableReason) {

    public static ServiceDocument up(String service, List<String> prefixes, ObjectNode document) {
        return new ServiceDocument(service, prefixes, document, null);
    }

    public static ServiceDocument down(String service, List<String> prefixes, String reason) {
        return new ServiceDocument(service, prefixes, null, reason);
    }

    public boolean available() {
        return document != null;
    }
}
