package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A Server-Sent Events subscriber that collects every event it receives. */
final class EventStream implements AutoCloseable {

    record Event(String id, String type, JsonNode cloudEvent) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    EventStream(HttpClient client, URI uri) {
        response = client.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            String id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        try {
                            events.add(new Event(id, type, Http.JSON.readTree(data.toString())));
                        } catch (IOException e) {
                            events.add(new Event(id, type, null));
                        }
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        });
    }

    int status() {
        return status;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
