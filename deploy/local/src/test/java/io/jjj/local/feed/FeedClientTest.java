package io.jjj.local.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against a gateway stand-in that answers feeds 202 and serves the run's states in turn. */
class FeedClientTest {

    private static final String RUN = "/api/projects/feeds/runs/0f5c1a9e-3b2d-4c7e-9a61-2d8e4b7c9f10";

    private HttpServer gateway;
    private final List<String> prefers = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile List<String> states;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/projects/feeds", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                exchange.getRequestBody().readAllBytes();
                prefers.add(exchange.getRequestHeaders().getFirst("Prefer"));
                exchange.getResponseHeaders().add("Location", RUN);
                answer(exchange, 202, "{\"id\":\"0f5c1a9e\",\"state\":\"queued\"}");
            } else {
                int poll = polls.getAndIncrement();
                String state = states.get(Math.min(poll, states.size() - 1));
                answer(exchange, 200, switch (state) {
                    case "succeeded" -> "{\"state\":\"succeeded\",\"report\":{\"received\":2,\"inserted\":2}}";
                    case "failed" -> "{\"state\":\"failed\",\"problem\":{\"title\":\"Unprocessable content\",\"status\":422}}";
                    default -> "{\"state\":\"" + state + "\",\"rowsRead\":1}";
                });
            }
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private FeedClient.Result post() throws IOException {
        Path file = Files.writeString(dir.resolve("projects.csv"), "ref,name_en\na,A\n");
        FeedClient client = new FeedClient("http://127.0.0.1:" + gateway.getAddress().getPort(), "admin-key");
        return client.post(file, new FeedRoutes.Target("/api/projects/feeds/projects", FeedRoutes.CSV), Optional.empty(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void asksForAnAsynchronousAnswerAndFollowsTheRunUntilItSucceeded() throws IOException {
        states = List.of("queued", "running", "succeeded");
        FeedClient.Result result = post();
        assertEquals(List.of("respond-async"), prefers);
        assertEquals(3, polls.get(), "polled while queued and running, then stopped");
        assertEquals(200, result.status());
        assertTrue(result.ok());
        assertTrue(result.body().contains("\"inserted\":2"), result.body());
    }

    @Test
    void aFailedRunIsAnsweredWithTheStatusOfItsProblem() throws IOException {
        states = List.of("running", "failed");
        FeedClient.Result result = post();
        assertEquals(422, result.status());
        assertFalse(result.ok());
        assertTrue(result.body().contains("Unprocessable content"), result.body());
    }
}
