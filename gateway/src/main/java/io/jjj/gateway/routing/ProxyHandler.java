package io.jjj.gateway.routing;

import io.jjj.gateway.config.GatewayConfig;
import io.jjj.gateway.domain.ApiKeyView;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
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
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forwards a request to its service and the answer back: every status, header and body passes through, except
 * hop-by-hop headers and the caller's key, which is replaced by the gateway's signed token. The call goes out on the
 * event loop's own client, with the request's own header map (only what must not pass is removed from it). A small
 * body with a {@code Content-Length} is read and written in one go; any other is streamed.
 */
@Singleton
public class ProxyHandler {

    /** Bodies up to this size with a {@code Content-Length} are passed in one write rather than streamed. */
    static final int WHOLE_BODY_BYTES = 64 * 1024;

    private static final HeaderNames HOP_BY_HOP = new HeaderNames("Connection", "Keep-Alive", "Proxy-Authenticate",
            "Proxy-Authorization", "TE", "Trailer", "Trailers", "Transfer-Encoding", "Upgrade", "Expect");
    private static final HeaderNames NOT_FORWARDED = HOP_BY_HOP.and("Host", "Content-Length", "X-API-Key",
            "Authorization", GatewayToken.HEADER, "X-Forwarded-Host", "X-Forwarded-Proto");
    private static final HeaderNames NOT_RETURNED = HOP_BY_HOP.and("Content-Length", RequestIds.HEADER);

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final TrustedProxies trustedProxies;
    private final String forwardedProto;
    private final String forwardedHost;

    public ProxyHandler(Upstreams upstreams, GatewayConfig config, PlatformConfig platform, TrustedProxies trustedProxies) {
        this.upstreams = upstreams;
        this.config = config;
        this.trustedProxies = trustedProxies;
        Optional<URI> base = platform.http().publicBaseUrl();
        this.forwardedProto = base.map(URI::getScheme).orElse(null);
        this.forwardedHost = base.map(b -> b.getPort() < 0 ? b.getHost() : b.getHost() + ":" + b.getPort()).orElse(null);
    }

    /**
     * Called with the request paused; forwards it to {@code upstream} with its canonical path, and answers it one way
     * or another.
     */
    public void forward(RoutingContext ctx, Upstream upstream, String canonicalPath, Policy policy, ApiKeyView key) {
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

        Upstreams.Lane lane = upstreams.lane();
        String query = request.query();
        RequestOptions options = upstreams.options(upstream, request.method(), query == null ? canonicalPath : canonicalPath + "?" + query);
        MultiMap headers = forwardedHeaders(request);
        if (key != null) {
            headers.set(GatewayToken.HEADER, lane.tokens().token(key, upstream, request.method(), canonicalPath));
        }
        if (declared >= 0) {
            headers.set(HttpHeaders.CONTENT_LENGTH, length.trim());
        }
        options.setHeaders(headers);

        // only a bodiless GET or HEAD, which is resent once if its pooled connection fails, rides a pooled connection
        boolean resendable = !hasBody && isIdempotent(request.method());
        HttpClient client = resendable ? lane.reads() : lane.writes();
        if (hasBody && !chunked && declared <= WHOLE_BODY_BYTES) {
            sendWhole(ctx, client, upstream, options);
        } else {
            send(ctx, client, upstream, options, hasBody, chunked && declared < 0, limit, resendable);
        }
    }

    /** Reads a small body whole (its length is declared and within the cap), then sends it in one write. */
    private void sendWhole(RoutingContext ctx, HttpClient client, Upstream upstream, RequestOptions options) {
        HttpServerRequest request = ctx.request();
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        request.body().onComplete(read -> {
            if (read.failed()) {
                return;
            }
            client.request(options).onComplete(opened -> {
                if (opened.failed()) {
                    unavailable(ctx, upstream, opened.cause());
                    return;
                }
                HttpClientRequest out = opened.result();
                ctx.response().closeHandler(v -> out.reset());
                out.response().onComplete(answered -> {
                    if (answered.succeeded()) {
                        relayResponse(ctx, answered.result());
                    } else {
                        unavailable(ctx, upstream, answered.cause());
                    }
                });
                out.end(read.result());
            });
        });
        EdgeProblems.resume(request);
    }

    /**
     * Sends the request. A bodiless idempotent request that fails before any answer, other than by a timeout (typically
     * a pooled connection the service closed meanwhile), is sent once more.
     */
    private void send(RoutingContext ctx, HttpClient client, Upstream upstream, RequestOptions options, boolean hasBody,
                      boolean chunked, long limit, boolean mayRetry) {
        HttpServerRequest request = ctx.request();
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                if (mayRetry && opened.cause() instanceof HttpClosedException) {
                    send(ctx, client, upstream, options, false, false, limit, false);
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
                    send(ctx, client, upstream, options, false, false, limit, false);
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
        MultiMap headers = response.headers();
        in.headers().forEach((name, value) -> {
            if (!NOT_RETURNED.contains(name)) {
                headers.add(name, value);
            }
        });
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (in.statusCode() != 204 && in.statusCode() != 304 && ctx.request().method() != HttpMethod.HEAD) {
            response.setChunked(true);
        }
        long declared = length == null ? -1 : parseLength(length);
        if (declared >= 0 && declared <= WHOLE_BODY_BYTES) {
            in.body().onComplete(read -> {
                if (read.succeeded()) {
                    response.end(read.result());
                } else if (!response.closed()) {
                    response.reset();
                }
            });
            return;
        }
        in.pipeTo(response).onFailure(e -> {
            if (!response.closed()) {
                response.reset();
            }
        });
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The request's own header map, stripped of what must not pass (hop-by-hop headers, the caller's key, a token,
     * the host, forwarded headers the gateway sets itself), with {@code X-Forwarded-*} set.
     */
    private MultiMap forwardedHeaders(HttpServerRequest request) {
        MultiMap headers = request.headers();
        String proto = forwardedProto;
        String host = forwardedHost;
        if (proto == null && trustedProxies.trustsPeer(request)) {
            proto = headers.get("X-Forwarded-Proto");
            host = headers.get("X-Forwarded-Host");
        }
        String forwardedFor = trustedProxies.forwardedFor(request);
        List<String> dropped = new ArrayList<>(2);
        headers.forEach((name, value) -> {
            if (NOT_FORWARDED.contains(name) && !dropped.contains(name)) {
                dropped.add(name);
            }
        });
        for (String name : dropped) {
            headers.remove(name);
        }
        headers.set("X-Forwarded-For", forwardedFor);
        if (proto != null) {
            headers.set("X-Forwarded-Proto", proto);
        }
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        return headers;
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
