package io.jjj.gateway.support;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for one service behind the gateway: a Vert.x HTTP server on a port of its own with canned answers per
 * method and path. It records what it receives and can be stopped and started again on the same port.
 */
public final class FakeService {

    /** A request as the service received it. */
    public record Received(String method, String uri, Map<String, String> headers, long bodyBytes) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private static final Vertx VERTX = Vertx.vertx();

    private final String name;
    private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile HttpServer server;
    private volatile int port;

    public FakeService(String name) {
        this.name = name;
    }

    public static Vertx vertx() {
        return VERTX;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Answers {@code method path} (the path without query) with the handler. */
    public FakeService route(String method, String path, Handler<HttpServerRequest> handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The last request received for a path. */
    public Received last(String path) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).uri().startsWith(path)) {
                return received.get(i);
            }
        }
        throw new AssertionError(name + " received nothing for " + path + "; received " + received);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = VERTX.createHttpServer().requestHandler(this::handle).listen(port).toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " fake service did not start", e);
        }
        port = server.actualPort();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " fake service did not stop", e);
        }
        server = null;
    }

    private void handle(HttpServerRequest request) {
        Map<String, String> headers = new ConcurrentHashMap<>();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        Handler<HttpServerRequest> handler = routes.get(request.method().name() + " " + request.path());
        if (handler == null) {
            received.add(new Received(request.method().name(), request.uri(), headers, 0));
            request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end("{\"title\":\"Not found\",\"status\":404,\"detail\":\"" + name + " has no " + request.path() + "\"}");
            return;
        }
        if ("POST".equals(request.method().name()) || "PUT".equals(request.method().name())) {
            long[] bytes = {0};
            request.handler(b -> bytes[0] += b.length());
            request.endHandler(v -> {
                received.add(new Received(request.method().name(), request.uri(), headers, bytes[0]));
                request.response().putHeader("X-Fake-Received-Bytes", Long.toString(bytes[0]));
                handler.handle(request);
            });
        } else {
            received.add(new Received(request.method().name(), request.uri(), headers, 0));
            handler.handle(request);
        }
    }

    public static void json(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(Buffer.buffer(body));
    }
}
