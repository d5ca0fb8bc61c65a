package io.jjj.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored API key (never its secret). */
public record ApiKey(UUID id, String name, List<String> scopes, Instant createdAt, Instant revokedAt) {

    public boolean allows(String scope) {
        return scopes.contains(scope) || scopes.contains(Scopes.ADMIN);
    }

    public boolean active() {
        return revokedAt == null;
    }
}
