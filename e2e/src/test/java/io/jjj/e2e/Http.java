package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A small client for the gateway: every call of the end-to-end tests goes through it. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String adminKey;

    Http(String base, String adminKey) {
        this.base = base;
        this.adminKey = adminKey;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json"));
    }

    Reply get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", accept));
    }

    Reply postFile(String path, Path file, String contentType, String idempotencyKey) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .header("Content-Type", contentType)
                    .header("Authorization", "Bearer " + adminKey);
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            return send(b);
        } catch (java.io.FileNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    Reply post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + adminKey);
        headers.forEach(b::header);
        return send(b);
    }

    Reply put(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + adminKey);
        headers.forEach(b::header);
        return send(b);
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    HttpClient client() {
        return client;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
