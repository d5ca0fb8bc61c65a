package io.jjj.gateway.routing;

import io.jjj.gateway.config.GatewayConfig;
import io.jjj.gateway.domain.ApiKey;
import io.jjj.platform.security.GatewayToken;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forwards a request to its service and the answer back, streaming both bodies: every status, header and body
 * passes through, except hop-by-hop headers and the caller's key, which is replaced by the gateway's signed token.
 */
@ApplicationScoped
public class ProxyHandler {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "expect");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "x-api-key", "authorization",
            GatewayToken.HEADER.toLowerCase(Locale.ROOT), "x-forwarded-host", "x-forwarded-proto");
    private static final Set<String> NOT_RETURNED = Set.of("content-length", RequestIds.HEADER.toLowerCase(Locale.ROOT));

    private final Upstreams upstreams;
    private final GatewayConfig config;

    public ProxyHandler(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    /** Called with the request paused; answers it one way or another. */
    public void forward(RoutingContext ctx, Upstream upstream, ApiKey key) {
        HttpServerRequest request = ctx.request();
        long limit = isFeed(request.path()) ? config.limits().maxFeedBytes() : config.limits().maxBodyBytes();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            EdgeProblems.send(ctx, 400, "validation", "Invalid request", "Content-Length is not a number: '" + length + "'");
            return;
        }
        if (declared > limit) {
            tooLarge(ctx, limit);
            return;
        }
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || http2 && declared < 0 && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD;
        boolean hasBody = declared > 0 || chunked;

        RequestOptions options = upstreams.options(upstream, request.method(), request.uri());
        HostAndPort authority = request.authority();
        if (authority != null) {
            options.setHost(authority.host()).setPort(authority.port() < 0 ? 80 : authority.port());
        }
        copyRequestHeaders(request, options.getHeaders() == null ? fresh(options) : options.getHeaders());
        options.putHeader(GatewayToken.HEADER, key == null
                ? upstreams.token(null, List.of())
                : upstreams.token(key.name(), key.scopes()));
        if (declared >= 0) {
            options.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(declared));
        }

        upstreams.client().request(options).onComplete(opened -> {
            if (opened.failed()) {
                unavailable(ctx, upstream, opened.cause());
                return;
            }
            HttpClientRequest out = opened.result();
            if (chunked && declared < 0) {
                out.setChunked(true);
            }
            ctx.response().closeHandler(v -> out.reset());
            out.response().onComplete(answered -> {
                if (answered.failed()) {
                    unavailable(ctx, upstream, answered.cause());
                } else {
                    relayResponse(ctx, answered.result());
                }
            });
            if (hasBody) {
                streamBody(ctx, request, out, limit);
            } else {
                out.end();
                EdgeProblems.resume(request);
            }
        });
    }

    private static MultiMap fresh(RequestOptions options) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        options.setHeaders(headers);
        return headers;
    }

    private void streamBody(RoutingContext ctx, HttpServerRequest request, HttpClientRequest out, long limit) {
        long[] received = {0};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limit) {
                request.handler(null);
                out.reset();
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                tooLarge(ctx, limit);
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                EdgeProblems.pause(request);
                out.drainHandler(v -> EdgeProblems.resume(request));
            }
        });
        request.endHandler(v -> {
            if (received[0] <= limit) {
                out.end();
            }
        });
        request.exceptionHandler(e -> out.reset());
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        EdgeProblems.resume(request);
    }

    private void relayResponse(RoutingContext ctx, HttpClientResponse in) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            in.request().reset();
            return;
        }
        response.setStatusCode(in.statusCode());
        if (in.statusMessage() != null) {
            response.setStatusMessage(in.statusMessage());
        }
        for (Map.Entry<String, String> header : in.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !NOT_RETURNED.contains(name)) {
                response.headers().add(header.getKey(), header.getValue());
            }
        }
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (in.statusCode() != 204 && in.statusCode() != 304 && ctx.request().method() != HttpMethod.HEAD) {
            response.setChunked(true);
        }
        in.pipeTo(response).onFailure(e -> {
            if (!response.closed()) {
                response.reset();
            }
        });
    }

    private void copyRequestHeaders(HttpServerRequest request, MultiMap target) {
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !NOT_FORWARDED.contains(name)) {
                target.add(header.getKey(), header.getValue());
            }
        }
        String client = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (client != null) {
            String earlier = request.getHeader("X-Forwarded-For");
            target.set("X-Forwarded-For", earlier == null ? client : earlier + ", " + client);
        }
        target.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            target.set("X-Forwarded-Host", request.authority().toString());
        }
    }

    private void unavailable(RoutingContext ctx, Upstream upstream, Throwable cause) {
        Upstreams.UpstreamFailure failure = upstreams.describe(upstream, cause);
        EdgeProblems.resume(ctx.request());
        EdgeProblems.send(ctx, failure.status(), failure.timeout() ? "upstream-timeout" : "upstream-unavailable",
                failure.timeout() ? "Gateway timeout" : "Service unavailable", failure.getMessage(),
                failure.timeout() ? Map.of() : Map.of("Retry-After", "5"), Map.of("service", upstream.name()));
    }

    private static void tooLarge(RoutingContext ctx, long limit) {
        EdgeProblems.resume(ctx.request());
        EdgeProblems.send(ctx, 413, "too-large", "Content too large",
                "The request body exceeds " + limit + " bytes, the limit for " + ctx.request().path(),
                Map.of("Connection", "close"), Map.of("limitBytes", limit));
    }

    static boolean isFeed(String path) {
        return path.matches("/api/[^/]+/feeds(/.*)?");
    }
}
