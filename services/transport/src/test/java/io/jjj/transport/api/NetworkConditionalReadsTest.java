package io.jjj.transport.api;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.jdbc.Jdbc;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.jjj.transport.TestNetwork.signed;
import static io.jjj.transport.TestNetwork.uniqueId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network's reads from the database are tagged by the data version and answered 304 until a write; the routing
 * and analysis answers, served from the snapshot rebuilt after commits, are tagged by their bodies.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class NetworkConditionalReadsTest {

    private static final String NODES = "/api/transport/nodes?region=130684";

    @Inject
    PlatformConfig config;

    @Inject
    Jdbc jdbc;

    /** Adds a node and waits until the relay has marked its event sent (a commit too, which would change the tag). */
    private String node() {
        String id = uniqueId("CR");
        signed(config).contentType("application/json")
                .body("{\"nameEn\":\"Test " + id + "\",\"kind\":\"hsr-station\",\"region\":\"130684\",\"lon\":115.8,\"lat\":39.3}")
                .put("/api/transport/nodes/" + id).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.one("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL", rs -> rs.getLong(1)).orElseThrow() == 0);
        return id;
    }

    @Test
    void theNodesAreAnswered304UntilOneIsWritten() {
        node();
        Response first = given().when().get(NODES);
        String tag = first.header("ETag");
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{22}\""), tag);
        Response again = given().header("If-None-Match", tag).when().get(NODES);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body().asString());

        String id = node();
        Response after = given().header("If-None-Match", tag).when().get(NODES);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().asString().contains(id));
    }

    @Test
    void aCommitThatChangesNoDataMovesTheVersionTagsButNotTheSnapshotsBodyTags() {
        String stats = "/api/transport/stats?groupBy=mode";
        // the snapshot may still be rebuilding after another test's write: its body, and so its tag, may change once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String nodesTag = given().when().get(NODES).header("ETag");
            String statsTag = given().when().get(stats).header("ETag");
            jdbc.one("SELECT txid_current()", rs -> rs.getLong(1));
            assertEquals(200, given().header("If-None-Match", nodesTag).when().get(NODES).statusCode());
            assertEquals(304, given().header("If-None-Match", statsTag).when().get(stats).statusCode());
        });
    }
}
