package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A Server-Sent Events subscriber that behaves like a browser's EventSource: when the stream ends or breaks it
 * connects again after the server's {@code retry} hint (1 s without one), sending the last id it saw as
 * {@code Last-Event-ID}. Keeps every event it received, in order.
 */
final class Subscriber implements AutoCloseable {

    record Event(String id, String type, String ref) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> connectAnswers = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicReference<Stream<String>> current = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread reader;
    private volatile String lastId;
    private volatile long retryMillis = 1000;
    private volatile boolean open;

    Subscriber(URI uri) {
        this.uri = uri;
        reader = new Thread(this::run, "sse-" + uri.getQuery());
        reader.setDaemon(true);
        reader.start();
    }

    private void run() {
        while (closed.getCount() > 0) {
            connections.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
            if (lastId != null) {
                request.header("Last-Event-ID", lastId);
            }
            try {
                HttpResponse<Stream<String>> r = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                connectAnswers.add(r.statusCode() + (lastId == null ? "" : " after " + lastId));
                if (r.statusCode() == 200) {
                    current.set(r.body());
                    open = true;
                    read(r.body());
                } else {
                    r.body().close();
                }
            } catch (IOException | UncheckedIOException e) {
                connectAnswers.add("broken: " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            } finally {
                open = false;
            }
            try {
                closed.await(retryMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(Stream<String> lines) {
        String id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) lines::iterator) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    events.add(new Event(id, type, ref(data.toString())));
                    if (id != null) {
                        lastId = id;
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
            } else if (line.startsWith("retry:")) {
                retryMillis = Long.parseLong(line.substring(6).trim());
            }
        }
    }

    private static String ref(String data) {
        try {
            JsonNode ce = Http.JSON.readTree(data);
            return ce.path("data").path("ref").asText();
        } catch (IOException e) {
            return "";
        }
    }

    /** True while a stream is open (answered 200 and not ended). */
    boolean open() {
        return open;
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    int connections() {
        return connections.get();
    }

    /** What each connection attempt was answered, for messages. */
    List<String> connectAnswers() {
        return List.copyOf(connectAnswers);
    }

    static List<String> ids(List<Event> events) {
        return events.stream().map(Event::id).toList();
    }

    /** The events about the projects of a workload. */
    static List<Event> ours(ProjectWrites writes, List<Event> events) {
        return events.stream().filter(e -> writes.ours(e.ref())).toList();
    }

    @Override
    public void close() {
        closed.countDown();
        Stream<String> s = current.get();
        if (s != null) {
            s.close();
        }
        reader.interrupt();
    }
}
