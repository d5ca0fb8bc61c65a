package io.jjj.gateway.routing;

import io.jjj.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;

/** CORS for the configured origins only, preflight included. */
final class Cors {

    static final String EXPOSED = "X-Request-Id, Location, ETag, Link, X-Total-Count, Retry-After, "
            + "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";
    private static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private final Set<String> origins;
    private final String maxAge;

    Cors(GatewayConfig.Cors config) {
        this.origins = Set.copyOf(config.origins().orElse(List.of()).stream()
                .map(String::trim).filter(o -> !o.isEmpty()).map(o -> o.replaceAll("/+$", "")).toList());
        this.maxAge = Long.toString(config.maxAge().toSeconds());
    }

    /** Adds the CORS headers; false when the request has been answered (a preflight, or a refused one). */
    boolean handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        HttpServerResponse response = ctx.response();
        response.headers().add("Vary", "Origin");
        boolean preflight = request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
        if (!origins.contains(origin)) {
            if (preflight) {
                EdgeProblems.send(ctx, 403, "cors-origin", "Forbidden",
                        "Origin " + origin + " is not among the origins allowed to call this API");
                return false;
            }
            return true;
        }
        response.putHeader("Access-Control-Allow-Origin", origin);
        response.putHeader("Access-Control-Expose-Headers", EXPOSED);
        if (!preflight) {
            return true;
        }
        response.putHeader("Access-Control-Allow-Methods", METHODS);
        String requested = request.getHeader("Access-Control-Request-Headers");
        if (requested != null) {
            response.putHeader("Access-Control-Allow-Headers", requested);
        }
        response.putHeader("Access-Control-Max-Age", maxAge);
        response.setStatusCode(204).end();
        return false;
    }
}
