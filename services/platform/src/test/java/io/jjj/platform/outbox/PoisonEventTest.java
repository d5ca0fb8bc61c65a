package io.jjj.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.events.EventJson;
import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.fixture.Widgets;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An event the broker refuses for good is parked: the others flow, its subject waits, an admin retries or discards it. */
@QuarkusTest
class PoisonEventTest {

    private static final String TOPIC = "jjj.platformtest.v1";
    private static final String PARKED = "/api/platformtest/events/parked";
    private static TopicProbe topic;

    @Inject
    Widgets widgets;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PlatformConfig config;

    @BeforeAll
    static void openProbe() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()))) {
                return admin.listTopics().names().get().contains(TOPIC);
            }
        });
        topic = new TopicProbe(TOPIC);
    }

    @AfterAll
    static void closeProbe() {
        topic.close();
    }

    private String adminToken() {
        return GatewayToken.issue(config.security().tokenSecret(), "admin", List.of("admin"), Duration.ofMinutes(1));
    }

    private long arrived(String subject) {
        return topic.poll().stream().filter(r -> r.subject().equals(subject)).count();
    }

    @Test
    void anEventLargerThanTheProducerSendsIsRefusedAtWriteAndNothingIsWritten() throws SQLException {
        String name = "huge-" + UUID.randomUUID();
        String note = "x".repeat(config.kafka().maxRequestSize());
        given().contentType("application/json").body(Map.of("name", name, "weight", 1, "note", note))
                .when().post("/test/widgets").then()
                .statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"))
                .body("detail", containsString("'note'"))
                .body("limitBytes", equalTo(config.kafka().maxRequestSize()));
        assertFalse(widgets.exists(name), "the change was rolled back with its event");
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE subject = ?", name));

        String fits = "fits-" + UUID.randomUUID();
        given().contentType("application/json").body(Map.of("name", fits, "weight", 1, "note", "x".repeat(1000)))
                .when().post("/test/widgets").then().statusCode(201);
        topic.awaitAtLeast(1, r -> r.subject().equals(fits));
    }

    @Test
    void aRecordTheBrokerRefusesIsParkedTheOthersFlowOnceAndItsSubjectWaitsUntilDiscarded() throws SQLException {
        String poisoned = "poisoned-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        CloudEvent poison = event(poisoned, "y".repeat(config.kafka().maxRequestSize() + 10));
        UUID poisonId = poison.id();
        // one transaction, one notification: the relay claims the poison and the other subject's event in one batch
        Instant written = Instant.now();
        insertIntoOutbox(List.of(poison, event(other, "other"), event(poisoned, "later")));

        topic.awaitAtLeast(1, r -> r.subject().equals(other), Duration.ofSeconds(10));
        Duration took = Duration.between(written, Instant.now());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "the next event of another subject arrived within seconds: " + took);

        long parkedId = await().atMost(Duration.ofSeconds(10)).until(() -> parkedIdOf(poisonId), id -> id > 0);
        given().when().get(PARKED).then().statusCode(200)
                .header("X-Total-Count", notNullValue())
                .body("items.find { it.id == " + parkedId + " }.kind", equalTo("outbox"))
                .body("items.find { it.id == " + parkedId + " }.subject", equalTo(poisoned))
                .body("items.find { it.id == " + parkedId + " }.error", containsString("RecordTooLargeException"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.parked", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'outbox' }.data.state", equalTo("degraded"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jjj_outbox_parked"));

        // a later event, sent after everything above, has passed the relay: nothing of before is sent again
        String marker = "marker-" + UUID.randomUUID();
        widgets.save(new Widgets.Widget(marker, BigDecimal.ONE));
        topic.awaitAtLeast(1, r -> r.subject().equals(marker));
        assertEquals(1, arrived(other), "the other subject's event reached the topic exactly once");
        assertEquals(0, arrived(poisoned), "the poisoned subject's later event waits behind the parked one");
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE subject = ? AND sent_at IS NULL", poisoned));

        given().when().delete(PARKED + "/" + parkedId).then().statusCode(401);
        given().header(GatewayToken.HEADER, adminToken()).when().delete(PARKED + "/" + parkedId).then().statusCode(204);
        given().header(GatewayToken.HEADER, adminToken()).when().delete(PARKED + "/" + parkedId).then().statusCode(404)
                .contentType("application/problem+json");
        List<TopicProbe.Received> released = topic.awaitAtLeast(1, r -> r.subject().equals(poisoned), Duration.ofSeconds(10));
        assertEquals(1, released.size());
        assertEquals("later", released.get(0).data().path("note").asText());
    }

    @Test
    void aRetriedOutboxEventGoesBackBeforeItsSubjectsLaterEventsAndArrivesOnce() throws SQLException {
        String subject = "retried-" + UUID.randomUUID();
        CloudEvent first = event(subject, "first");
        long parkedId = insertParked(first);
        widgets.save(new Widgets.Widget(subject, BigDecimal.TEN));
        String marker = "marker-" + UUID.randomUUID();
        widgets.save(new Widgets.Widget(marker, BigDecimal.ONE));
        topic.awaitAtLeast(1, r -> r.subject().equals(marker));
        assertEquals(0, arrived(subject), "the subject waits while its earlier event is parked");

        given().header(GatewayToken.HEADER, adminToken()).when().post(PARKED + "/" + parkedId + "/retry").then().statusCode(204);
        List<TopicProbe.Received> received = topic.awaitAtLeast(2, r -> r.subject().equals(subject), Duration.ofSeconds(10));
        assertEquals(List.of(first.id().toString(), received.get(1).id()), received.stream().map(TopicProbe.Received::id).toList(),
                "the retried event goes first, then the later one, each once");
        assertEquals(10, received.get(1).data().path("weight").asInt());
        given().when().get(PARKED).then().statusCode(200).body("items.findAll { it.id == " + parkedId + " }.size()", equalTo(0));
    }

    @Test
    void theAdminEndpointAnswersOnlyForThisServicePagesLikeEveryListingAndIsDocumentedUnderItsName() {
        given().when().get("/api/projects/events/parked").then().statusCode(404).contentType("application/problem+json");
        given().when().get(PARKED + "?size=5000").then().statusCode(400).contentType("application/problem+json");
        given().header(GatewayToken.HEADER, adminToken()).when().post(PARKED + "/999999999/retry").then().statusCode(404);
        given().when().get(PARKED + "?page=0&size=1").then().statusCode(200).header("Link", containsString("rel=\"first\""));
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey(PARKED))
                .body("paths", hasKey(PARKED + "/{id}/retry"))
                .body("paths", not(hasKey("/api/{service}/events/parked")))
                .body("paths.'" + PARKED + "'.get.operationId", equalTo("listParkedEvents"))
                .body("paths.'" + PARKED + "'.get.tags", equalTo(List.of("platformtest")))
                .body("paths.'" + PARKED + "'.get.parameters.name", not(hasItem("service")));
    }

    private CloudEvent event(String subject, String note) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), "/jjj/platformtest", "jjj.platformtest.widget.saved.v1",
                subject, OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.DATA_CONTENT_TYPE,
                EventJson.MAPPER.createObjectNode().put("name", subject).put("note", note));
    }

    /** Writes events straight into the outbox in one transaction, as a service's write would, but of any size. */
    private void insertIntoOutbox(List<CloudEvent> events) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO outbox_event (id, type, subject, occurred_at, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (CloudEvent e : events) {
                    s.setObject(1, e.id());
                    s.setString(2, e.type());
                    s.setString(3, e.subject());
                    s.setTimestamp(4, Timestamp.from(e.time().toInstant()));
                    s.setString(5, EventJson.write(e));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, '')")) {
                notify.setString(1, EventPublisher.CHANNEL);
                notify.execute();
            }
            c.commit();
        }
    }

    /** Parks an event as the relay would have, with a place in the outbox before anything written after. */
    private long insertParked(CloudEvent e) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO parked_event (kind, event_id, type, subject, occurred_at, payload, error, attempts, outbox_seq)
                VALUES ('outbox', ?, ?, ?, ?, ?, 'RecordTooLargeException: test', 1, nextval('outbox_event_seq_seq'))
                RETURNING id""")) {
            s.setObject(1, e.id());
            s.setString(2, e.type());
            s.setString(3, e.subject());
            s.setObject(4, e.time());
            s.setString(5, EventJson.write(e));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long parkedIdOf(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT coalesce(max(id), 0) FROM parked_event WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
