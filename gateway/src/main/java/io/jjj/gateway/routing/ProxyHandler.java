package io.jjj.gateway.routing;

import io.jjj.gateway.config.GatewayConfig;
import io.jjj.gateway.domain.ApiKey;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private final TrustedProxies trustedProxies;
    private final Optional<URI> publicBaseUrl;

    public ProxyHandler(Upstreams upstreams, GatewayConfig config, PlatformConfig platform, TrustedProxies trustedProxies) {
        this.upstreams = upstreams;
        this.config = config;
        this.trustedProxies = trustedProxies;
        this.publicBaseUrl = platform.http().publicBaseUrl();
    }

    /**
     * Called with the request paused; forwards it to {@code upstream} with its canonical path, and answers it one way
     * or another.
     */
    public void forward(RoutingContext ctx, Upstream upstream, String canonicalPath, Policy policy, ApiKey key) {
        HttpServerRequest request = ctx.request();
        long limit = policy.feed() ? config.limits().maxFeedBytes() : config.limits().maxBodyBytes();
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

        String query = request.query();
        RequestOptions options = upstreams.options(upstream, request.method(), query == null ? canonicalPath : canonicalPath + "?" + query);
        copyRequestHeaders(request, options.getHeaders() == null ? fresh(options) : options.getHeaders());
        if (key != null) {
            options.putHeader(GatewayToken.HEADER, upstreams.token(key, upstream, request.method(), canonicalPath));
        }
        if (declared >= 0) {
            options.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(declared));
        }

        send(ctx, upstream, options, hasBody, chunked && declared < 0, limit, !hasBody && isIdempotent(request.method()));
    }

    /**
     * Sends the request on a pooled connection. A bodiless idempotent request that fails before any answer, other than
     * by a timeout (typically a pooled connection the service closed meanwhile), is sent once more.
     */
    private void send(RoutingContext ctx, Upstream upstream, RequestOptions options, boolean hasBody, boolean chunked,
                      long limit, boolean mayRetry) {
        HttpServerRequest request = ctx.request();
        upstreams.client().request(options).onComplete(opened -> {
            if (opened.failed()) {
                if (mayRetry && opened.cause() instanceof HttpClosedException) {
                    send(ctx, upstream, options, false, false, limit, false);
                } else {
                    unavailable(ctx, upstream, opened.cause());
                }
                return;
            }
            HttpClientRequest out = opened.result();
            if (chunked) {
                out.setChunked(true);
            }
            ctx.response().closeHandler(v -> out.reset());
            out.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    relayResponse(ctx, answered.result());
                } else if (mayRetry && !upstreams.describe(upstream, answered.cause()).timeout() && !ctx.response().headWritten()) {
                    send(ctx, upstream, options, false, false, limit, false);
                } else {
                    unavailable(ctx, upstream, answered.cause());
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

    private static boolean isIdempotent(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
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
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                // answered before the upstream call is reset, whose failure would otherwise answer 503 first
                tooLarge(ctx, limit);
                out.reset();
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
        target.set("X-Forwarded-For", trustedProxies.forwardedFor(request));
        if (publicBaseUrl.isPresent()) {
            URI base = publicBaseUrl.get();
            target.set("X-Forwarded-Proto", base.getScheme());
            target.set("X-Forwarded-Host", base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort());
        } else if (trustedProxies.trustsPeer(request)) {
            copyIfPresent(request, target, "X-Forwarded-Proto");
            copyIfPresent(request, target, "X-Forwarded-Host");
        }
    }

    private static void copyIfPresent(HttpServerRequest request, MultiMap target, String header) {
        String value = request.getHeader(header);
        if (value != null) {
            target.set(header, value);
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
                "The request body exceeds " + limit + " bytes, the limit for this operation",
                Map.of("Connection", "close"), Map.of("limitBytes", limit));
    }
}
