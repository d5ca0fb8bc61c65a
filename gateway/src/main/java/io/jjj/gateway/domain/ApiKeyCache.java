package io.jjj.gateway.domain;

import io.jjj.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** What a presented secret was found to be (a key or none), remembered briefly so most requests skip the database. */
@ApplicationScoped
public class ApiKeyCache {

    private static final int MAX_ENTRIES = 100_000;

    private record Cached(Optional<ApiKeyView> key, Instant expires) {
    }

    private final GatewayConfig config;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeyCache(GatewayConfig config) {
        this.config = config;
    }

    /** The key for a presented secret when the answer is cached; empty when the database must be asked. */
    public Optional<Optional<ApiKeyView>> cached(String secret) {
        Cached c = cache.get(KeySecrets.hash(secret));
        return c != null && c.expires().isAfter(Instant.now()) ? Optional.of(c.key()) : Optional.empty();
    }

    void remember(String secretHash, Optional<ApiKeyView> key) {
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(secretHash, new Cached(key, Instant.now().plus(config.keys().cacheTtl())));
    }

    void forget(UUID id) {
        cache.values().removeIf(c -> c.key().map(k -> k.id().equals(id)).orElse(false));
    }

    void clear() {
        cache.clear();
    }
}
