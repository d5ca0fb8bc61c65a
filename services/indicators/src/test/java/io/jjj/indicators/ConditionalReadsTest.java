package io.jjj.indicators;

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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The indicators' reads on their real endpoints: tagged by the data version, answered 304, and changed by a write. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ConditionalReadsTest {

    private static final String SOURCES = "/api/indicators/sources";

    @Inject
    PlatformConfig config;

    @Inject
    Jdbc jdbc;

    /** Adds a source and waits until the relay has marked its event sent (a commit too, which would change the tag). */
    private String source() {
        String id = "TCR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        TestData.write(config).contentType("application/json").body("{\"citation\":\"Cited " + id + "\"}")
                .when().put(SOURCES + "/" + id).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.one("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL", rs -> rs.getLong(1)).orElseThrow() == 0);
        return id;
    }

    @Test
    void theSourcesAreAnswered304UntilOneIsWritten() {
        source();
        Response first = given().when().get(SOURCES);
        String tag = first.header("ETag");
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{22}\""), tag);
        Response again = given().header("If-None-Match", tag).when().get(SOURCES);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body().asString());

        String id = source();
        Response after = given().header("If-None-Match", tag).when().get(SOURCES);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().asString().contains(id));
    }

    @Test
    void theRegionsAreAnswered304() {
        String tag = given().when().get("/api/regions?level=province").header("ETag");
        assertEquals(304, given().header("If-None-Match", tag).when().get("/api/regions?level=province").statusCode());
    }
}
