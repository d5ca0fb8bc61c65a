package io.jjj.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event the broker refuses for good (larger than its record limit): it is parked, and the next event of
 * another subject reaches the topic and an SSE subscriber within seconds, exactly once.
 */
@Order(5)
class PoisonEventFaultIT {

    /** The note of the reproduction: the request fits the gateway's 1 MiB limit, its event does not fit Kafka's. */
    static final int NOTE_LENGTH = 1_048_376;
    static final Duration WITHIN = Duration.ofSeconds(10);
    static final Duration WATCH = Duration.ofSeconds(20);

    static Suite suite;
    static Faults faults;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        faults = new Faults(suite);
    }

    @Test
    void thePoisonIsParkedAndTheNextEventOfAnotherSubjectArrivesOnce() throws SQLException, IOException {
        Answers client = Answers.viaGateway(suite);
        ProjectWrites writes = new ProjectWrites(client, "poison", 2005);
        writes.seed(2);
        ProjectWrites.Project poisoned = writes.projects().get(0);
        ProjectWrites.Project other = writes.projects().get(1);
        Db projects = new Db(faults, "jjj_projects");

        try (Subscriber sse = new Subscriber(URI.create(suite.gateway() + "/api/events?types=jjj.projects."))) {
            await().atMost(Duration.ofSeconds(30)).until(sse::open);
            String poisonId;
            String how;
            String note = "x".repeat(NOTE_LENGTH);
            Answers.Answer poison = client.post("/api/projects/" + poisoned.id + "/status", "application/json",
                    "{\"status\":\"suspended\",\"effective\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\",\"note\":\"" + note + "\"}", Map.of());
            // the other project's registration again under a new id, committed with the poison when the poison is put
            // in directly: one batch then holds both, and the broker acknowledges one record of it and refuses the other
            String companionId = UUID.randomUUID().toString();
            ObjectNode registered = (ObjectNode) Http.JSON.readTree(projects.text(
                    "SELECT payload FROM outbox_event WHERE subject = ? AND type = ?", other.id, ProjectWrites.TYPE_REGISTERED));
            String companion = registered.put("id", companionId).toString();
            if (poison.ok()) {
                how = "a status change with a note of " + NOTE_LENGTH + " characters, answered " + poison.status();
                poisonId = projects.text("SELECT id::text FROM outbox_event WHERE subject = ? AND length(payload) > ?", poisoned.id, NOTE_LENGTH);
                insert(projects, List.of(new Row(companionId, ProjectWrites.TYPE_REGISTERED, other.id, companion)));
            } else {
                how = "refused at write time (" + poison.status() + "), so put in the outbox directly with another subject's event";
                poisonId = UUID.randomUUID().toString();
                insert(projects, List.of(new Row(poisonId, ProjectWrites.TYPE_STATUS_CHANGED, poisoned.id, poisonPayload(poisonId, poisoned, note)),
                        new Row(companionId, ProjectWrites.TYPE_REGISTERED, other.id, companion)));
            }

            long written = System.nanoTime();
            assertTrue(writes.toggle(other), "the next write, of another project");
            String nextKey = "status:" + writes.acknowledgedNotes().iterator().next();
            boolean arrived = Faults.eventually(Duration.ofSeconds(60), () -> sse.events().stream()
                    .anyMatch(e -> e.ref().equals(other.ref) && e.type().equals(ProjectWrites.TYPE_STATUS_CHANGED)));
            Duration arrival = Faults.since(written);
            // a batch that is resent forever would bring the same event again within this watch
            boolean onceThroughout = Faults.holdsFor(WATCH, () -> onTopic(writes, nextKey).size() <= 1 && withId(companionId).size() <= 1);
            List<String> nextOnTopic = onTopic(writes, nextKey);
            List<String> companionOnTopic = withId(companionId);
            long companionOverSse = sse.events().stream().filter(e -> companionId.equals(e.id())).count();
            List<String> nextOverSse = sse.events().stream()
                    .filter(e -> e.ref().equals(other.ref) && e.type().equals(ProjectWrites.TYPE_STATUS_CHANGED)).map(Subscriber.Event::id).toList();
            long poisonPending = projects.count("SELECT count(*) FROM outbox_event WHERE id = ?::uuid AND sent_at IS NULL", poisonId);
            long backlog = projects.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
            long parkedRows = projects.count("SELECT count(*) FROM parked_event WHERE kind = 'outbox' AND event_id = ?::uuid", poisonId);
            Answers.Answer parkedList = client.get("/api/projects/events/parked?size=1000");
            Answers.Answer parkedDirect = Answers.direct(faults, "projects").get("/api/projects/events/parked?size=1000");
            boolean listed = parkedList.ok() && parkedList.body().contains("\"" + poisonId + "\"");

            FaultReport.write(suite, "(e) poison event", writes.acknowledgedWrites(), writes.found(), 1, nextOnTopic.size(),
                    arrival, client.longest(), "poison: " + how + "; parked rows " + parkedRows + ", listed by the admin endpoint " + listed + " (gateway "
                            + parkedList.status() + ", service " + parkedDirect.status() + "), still pending in the outbox " + poisonPending
                            + ", outbox backlog " + backlog + "; the next event of another subject over SSE " + nextOverSse.size()
                            + " time(s), on the topic " + nextOnTopic.size() + " time(s) over " + WATCH.toSeconds() + " s; the event in the poison's batch"
                            + " over SSE " + companionOverSse + " time(s), on the topic " + companionOnTopic.size() + " time(s)");
            assertAll(
                    () -> assertTrue(arrived, "the next event of another subject arrived over SSE"),
                    () -> assertTrue(arrival.compareTo(WITHIN) <= 0, "within " + WITHIN.toSeconds() + " s, took " + arrival.toMillis() + " ms"),
                    () -> assertTrue(onceThroughout, "never resent: " + nextOnTopic),
                    () -> assertEquals(1, nextOnTopic.size(), "exactly once on the topic"),
                    () -> assertEquals(1, nextOverSse.size(), "exactly once over SSE"),
                    () -> assertEquals(1, companionOnTopic.size(), "the event in the poison's batch exactly once on the topic"),
                    () -> assertEquals(1, companionOverSse, "the event in the poison's batch exactly once over SSE"),
                    () -> assertEquals(0, poisonPending, "the poison no longer waits in the outbox"),
                    () -> assertEquals(1, parkedRows, "the poison is parked"),
                    () -> assertTrue(listed, "the admin endpoint lists the parked poison: " + parkedList),
                    () -> assertEquals(0, backlog, "the outbox drained"));
        }
    }

    record Row(String id, String type, String subject, String payload) {
    }

    /** Puts events in the outbox in one transaction, as a service's write would. */
    private static void insert(Db projects, List<Row> rows) throws SQLException {
        try (Connection c = projects.connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO outbox_event (id, type, subject, occurred_at, payload) VALUES (?::uuid, ?, ?, now(), ?)")) {
            c.setAutoCommit(false);
            for (Row row : rows) {
                ps.setString(1, row.id());
                ps.setString(2, row.type());
                ps.setString(3, row.subject());
                ps.setString(4, row.payload());
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    private static String poisonPayload(String id, ProjectWrites.Project poisoned, String note) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/jjj/projects\",\"type\":\""
                + ProjectWrites.TYPE_STATUS_CHANGED + "\",\"subject\":\"" + poisoned.id + "\",\"time\":\"2025-01-01T00:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"id\":\"" + poisoned.id + "\",\"ref\":\"" + poisoned.ref
                + "\",\"status\":\"suspended\",\"previousStatus\":\"operational\",\"note\":\"" + note + "\"}}";
    }

    private static List<String> withId(String id) {
        return TopicLog.read(faults.kafkaBootstrap(), "jjj.projects.v1", e -> e.id().equals(id)).stream().map(TopicLog.Event::id).toList();
    }

    private static List<String> onTopic(ProjectWrites writes, String key) {
        return TopicLog.read(faults.kafkaBootstrap(), "jjj.projects.v1",
                e -> writes.ours(e.ref()) && EventCount.key(e.type(), e.data()).equals(key)).stream().map(TopicLog.Event::id).toList();
    }
}
