package io.jjj.platform.inbox;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.events.EventJson;
import io.jjj.platform.fixture.Widgets;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Consumers never commit past an event they have not handled: they wait for the database, and park what keeps failing. */
@QuarkusTest
class ConsumerFaultsTest {

    private static final String PARKED = "/api/platformtest/events/parked";

    @Inject
    EventConsumers consumers;

    @Inject
    Widgets widgets;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PlatformConfig config;

    private static String event(UUID id, String subject) {
        return EventJson.write(new CloudEvent("1.0", id, "/jjj/elsewhere", "jjj.elsewhere.thing.happened.v1", subject,
                OffsetDateTime.now(), "application/json", EventJson.MAPPER.createObjectNode().put("n", 1)));
    }

    @Test
    void anEventThatKeepsFailingIsParkedAfterTheConfiguredAttemptsAndTheStreamMovesOn() throws SQLException {
        String topic = "jjj.elsewhere.v1." + UUID.randomUUID();
        String group = "parking-test-" + UUID.randomUUID();
        String poison = "poison-" + UUID.randomUUID();
        String healthy = "healthy-" + UUID.randomUUID();
        AtomicInteger poisonAttempts = new AtomicInteger();
        AtomicBoolean cured = new AtomicBoolean();
        consumers.start(group, List.of(topic), e -> {
            if (e.subject().equals(poison) && !cured.get()) {
                poisonAttempts.incrementAndGet();
                throw new IllegalStateException("cannot handle " + e.subject());
            }
            widgets.bump(e.subject());
        });
        UUID poisonId = UUID.randomUUID();
        // one key, so both land in one partition and the healthy event can only be reached past the poison one
        TopicProbe.send(topic, "same-key", event(poisonId, poison));
        TopicProbe.send(topic, "same-key", event(UUID.randomUUID(), healthy));

        await().atMost(Duration.ofSeconds(30)).until(() -> widgets.counter(healthy) == 1);
        assertEquals(config.consumers().maxAttempts(), poisonAttempts.get(), "parked after exactly the configured attempts");
        long parkedId = parkedIdOf(group, poisonId);
        given().when().get(PARKED + "?size=1000").then().statusCode(200)
                .body("items.find { it.id == " + parkedId + " }.kind", equalTo("inbox"))
                .body("items.find { it.id == " + parkedId + " }.consumer", equalTo(group))
                .body("items.find { it.id == " + parkedId + " }.attempts", equalTo(config.consumers().maxAttempts()))
                .body("items.find { it.id == " + parkedId + " }.error", containsString("cannot handle"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jjj_inbox_parked"));

        String token = GatewayToken.issue(config.security().tokenSecret(), "admin", List.of("admin"), Duration.ofMinutes(1));
        given().header(GatewayToken.HEADER, token).when().post(PARKED + "/" + parkedId + "/retry").then().statusCode(409)
                .body("detail", containsString("failed again"));
        cured.set(true);
        given().header(GatewayToken.HEADER, token).when().post(PARKED + "/" + parkedId + "/retry").then().statusCode(204);
        assertEquals(1, widgets.counter(poison), "the retried event was handled");
        assertEquals(0, parkedIdOf(group, poisonId));
    }

    @Test
    void whileTheDatabaseRefusesConnectionsAnEventWaitsAndIsHandledOnceItIsBack() throws SQLException {
        String topic = "jjj.elsewhere.v1." + UUID.randomUUID();
        String group = "db-down-test-" + UUID.randomUUID();
        String subject = "waits-" + UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        consumers.start(group, List.of(topic), e -> {
            calls.incrementAndGet();
            widgets.bump(e.subject());
        });
        String database = databaseName();
        UUID id = UUID.randomUUID();
        takeDatabaseAway(database);
        try {
            TopicProbe.send(topic, subject, event(id, subject));
            await().atMost(Duration.ofSeconds(15)).until(() -> status(group).lastError().orElse("").contains("database unreachable"));
            // far longer than the configured attempts take: an outage does not count as the handler failing
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> status(group).state().equals("retrying"));
        } finally {
            bringDatabaseBack(database);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> widgets.counter(subject) == 1);
        assertEquals(0, parkedIdOf(group, id), "an outage is not the handler failing: nothing parked");
        assertEquals(1, calls.get(), "handled once, when the database was back");
    }

    private EventConsumers.Status status(String group) {
        return consumers.status().stream().filter(s -> s.group().equals(group)).findFirst().orElseThrow();
    }

    private String databaseName() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The database refuses new connections and drops every open one, as during a restart. */
    private static void takeDatabaseAway(String database) throws SQLException {
        try (Connection c = PostgresTestResource.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        }
    }

    private static void bringDatabaseBack(String database) throws SQLException {
        try (Connection c = PostgresTestResource.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
    }

    private long parkedIdOf(String consumer, UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(max(id), 0) FROM parked_event WHERE kind = 'inbox' AND consumer = ? AND event_id = ?")) {
            s.setString(1, consumer);
            s.setObject(2, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
