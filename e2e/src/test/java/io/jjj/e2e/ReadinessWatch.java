package io.jjj.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Polls {@code /q/health/ready} of every application, directly, and keeps each answer that was not 200. */
final class ReadinessWatch implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(500);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, URI> targets = new LinkedHashMap<>();
    private final Map<String, List<String>> notReady = new LinkedHashMap<>();
    private final List<Load> pollers = new ArrayList<>();
    private int polls;

    ReadinessWatch(Faults faults) {
        for (String app : Faults.APPS) {
            targets.put(app, URI.create(faults.direct(app) + "/q/health/ready"));
            notReady.put(app, new ArrayList<>());
        }
        // one poller per application, so that a slow answer of one does not thin out the samples of the others
        targets.forEach((app, uri) -> pollers.add(new Load("ready-" + app, EVERY, () -> pollOnce(app, uri))));
    }

    private void pollOnce(String app, URI uri) {
        String answer;
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            answer = r.statusCode() == 200 ? null : r.statusCode() + " " + abbreviate(r.body().replaceAll("\\s+", " "));
        } catch (java.io.IOException e) {
            answer = "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (notReady) {
            polls++;
            if (answer != null) {
                notReady.get(app).add(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + answer);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** The answers that were not 200, by application (empty lists when it stayed ready). */
    Map<String, List<String>> notReady() {
        synchronized (notReady) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            notReady.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return copy;
        }
    }

    int polls() {
        synchronized (notReady) {
            return polls;
        }
    }

    @Override
    public void close() {
        pollers.forEach(Load::close);
    }
}
