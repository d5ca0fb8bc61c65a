package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projects service killed with SIGKILL while it applies a large feed: after its restart the feed is wholly
 * applied or wholly absent, and the retry with the same Idempotency-Key completes, each project once.
 */
@Order(3)
class ServiceKilledMidFeedFaultIT {

    static final int ROWS = 5_000;
    static final Set<String> UNFINISHED = Set.of("accepted", "queued", "pending", "running");

    static Suite suite;
    static Faults faults;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        faults = new Faults(suite);
    }

    @Test
    void aFeedCutShortIsWhollyAppliedOrAbsentAndItsRetryCompletes() throws Exception {
        String prefix = "killed-feed-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        StringBuilder csv = new StringBuilder("ref,name_en,kind,sector,origin,destination,status,signed\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(prefix).append(String.format("%05d", i)).append(",Large feed project ").append(i)
                    .append(",science-park,high-tech,110108,").append(ProjectWrites.DESTINATION).append(",operational,2003\n");
        }
        String key = prefix + "feed";
        Db projects = new Db(faults, "jjj_projects");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        long sent = System.nanoTime();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(feed(csv.toString(), key), HttpResponse.BodyHandlers.ofString());
        boolean midway = Faults.eventually(Duration.ofSeconds(120), () -> projects.count(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = 'jjj_projects' AND backend_type = 'client backend'"
                        + " AND state <> 'idle' AND xact_start < now() - interval '1 second'") > 0);
        assertTrue(midway, "the feed's transaction was seen running");
        long killed = System.nanoTime();
        Duration feedRanFor = Duration.ofNanos(killed - sent);
        faults.kill("projects");
        String firstAnswer;
        HttpResponse<String> firstResponse = null;
        try {
            firstResponse = first.get(120, TimeUnit.SECONDS);
            firstAnswer = Integer.toString(firstResponse.statusCode());
        } catch (java.util.concurrent.ExecutionException e) {
            firstAnswer = "no answer (" + e.getCause() + ")";
        }
        String runLocation = firstResponse != null && firstResponse.statusCode() == 202
                ? firstResponse.headers().firstValue("Location").orElse(null) : null;
        Duration firstWait = Faults.since(sent);
        faults.start("projects");
        Duration restarted = Faults.since(killed);
        String runAfterRestart = runLocation == null ? "-" : state(http, runLocation);
        if (runLocation != null) {
            // the killed instance's run is marked failed once its heartbeat is overdue; a retry before that joins it
            String location = runLocation;
            Faults.eventually(Duration.ofSeconds(90), () -> !UNFINISHED.contains(state(http, location)));
        }
        Duration recovery = Faults.since(killed);

        long rowsAfterCrash = projects.count("SELECT count(*) FROM project WHERE starts_with(ref, ?)", prefix);
        String runAfterCrash = runLocation == null ? "-" : state(http, runLocation);

        HttpResponse<String> retry = http.send(feed(csv.toString(), key), HttpResponse.BodyHandlers.ofString());
        String retryOutcome = Integer.toString(retry.statusCode());
        Optional<String> retryLocation = retry.statusCode() == 202 ? retry.headers().firstValue("Location") : Optional.empty();
        if (retryLocation.isPresent()) {
            Faults.eventually(Duration.ofSeconds(240), () -> !UNFINISHED.contains(state(http, retryLocation.get())));
            retryOutcome = "202, then " + state(http, retryLocation.get());
        }
        String retried = retryOutcome;
        long rowsAfterRetry = projects.count("SELECT count(*) FROM project WHERE starts_with(ref, ?)", prefix);
        Faults.eventually(Duration.ofSeconds(90), () -> registeredOnTopic(prefix).size() >= rowsAfterRetry);
        List<String> onTopic = registeredOnTopic(prefix);
        Map<String, Long> duplicates = EventCount.repeated(onTopic);

        FaultReport.write(suite, "(c) projects killed mid-feed", retry.statusCode() / 100 == 2 ? ROWS : 0, rowsAfterRetry, rowsAfterRetry,
                onTopic.size(), recovery, firstWait, "feed of " + ROWS + " rows killed after " + feedRanFor.toMillis() + " ms; first answer "
                        + firstAnswer + ", its run " + runAfterRestart + " when the service was back after " + restarted.toMillis() + " ms, then "
                        + runAfterCrash + "; rows after the crash " + rowsAfterCrash
                        + "; retry with the same key " + retryOutcome);
        assertAll(
                () -> assertTrue(rowsAfterCrash == 0 || rowsAfterCrash == ROWS, "wholly applied or wholly absent, found " + rowsAfterCrash),
                () -> assertTrue(runLocation == null || runAfterCrash.equals("failed"), "the killed run is failed: " + runAfterCrash),
                () -> assertTrue(retry.statusCode() / 100 == 2, "the retry is accepted: " + retry.statusCode() + " " + retry.body()),
                () -> assertTrue(retried.equals("200") || retried.equals("202, then succeeded"), "the retry completes: " + retried),
                () -> assertEquals(ROWS, rowsAfterRetry, "the retry applied every row"),
                () -> assertEquals(ROWS, onTopic.size(), "one registered event per project on the topic"),
                () -> assertEquals(Map.of(), duplicates, "no event twice"));
    }

    private HttpRequest feed(String csv, String key) {
        return HttpRequest.newBuilder(URI.create(suite.gateway() + "/api/projects/feeds/projects"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + suite.adminKey)
                .header("Content-Type", "text/csv")
                .header("Idempotency-Key", key)
                .header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();
    }

    /** The state of a feed run, from its status resource. */
    private String state(HttpClient http, String location) throws IOException, InterruptedException {
        URI uri = URI.create(suite.gateway()).resolve(location);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + suite.adminKey)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return "answered " + r.statusCode();
        }
        JsonNode run = Http.JSON.readTree(r.body());
        return run.path("state").asText();
    }

    private List<String> registeredOnTopic(String prefix) {
        return TopicLog.read(faults.kafkaBootstrap(), "jjj.projects.v1", e -> e.ref().startsWith(prefix)
                && e.type().equals(ProjectWrites.TYPE_REGISTERED)).stream().map(TopicLog.Event::id).toList();
    }
}
