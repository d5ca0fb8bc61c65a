package io.jjj.projects;

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
import java.util.Set;

import static io.jjj.projects.Projects.created;
import static io.jjj.projects.Projects.uniqueRef;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The projects' reads on their real endpoints: tagged by the data version, answered 304, and changed by a write. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ConditionalReadsTest {

    private static final String LIST = "/api/projects?destination=131000&size=20";

    @Inject
    PlatformConfig config;

    @Inject
    Jdbc jdbc;

    /**
     * Creates a project and waits until the relay has marked its event sent: that is a commit too, which gives the
     * reads another tag (harmless, but a test of a 304 needs a database at rest).
     */
    private String project(String ref) {
        String id = created(config, """
                {"ref": "%s", "nameEn": "Logistics hub to Langfang", "kind": "industrial-transfer", "origin": "110000",
                 "destination": "131000", "jobs": 70, "signed": "2016-03-01", "status": "signed"}
                """.formatted(ref));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.one("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL", rs -> rs.getLong(1)).orElseThrow() == 0);
        return id;
    }

    @Test
    void theListIsAnswered304UntilAProjectIsWritten() {
        project(uniqueRef("cr-list"));
        Response first = given().when().get(LIST);
        assertEquals(200, first.statusCode());
        String tag = first.header("ETag");
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{22}\""), tag);
        assertEquals("Accept, Accept-Encoding", first.header("Vary"));

        Response again = given().header("If-None-Match", tag).when().get(LIST);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body().asString());
        assertEquals(tag, again.header("ETag"));

        String ref = uniqueRef("cr-write");
        project(ref);
        Response after = given().header("If-None-Match", tag).when().get(LIST);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().asString().contains(ref));
    }

    @Test
    void eachFormatIsTaggedApart() {
        project(uniqueRef("cr-formats"));
        Set<String> tags = Set.of(given().accept("application/json").when().get(LIST).header("ETag"),
                given().accept("text/csv").when().get(LIST).header("ETag"),
                given().when().get(LIST + "&format=geojson").header("ETag"));
        assertEquals(3, tags.size(), tags.toString());
    }

    @Test
    void aProjectKeepsItsVersionAsItsTag() {
        String id = project(uniqueRef("cr-entity"));
        Response one = given().when().get("/api/projects/" + id);
        assertEquals("\"1\"", one.header("ETag"));
        assertEquals(304, given().header("If-None-Match", "\"1\"").when().get("/api/projects/" + id).statusCode());
    }

    @Test
    void theFlowsMatrixServedFromMemoryIsTaggedByItsBody() {
        Response flows = given().when().get("/api/projects/flows");
        String tag = flows.header("ETag");
        assertEquals(304, given().header("If-None-Match", tag).when().get("/api/projects/flows").statusCode());
        project(uniqueRef("cr-flows"));
        Response after = given().header("If-None-Match", tag).when().get("/api/projects/flows");
        assertEquals(200, after.statusCode(), "a new project changes the matrix");
        assertNotEquals(tag, after.header("ETag"));
    }
}
