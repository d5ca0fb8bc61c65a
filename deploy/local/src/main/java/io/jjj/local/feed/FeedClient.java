package io.jjj.local.feed;

import io.jjj.local.LauncherException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts feed files to the gateway with the admin key, asking for an asynchronous answer, and follows the run's
 * {@code Location} until it has ended, so a long feed never loses its answer to a timeout.
 */
public final class FeedClient {

    private static final Duration POLL_EVERY = Duration.ofSeconds(1);
    private static final Duration POLL_FOR = Duration.ofMinutes(30);
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String gatewayUrl;
    private final String adminKey;

    public FeedClient(String gatewayUrl, String adminKey) {
        this.gatewayUrl = gatewayUrl;
        this.adminKey = adminKey;
    }

    /** The server's final answer to one feed. */
    public record Result(int status, String body, String path) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Posts the file (streamed from disk) and, on 202 with a Location, polls the run until it succeeded (the result is
     * then 200 with the run and its report) or failed (the status of its problem, with the run).
     */
    public Result post(Path file, FeedRoutes.Target target, Optional<String> idempotencyKey, PrintStream progress) {
        if (!Files.isRegularFile(file)) {
            throw new LauncherException("no such file: " + file);
        }
        URI uri = URI.create(gatewayUrl + target.path());
        HttpRequest.Builder req;
        try {
            req = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMinutes(30))
                    .header("Content-Type", target.contentType() + "; charset=utf-8")
                    .header("Accept", "application/json, application/problem+json")
                    .header("Authorization", "Bearer " + adminKey)
                    .header("Prefer", "respond-async")
                    .POST(HttpRequest.BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new LauncherException("no such file: " + file);
        }
        idempotencyKey.ifPresent(k -> req.header("Idempotency-Key", k));
        HttpResponse<String> resp = send(req.build(), uri);
        if (resp.statusCode() == 202) {
            Optional<String> location = resp.headers().firstValue("Location");
            if (location.isPresent()) {
                URI poll = uri.resolve(location.get());
                progress.println("accepted (202), polling " + poll);
                return follow(poll, target);
            }
        }
        return new Result(resp.statusCode(), resp.body(), target.path());
    }

    /** Polls a run until it ended; a gateway or service briefly unavailable (5xx) is polled through. */
    private Result follow(URI poll, FeedRoutes.Target target) {
        long deadline = System.nanoTime() + POLL_FOR.toNanos();
        while (System.nanoTime() < deadline) {
            sleep(POLL_EVERY);
            HttpResponse<String> resp = send(HttpRequest.newBuilder(poll)
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json")
                    .header("Authorization", "Bearer " + adminKey)
                    .GET().build(), poll);
            if (resp.statusCode() >= 500) {
                continue;
            }
            Matcher state = STATE.matcher(resp.body());
            if (resp.statusCode() != 200 || !state.find()) {
                return new Result(resp.statusCode(), resp.body(), target.path());
            }
            switch (state.group(1)) {
                case "succeeded" -> {
                    return new Result(200, resp.body(), target.path());
                }
                case "failed" -> {
                    Matcher status = STATUS.matcher(resp.body());
                    return new Result(status.find() ? Integer.parseInt(status.group(1)) : 500, resp.body(), target.path());
                }
                default -> {
                    // queued or running: poll again
                }
            }
        }
        throw new LauncherException("the feed was still running after " + POLL_FOR.toMinutes() + " minutes; its run is " + poll);
    }

    private HttpResponse<String> send(HttpRequest request, URI uri) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new LauncherException("cannot reach the gateway at " + gatewayUrl + " (is it running? ./jjj status)");
        } catch (IOException e) {
            throw new LauncherException("POST " + uri + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
