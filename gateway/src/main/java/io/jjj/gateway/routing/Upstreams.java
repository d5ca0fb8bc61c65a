package io.jjj.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.gateway.config.GatewayConfig;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The services behind the gateway, one pooled HTTP client to reach them, and the signed tokens forwarded calls
 * carry.
 */
@ApplicationScoped
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
    private static final String ANONYMOUS = "anonymous";

    private final List<Upstream> upstreams;
    private final HttpClient client;
    private final GatewayConfig config;
    private final PlatformConfig platform;
    private volatile CachedToken anonymousToken;

    private record CachedToken(String token, Instant renewAfter) {
    }

    public Upstreams(GatewayConfig config, PlatformConfig platform, Vertx vertx) {
        this.config = config;
        this.platform = platform;
        List<Upstream> list = new ArrayList<>();
        config.services().forEach((name, service) -> list.add(Upstream.of(name, service.url(), service.prefixes())));
        list.sort(Comparator.comparing(Upstream::name));
        this.upstreams = List.copyOf(list);
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setDecompressionSupported(false)
                        .setConnectTimeout((int) config.upstream().connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.upstream().maxConnections()));
    }

    public List<Upstream> all() {
        return upstreams;
    }

    public Optional<Upstream> named(String name) {
        return upstreams.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public Optional<Upstream> routing(String path) {
        for (Upstream u : upstreams) {
            if (u.routes(path)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    public HttpClient client() {
        return client;
    }

    /** Options for a call to {@code upstream}, with the configured connect and response timeouts. */
    public RequestOptions options(Upstream upstream, HttpMethod method, String uri) {
        return new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(upstream.port(), upstream.host()))
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setMethod(method)
                .setURI(uri)
                .setConnectTimeout(config.upstream().connectTimeout().toMillis())
                .setIdleTimeout(config.upstream().responseTimeout().toMillis());
    }

    /** A token for a call made on behalf of an API key (or anonymously, with no scopes). */
    public String token(String keyName, List<String> scopes) {
        if (keyName == null) {
            CachedToken cached = anonymousToken;
            if (cached == null || Instant.now().isAfter(cached.renewAfter())) {
                Duration lifetime = platform.security().tokenLifetime();
                cached = new CachedToken(GatewayToken.issue(platform.security().tokenSecret(), ANONYMOUS, List.of(), lifetime),
                        Instant.now().plus(lifetime.dividedBy(2)));
                anonymousToken = cached;
            }
            return cached.token();
        }
        return GatewayToken.issue(platform.security().tokenSecret(), keyName, scopes, platform.security().tokenLifetime());
    }

    /** GETs JSON from a service, anonymously; fails with an {@link UpstreamFailure} when it is down or slow. */
    public Future<JsonReply> getJson(Upstream upstream, String uri, String requestId) {
        RequestOptions options = options(upstream, HttpMethod.GET, uri)
                .putHeader("Accept", "application/json")
                .putHeader(GatewayToken.HEADER, token(null, List.of()));
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
