package io.jjj.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class CombinedOpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICE_PATHS = List.of("/api/observations", "/api/regions", "/api/indicators/{code}",
            "/api/indicators/feeds/observations", "/api/projects", "/api/projects/feeds/projects", "/api/transport/isochrones", "/api/transport/accessibility");
    private static final List<String> GATEWAY_PATHS = List.of("/api/keys", "/api/keys/{id}", "/api/events",
            "/api/regions/{code}/profile", "/api/insights/reachable");

    private static JsonNode document() throws Exception {
        return JSON.readTree(given().when().get("/openapi.json").then().statusCode(200).contentType("application/json").extract().asString());
    }

    private static JsonNode completeDocument() {
        return await().atMost(Duration.ofSeconds(30)).until(CombinedOpenApiTest::document,
                d -> d.path("paths").has("/api/transport/isochrones") && d.path("paths").has("/api/projects") && d.path("paths").has("/api/observations"));
    }

    @Test
    void mergesEveryServicePathWithTheGatewaysOwn() throws Exception {
        JsonNode doc = completeDocument();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi-merged.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));

        for (String path : SERVICE_PATHS) {
            assertTrue(doc.path("paths").has(path), "missing " + path);
        }
        for (String path : GATEWAY_PATHS) {
            assertTrue(doc.path("paths").has(path), "missing " + path);
        }
        doc.path("paths").fieldNames().forEachRemaining(p -> assertFalse(p.startsWith("/q/"), "management path " + p + " leaked"));
        assertEquals(1, doc.path("servers").size());
        assertEquals("/", doc.path("servers").get(0).path("url").asText());

        List<String> groups = new ArrayList<>();
        doc.path("x-tagGroups").forEach(g -> groups.add(g.path("name").asText()));
        assertEquals(List.of("gateway", "indicators", "projects", "transport"), groups);
        Set<String> declaredTags = new HashSet<>();
        doc.path("tags").forEach(t -> assertTrue(declaredTags.add(t.path("name").asText()), "tag declared twice: " + t));
        doc.path("x-tagGroups").forEach(g -> g.path("tags").forEach(t -> assertTrue(declaredTags.contains(t.asText()), "undeclared " + t)));
        assertTrue(declaredTags.contains("Projects Feeds"), "the second service's clashing tag is prefixed: " + declaredTags);
    }

    @Test
    void schemasAreDeduplicatedOrPrefixedAndEveryRefResolves() throws Exception {
        JsonNode doc = completeDocument();
        JsonNode schemas = doc.path("components").path("schemas");
        assertTrue(schemas.has("RegionCode"), "identical schema kept once");
        assertFalse(schemas.has("ProjectsRegionCode"), "identical schema not duplicated");
        assertTrue(schemas.has("Page") && schemas.has("ProjectsPage"), "clashing Page prefixed");
        assertEquals("#/components/schemas/Project", schemas.path("ProjectsPage").path("properties").path("items").path("items").path("$ref").asText());
        assertEquals("#/components/schemas/ProjectsPage",
                doc.path("paths").path("/api/projects").path("get").path("responses").path("200").path("content")
                        .path("application/json").path("schema").path("$ref").asText());
        assertTrue(schemas.has("ProjectsFeedReport") && schemas.has("FeedReport"));
        assertTrue(schemas.has("Problem") && schemas.has("ApiKeyCreated") && schemas.has("RegionProfile"));

        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            String[] parts = ref.split("/");
            assertTrue(doc.path("components").path(parts[2]).has(parts[3]), "dangling " + ref);
        }

        Set<String> operationIds = new HashSet<>();
        doc.path("paths").forEach(item -> item.forEach(op -> {
            if (op.has("operationId")) {
                assertTrue(operationIds.add(op.path("operationId").asText()), "duplicate operationId " + op.path("operationId"));
            }
        }));
    }

    @Test
    void theGatewaysOwnOperationsCarryTheStandardProblemResponses() throws Exception {
        JsonNode doc = completeDocument();
        for (String path : GATEWAY_PATHS) {
            doc.path("paths").path(path).fields().forEachRemaining(m -> {
                JsonNode responses = m.getValue().path("responses");
                assertTrue(responses.has("400"), m.getKey() + " " + path + " lacks 400");
                if (path.contains("{")) {
                    assertTrue(responses.has("404"), m.getKey() + " " + path + " lacks 404");
                }
                responses.fields().forEachRemaining(r -> {
                    JsonNode response = r.getValue().has("$ref")
                            ? doc.at(r.getValue().path("$ref").asText().substring(1)) : r.getValue();
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                        assertTrue(response.path("content").has("application/problem+json"),
                                m.getKey() + " " + path + " " + r.getKey() + " is not a problem: " + response);
                    }
                });
            });
        }
        JsonNode revoke = doc.path("paths").path("/api/keys/{id}").path("delete").path("responses");
        assertTrue(revoke.has("412") && revoke.has("428"), "revoking takes If-Match: " + revoke);
        assertEquals("#/components/responses/GatewayUnauthorized",
                doc.path("paths").path("/api/keys").path("post").path("responses").path("401").path("$ref").asText());
        assertTrue(doc.path("paths").path("/api/keys").path("post").path("responses").has("409"), "the resource's own responses stay");
    }

    @Test
    void everyWriteNeedsAnApiKey() throws Exception {
        JsonNode doc = completeDocument();
        assertEquals("apiKey", doc.path("components").path("securitySchemes").path("ApiKeyHeader").path("type").asText());
        assertEquals("bearer", doc.path("components").path("securitySchemes").path("ApiKeyBearer").path("scheme").asText());
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (Set.of("post", "put", "patch", "delete").contains(m.getKey())) {
                assertEquals(2, m.getValue().path("security").size(), m.getKey() + " " + p.getKey() + " lacks security");
                assertTrue(m.getValue().path("responses").has("401") && m.getValue().path("responses").has("403"));
            }
        }));
        assertTrue(doc.path("paths").path("/api/observations").path("get").path("security").isMissingNode(), "reads stay open");
    }

    @Test
    void yamlHasTheSameContent() throws Exception {
        JsonNode json = completeDocument();
        String yaml = given().when().get("/openapi.yaml").then().statusCode(200).extract().asString();
        JsonNode fromYaml = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        assertEquals(json.path("paths").size(), fromYaml.path("paths").size());
        assertEquals(json.path("components").path("schemas").size(), fromYaml.path("components").path("schemas").size());
    }

    @Test
    void aServiceThatIsDownIsLeftOutAndNamedUntilItComesBack() {
        FakeServices.TRANSPORT.stop();
        try {
            JsonNode without = await().atMost(Duration.ofSeconds(30)).until(CombinedOpenApiTest::document,
                    d -> !d.path("paths").has("/api/transport/isochrones"));
            String description = without.path("info").path("description").asText();
            assertTrue(description.contains("Unavailable when this document was built") && description.contains("transport ("), description);
            assertTrue(without.path("paths").has("/api/projects"), "the others stay");
        } finally {
            FakeServices.TRANSPORT.start();
        }
        JsonNode back = completeDocument();
        assertFalse(back.path("info").path("description").asText().contains("Unavailable"));
    }

    @Test
    void servesTheAsyncApiDocument() throws Exception {
        String yaml = given().when().get("/asyncapi.yaml").then().statusCode(200).extract().asString();
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertEquals(List.of("jjj.projects.v1", "jjj.transport.v1", "jjj.indicators.v1"), addresses);
        List<String> types = new ArrayList<>();
        doc.path("components").path("messages").forEach(m -> types.add(m.path("name").asText()));
        assertTrue(types.containsAll(List.of("jjj.projects.project.status-changed.v1", "jjj.transport.link.opened.v1",
                "jjj.indicators.observation.revised.v1")), types.toString());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(ref.asText());
            }
            node.forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
