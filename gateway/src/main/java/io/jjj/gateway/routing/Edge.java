package io.jjj.gateway.routing;

import io.jjj.gateway.config.GatewayConfig;
import io.jjj.gateway.domain.ApiKey;
import io.jjj.gateway.domain.ApiKeyService;
import io.jjj.gateway.domain.Scopes;
import io.jjj.gateway.domain.TokenBuckets;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first handler of every request: request id, CORS, then for {@code /api}: who calls (API key), whether they
 * may (scopes), how often (rate limits), and where the request goes (a service, or the gateway's own resources).
 */
@ApplicationScoped
public class Edge {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Pattern OWN_PATHS = Pattern.compile(
            "/api/(events|keys|insights(/.*)?|keys/.*|regions/[^/]+/profile)/?");
    private static final Pattern KEY_PATHS = Pattern.compile("/api/keys(/.*)?");

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final ProxyHandler proxy;
    private final ApiKeyService keys;
    private final Cors cors;
    private final Vertx vertx;
    private final TokenBuckets keyBuckets;
    private final TokenBuckets addressBuckets;

    public Edge(GatewayConfig config, Upstreams upstreams, ProxyHandler proxy, ApiKeyService keys, Vertx vertx) {
        this.config = config;
        this.upstreams = upstreams;
        this.proxy = proxy;
        this.keys = keys;
        this.vertx = vertx;
        this.cors = new Cors(config.cors());
        this.keyBuckets = new TokenBuckets(config.rateLimit().perKey().capacity(), config.rateLimit().perKey().refillPerSecond());
        this.addressBuckets = new TokenBuckets(config.rateLimit().perAddress().capacity(),
                config.rateLimit().perAddress().refillPerSecond());
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::handle);
        vertx.setPeriodic(60_000, timer -> {
            keyBuckets.evictFull();
            addressBuckets.evictFull();
        });
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, requestId);
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        if (!cors.handle(ctx)) {
            return;
        }
        String path = request.path();
        if (!path.startsWith("/api/")) {
            ctx.next();
            return;
        }
        String secret = presentedSecret(request);
        if (secret == null) {
            authorize(ctx, path, null, Optional.empty());
            return;
        }
        Optional<Optional<ApiKey>> cached = keys.cached(secret);
        if (cached.isPresent()) {
            authorize(ctx, path, secret, cached.get());
            return;
        }
        EdgeProblems.pause(request);
        vertx.executeBlocking(() -> keys.authenticate(secret), false).onComplete(found -> {
            if (found.failed()) {
                EdgeProblems.resume(request);
                EdgeProblems.send(ctx, 503, "keys-unavailable", "Service unavailable",
                        "API keys cannot be checked right now; retry shortly", Map.of("Retry-After", "5"), null);
            } else {
                authorize(ctx, path, secret, found.result());
            }
        });
    }

    private void authorize(RoutingContext ctx, String path, String secret, Optional<ApiKey> key) {
        HttpServerRequest request = ctx.request();
        if (secret != null && key.isEmpty()) {
            reject(ctx, 401, "unauthorized", "Unauthorized", "The API key is not valid (unknown or revoked)");
            return;
        }
        boolean own = isOwnPath(path);
        Optional<Upstream> upstream = own ? Optional.empty() : upstreams.routing(path);
        String scope = KEY_PATHS.matcher(path).matches() ? Scopes.ADMIN
                : WRITES.contains(request.method()) && upstream.isPresent() ? Scopes.writeScopeOf(upstream.get().name())
                : null;
        if (scope != null && key.isEmpty()) {
            reject(ctx, 401, "unauthorized", "Unauthorized",
                    "This needs an API key with the scope " + scope + " (Authorization: Bearer <key> or X-API-Key)");
            return;
        }
        if (scope != null && !key.get().allows(scope)) {
            EdgeProblems.resume(request);
            EdgeProblems.send(ctx, 403, "forbidden", "Forbidden",
                    "The API key '" + key.get().name() + "' lacks the scope " + scope);
            return;
        }
        if (!withinRateLimit(ctx, key)) {
            return;
        }
        if (upstream.isPresent()) {
            EdgeProblems.pause(request);
            proxy.forward(ctx, upstream.get(), key.orElse(null));
        } else {
            EdgeProblems.resume(request);
            ctx.next();
        }
    }

    private boolean withinRateLimit(RoutingContext ctx, Optional<ApiKey> key) {
        TokenBuckets.Decision decision = key.isPresent()
                ? keyBuckets.take("key:" + key.get().id())
                : addressBuckets.take(clientAddress(ctx.request()));
        HttpServerResponse response = ctx.response();
        response.putHeader("RateLimit-Limit", Integer.toString(decision.limit()));
        response.putHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
        response.putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            return true;
        }
        EdgeProblems.resume(ctx.request());
        EdgeProblems.send(ctx, 429, "rate-limited", "Too many requests",
                "Rate limit of " + decision.limit() + " requests exceeded for this "
                        + (key.isPresent() ? "API key" : "client address") + "; retry in " + decision.retryAfterSeconds() + " s",
                Map.of("Retry-After", Long.toString(decision.retryAfterSeconds())), null);
        return false;
    }

    private String clientAddress(HttpServerRequest request) {
        if (config.rateLimit().trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static void reject(RoutingContext ctx, int status, String slug, String title, String detail) {
        EdgeProblems.resume(ctx.request());
        EdgeProblems.send(ctx, status, slug, title, detail, Map.of("WWW-Authenticate", "Bearer realm=\"jjj\""), null);
    }

    /** Paths the gateway answers itself; they win over a service's prefix. */
    public static boolean isOwnPath(String path) {
        return OWN_PATHS.matcher(path).matches();
    }

    static String presentedSecret(HttpServerRequest request) {
        String apiKey = request.getHeader("X-API-Key");
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
