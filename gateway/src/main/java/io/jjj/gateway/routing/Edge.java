package io.jjj.gateway.routing;

import io.jjj.gateway.config.GatewayConfig;
import io.jjj.gateway.domain.ApiKeyCache;
import io.jjj.gateway.domain.ApiKeyService;
import io.jjj.gateway.domain.ApiKeyView;
import io.jjj.gateway.domain.TokenBuckets;
import io.jjj.gateway.security.ApiKeyAuthenticationMechanism;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The first handler of every request. It computes the {@link CanonicalPath} once, and decides everything on it: the
 * operation ({@link PolicyTable}, deny by default), who calls (API key) and whether they may (scope), how often (rate
 * limits, per key, or per client address for calls without a valid key), the body cap, and where the request goes:
 * a service, with the canonical path, or the gateway's own resources, rerouted to the canonical path.
 */
@ApplicationScoped
public class Edge {

    private final Upstreams upstreams;
    private final ProxyHandler proxy;
    private final ApiKeyService keys;
    private final ApiKeyCache keyCache;
    private final Cors cors;
    private final Vertx vertx;
    private final PolicyTable policies;
    private final TrustedProxies trustedProxies;
    private final TokenBuckets keyBuckets;
    private final TokenBuckets addressBuckets;
    private final EdgeMetrics metrics;

    public Edge(GatewayConfig config, Upstreams upstreams, ProxyHandler proxy, ApiKeyService keys, ApiKeyCache keyCache,
                Vertx vertx, PolicyTable policies, TrustedProxies trustedProxies, EdgeMetrics metrics) {
        this.upstreams = upstreams;
        this.metrics = metrics;
        this.proxy = proxy;
        this.keys = keys;
        this.keyCache = keyCache;
        this.vertx = vertx;
        this.policies = policies;
        this.trustedProxies = trustedProxies;
        this.cors = new Cors(config.cors());
        this.keyBuckets = new TokenBuckets(config.rateLimit().perKey().capacity(), config.rateLimit().perKey().refillPerSecond());
        this.addressBuckets = new TokenBuckets(config.rateLimit().perAddress().capacity(),
                config.rateLimit().perAddress().refillPerSecond());
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::handle);
        router.errorHandler(400, ctx -> EdgeProblems.send(ctx, 400, "invalid-path", "Invalid request target",
                "The request target is not a valid URI path"));
        vertx.setPeriodic(60_000, timer -> {
            keyBuckets.evictFull();
            addressBuckets.evictFull();
        });
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long start = System.nanoTime();
        String offered = request.getHeader(RequestIds.HEADER);
        String requestId = RequestIds.acceptOrGenerate(offered);
        if (!requestId.equals(offered)) {
            request.headers().set(RequestIds.HEADER, requestId);
        }
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        String path;
        try {
            path = CanonicalPath.of(request.path());
            CanonicalPath.checkQuery(request.query());
        } catch (CanonicalPath.Refused refused) {
            EdgeProblems.send(ctx, 400, "invalid-path", "Invalid request target", refused.getMessage());
            return;
        }
        PolicyTable.Decision decision = policies.decide(request.method(), path);
        if (decision instanceof PolicyTable.Allowed own && own.policy().servedByGateway() && !path.equals(request.path())) {
            ctx.reroute(request.method(), request.query() == null ? path : path + "?" + request.query());
            return;
        }
        String target = decision instanceof PolicyTable.Allowed operation ? operation.policy().target() : EdgeMetrics.EDGE;
        ctx.addEndHandler(ended -> metrics.record(target, ctx.response().getStatusCode(), start));
        if (!cors.handle(ctx)) {
            return;
        }
        if (decision instanceof PolicyTable.MethodNotAllowed notAllowed) {
            String allow = notAllowed.allowed().stream().map(Object::toString).collect(Collectors.joining(", "));
            EdgeProblems.send(ctx, 405, "method-not-allowed", "Method not allowed",
                    request.method() + " is not allowed on " + path + "; allowed: " + allow, Map.of("Allow", allow), null);
            return;
        }
        if (!(decision instanceof PolicyTable.Allowed allowed)) {
            EdgeProblems.send(ctx, 404, "no-route", "Not found", "No operation of this API is at " + path);
            return;
        }
        Policy policy = allowed.policy();
        String secret = ApiKeyAuthenticationMechanism.presentedSecret(request);
        if (secret == null) {
            authorize(ctx, path, policy, null, Optional.empty());
            return;
        }
        Optional<Optional<ApiKeyView>> cached = keyCache.cached(secret);
        if (cached.isPresent()) {
            authorize(ctx, path, policy, secret, cached.get());
            return;
        }
        EdgeProblems.pause(request);
        vertx.executeBlocking(() -> keys.authenticate(secret), false).onComplete(found -> {
            if (found.failed()) {
                EdgeProblems.send(ctx, 503, "keys-unavailable", "Service unavailable",
                        "API keys cannot be checked right now; retry shortly", Map.of("Retry-After", "5"), null);
            } else {
                authorize(ctx, path, policy, secret, found.result());
            }
        });
    }

    private void authorize(RoutingContext ctx, String path, Policy policy, String secret, Optional<ApiKeyView> key) {
        if (!withinRateLimit(ctx, key)) {
            return;
        }
        if (secret != null && key.isEmpty()) {
            reject(ctx, 401, "The API key is not valid (unknown or revoked)");
            return;
        }
        String scope = policy.scope();
        if (scope != null && key.isEmpty()) {
            reject(ctx, 401, "This operation needs an API key with the scope " + scope
                    + " (Authorization: Bearer <key> or X-API-Key)");
            return;
        }
        if (scope != null && !key.get().allows(scope)) {
            EdgeProblems.send(ctx, 403, "forbidden", "Forbidden",
                    "The API key '" + key.get().name() + "' lacks the scope " + scope);
            return;
        }
        if (policy.servedByGateway()) {
            EdgeProblems.resume(ctx.request());
            ctx.next();
            return;
        }
        Optional<Upstream> upstream = upstreams.named(policy.target());
        if (upstream.isEmpty()) {
            EdgeProblems.send(ctx, 503, "upstream-unavailable", "Service unavailable",
                    "The " + policy.target() + " service is not configured", Map.of("Retry-After", "5"), null);
            return;
        }
        EdgeProblems.pause(ctx.request());
        proxy.forward(ctx, upstream.get(), path, policy, key.orElse(null));
    }

    /** Calls with a valid key draw from its bucket; all others, unknown keys included, from the client address's. */
    private boolean withinRateLimit(RoutingContext ctx, Optional<ApiKeyView> key) {
        TokenBuckets.Decision decision = key.isPresent()
                ? keyBuckets.take("key:" + key.get().id())
                : addressBuckets.take(trustedProxies.client(ctx.request()));
        HttpServerResponse response = ctx.response();
        response.putHeader("RateLimit-Limit", Integer.toString(decision.limit()));
        response.putHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
        response.putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            return true;
        }
        EdgeProblems.send(ctx, 429, "rate-limited", "Too many requests",
                "Rate limit of " + decision.limit() + " requests exceeded for this "
                        + (key.isPresent() ? "API key" : "client address") + "; retry in " + decision.retryAfterSeconds() + " s",
                Map.of("Retry-After", Long.toString(decision.retryAfterSeconds())), null);
        return false;
    }

    private static void reject(RoutingContext ctx, int status, String detail) {
        EdgeProblems.send(ctx, status, "unauthorized", "Unauthorized", detail, Map.of("WWW-Authenticate", "Bearer realm=\"jjj\""), null);
    }
}
