package io.jjj.gateway.routing;

import io.jjj.gateway.domain.ApiKeyView;
import io.jjj.platform.security.GatewayToken;
import io.vertx.core.http.HttpMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The signed tokens of one event loop (not thread-safe), reused for the same call. A token is bound to the key's
 * name and scopes, the service, the method and the canonical path, so it is cached under all of them, and only for
 * the first half of its lifetime: a reused token still has at least half its life when the service checks it, and
 * opens nothing the token issued for this call would not. The cache is bounded; the oldest entries go first.
 */
final class GatewayTokens {

    static final int CAPACITY = 1024;

    private record Call(ApiKeyView key, String audience, HttpMethod method, String path) {
    }

    private record Issued(String token, long reuseUntilMillis) {
    }

    private final String secret;
    private final Duration lifetime;
    private final LongSupplier clockMillis;
    private final long reuseMillis;
    private final Map<Call, Issued> issued = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Call, Issued> eldest) {
            return size() > CAPACITY;
        }
    };

    GatewayTokens(String secret, Duration lifetime) {
        this(secret, lifetime, System::currentTimeMillis);
    }

    GatewayTokens(String secret, Duration lifetime, LongSupplier clockMillis) {
        this.secret = secret;
        this.lifetime = lifetime;
        this.clockMillis = clockMillis;
        this.reuseMillis = lifetime.toMillis() / 2;
    }

    /** The token for one call made with {@code key}: bound to the service, the method and the canonical path. */
    String token(ApiKeyView key, Upstream upstream, HttpMethod method, String canonicalPath) {
        Call call = new Call(key, upstream.name(), method, canonicalPath);
        long now = clockMillis.getAsLong();
        Issued cached = issued.get(call);
        if (cached != null && now < cached.reuseUntilMillis()) {
            return cached.token();
        }
        String token = GatewayToken.issue(secret, key.name(), key.scopes(),
                new GatewayToken.Call(upstream.name(), method.name(), canonicalPath), Instant.ofEpochMilli(now), lifetime);
        issued.remove(call);
        issued.put(call, new Issued(token, now + reuseMillis));
        return token;
    }

    int size() {
        return issued.size();
    }
}
