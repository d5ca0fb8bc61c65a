package io.jjj.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An active API key as the gateway uses it: who it is, what it may write, and the version its ETag carries. */
public record ApiKeyView(UUID id, String name, List<String> scopes, Instant createdAt, long version) {

    public boolean allows(String scope) {
        return scopes.contains(scope) || scopes.contains(Scopes.ADMIN);
    }
}
