package io.jjj.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.gateway.config.GatewayConfig;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.TokenSecret;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The services behind the gateway, the pooled HTTP clients to reach them, and the signed tokens forwarded calls
 * made with an API key carry. Each event loop has its own client (whose connections live on that loop, so a
 * forwarded request never changes thread) and its own cache of tokens.
 */
@Singleton
public class Upstreams {

    /** A service's JSON answer: its status and body. */
    public record JsonReply(int status, JsonNode body) {
    }

    /** Why a call to a service failed, worded for a client. */
    public static final class UpstreamFailure extends RuntimeException {
        private final Upstream upstream;
        private final boolean timeout;

        UpstreamFailure(Upstream upstream, boolean timeout, String message) {
            super(message, null, false, false);
            this.upstream = upstream;
            this.timeout = timeout;
        }

        public Upstream upstream() {
            return upstream;
        }

        public boolean timeout() {
            return timeout;
        }

        public int status() {
            return timeout ? 504 : 503;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Upstream> upstreams;
    private final Map<String, Upstream> byName;
    private final HttpClient client;
    private final FastThreadLocal<Lane> lanes;
    private final GatewayConfig config;
    private final PlatformConfig platform;
    private final TokenSecret tokenSecret;

    public Upstreams(GatewayConfig config, PlatformConfig platform, TokenSecret tokenSecret, Vertx vertx) {
        this.config = config;
        this.platform = platform;
        this.tokenSecret = tokenSecret;
        List<Upstream> list = new ArrayList<>();
        config.services().forEach((name, service) -> list.add(Upstream.of(name, service.url())));
        list.sort(Comparator.comparing(Upstream::name));
        this.upstreams = List.copyOf(list);
        this.byName = upstreams.stream().collect(Collectors.toUnmodifiableMap(Upstream::name, u -> u));
        this.client = newClient(vertx, true);
        this.lanes = new FastThreadLocal<>() {
            @Override
            protected Lane initialValue() {
                return new Lane(newClient(vertx, true), newClient(vertx, false),
                        new GatewayTokens(tokenSecret.value(), platform.security().tokenLifetime()));
            }
        };
    }

    /**
     * What one event loop uses to forward: its own clients and its own token cache. {@code reads} pools connections;
     * {@code writes} opens one per call, so a call that is never resent cannot land on a pooled connection the service
     * is closing at that moment (HAProxy's "safe" reuse).
     */
    record Lane(HttpClient reads, HttpClient writes, GatewayTokens tokens) {
    }

    private HttpClient newClient(Vertx vertx, boolean keepAlive) {
        return vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(keepAlive)
                        .setTcpNoDelay(true)
                        .setDecompressionSupported(false)
                        .setConnectTimeout((int) config.upstream().connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.upstream().maxConnections()));
    }

    public List<Upstream> all() {
        return upstreams;
    }

    public Optional<Upstream> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The calling event loop's own client and tokens; must be called on an event loop. */
    Lane lane() {
        if (!Context.isOnEventLoopThread()) {
            throw new IllegalStateException("forwarding runs on an event loop, not on " + Thread.currentThread().getName());
        }
        return lanes.get();
    }

    /** Options for a call to {@code upstream}, with the configured connect and response timeouts. */
    public RequestOptions options(Upstream upstream, HttpMethod method, String uri) {
        return new RequestOptions()
                .setServer(upstream.address())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setMethod(method)
                .setURI(uri)
                .setConnectTimeout(config.upstream().connectTimeout().toMillis())
                .setIdleTimeout(config.upstream().responseTimeout().toMillis());
    }

    /** GETs JSON from a service, anonymously; fails with an {@link UpstreamFailure} when it is down or slow. */
    public Future<JsonReply> getJson(Upstream upstream, String uri, String requestId) {
        RequestOptions options = options(upstream, HttpMethod.GET, uri)
                .putHeader("Accept", "application/json");
        if (requestId != null) {
            options.putHeader(RequestIds.HEADER, requestId);
        }
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    try {
                        return new JsonReply(response.statusCode(), body.length() == 0 ? null : JSON.readTree(body.getBytes()));
                    } catch (IOException e) {
                        throw new UpstreamFailure(upstream, false, "The " + upstream.name() + " service answered "
                                + response.statusCode() + " with a body that is not JSON");
                    }
                }))
                .recover(failure -> Future.failedFuture(failure instanceof UpstreamFailure f ? f : describe(upstream, failure)));
    }

    /** Words a transport failure: a timeout (504) or a service that cannot be reached (503). */
    public UpstreamFailure describe(Upstream upstream, Throwable failure) {
        boolean timeout = isTimeout(failure);
        String message = timeout
                ? "The " + upstream.name() + " service did not answer within " + config.upstream().responseTimeout().toMillis() + " ms"
                : "The " + upstream.name() + " service is unavailable (" + upstream.url() + ": " + reason(failure) + ")";
        return new UpstreamFailure(upstream, timeout, message);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout") && !t.getClass().getSimpleName().contains("Connect")) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        String simple = failure.getClass().getSimpleName();
        if (failure instanceof java.net.ConnectException || simple.contains("Connect")) {
            return "connection refused or timed out";
        }
        return failure.getMessage() == null ? simple : failure.getMessage();
    }
}
