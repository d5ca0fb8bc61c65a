package io.jjj.e2e;

import io.jjj.platform.security.GatewayToken;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A client that keeps every answer it got and how long it waited for it, a failed connection included
 * (status 0). Through the gateway every call carries the admin key, so reads are limited per key as a real
 * integration's are; straight to a service it carries a gateway token signed with the suite's secret.
 */
final class Answers {

    /** One call: what was asked, the answer, and how long the client waited. */
    record Answer(String what, int status, Duration waited, String contentType, String retryAfter, String location, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return Http.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        /** A fast refusal a client can act on: 503, a problem, with Retry-After. */
        boolean retryLater() {
            return status == 503 && retryAfter != null && contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return what + " -> " + status + " in " + waited.toMillis() + " ms"
                    + (status >= 300 || status == 0 ? " " + body.substring(0, Math.min(300, body.length())) : "");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final BiFunction<String, String, Map<String, String>> credentials;
    private final List<Answer> answers = new ArrayList<>();

    /** {@code credentials} gives the headers for a call from its method and path. */
    private Answers(String base, BiFunction<String, String, Map<String, String>> credentials) {
        this.base = base;
        this.credentials = credentials;
    }

    static Answers viaGateway(Suite suite) {
        return new Answers(suite.gateway(), (method, path) -> Map.of("Authorization", "Bearer " + suite.adminKey));
    }

    /** Straight to a service, as the gateway calls it: with an admin token for each call, signed with the suite's secret. */
    static Answers direct(Faults faults, String app) {
        return new Answers(faults.direct(app), (method, path) -> Map.of(GatewayToken.HEADER, faults.adminToken(app, method, path)));
    }

    Answer get(String path) {
        return send("GET", path, HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "application/json"));
    }

    Answer post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        headers.forEach(b::header);
        return send("POST", path, b);
    }

    private Answer send(String method, String path, HttpRequest.Builder request) {
        String what = method + " " + path;
        int query = path.indexOf('?');
        credentials.apply(method, query < 0 ? path : path.substring(0, query)).forEach(request::header);
        request.timeout(Duration.ofSeconds(120));
        long t0 = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer = new Answer(what, r.statusCode(), Faults.since(t0), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            answer = new Answer(what, 0, Faults.since(t0), null, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        synchronized (answers) {
            answers.add(answer);
        }
        return answer;
    }

    List<Answer> all() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    List<Answer> where(Predicate<Answer> p) {
        return all().stream().filter(p).toList();
    }

    /** The longest a client waited for any answer. */
    Duration longest() {
        return all().stream().map(Answer::waited).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
