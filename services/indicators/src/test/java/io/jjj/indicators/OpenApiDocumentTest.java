package io.jjj.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document the gateway merges: every operation named, summarised, tagged, and every parameter exemplified. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    @Test
    void everyOperationAndParameterIsDocumented() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (o.path("operationId").asText().isEmpty()) problems.add(where + ": no operationId");
                if (o.path("summary").asText().isEmpty()) problems.add(where + ": no summary");
                if (!o.path("tags").toString().contains("\"indicators\"")) problems.add(where + ": not tagged indicators");
                for (JsonNode p : o.path("parameters")) {
                    if (p.path("description").asText().isEmpty()) problems.add(where + ": parameter " + p.path("name").asText() + " has no description");
                    if (p.path("example").isMissingNode() && p.path("examples").isMissingNode()) {
                        problems.add(where + ": parameter " + p.path("name").asText() + " has no example");
                    }
                }
                if (o.has("requestBody") && !o.path("requestBody").toString().contains("example")) {
                    problems.add(where + ": request body without example");
                }
                boolean documentedError = false;
                for (Iterator<String> codes = o.path("responses").fieldNames(); codes.hasNext(); ) {
                    documentedError |= codes.next().startsWith("4");
                }
                boolean takesInput = o.has("parameters") || o.has("requestBody");
                if (!documentedError && takesInput) problems.add(where + ": no error response");
            }
        }
        assertTrue(operations >= 11, "operations: " + operations);
        assertEquals(List.of(), problems);
        assertTrue(doc.path("components").path("schemas").has("Problem"));
        assertTrue(doc.path("components").path("schemas").has("ObservationPage"));
    }

    @Test
    void everyConditionalWriteDocumentsItsPreconditions() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        for (String path : List.of("/api/indicators/{code}", "/api/indicators/sources/{id}")) {
            JsonNode put = doc.path("paths").path(path).path("put");
            assertTrue(put.path("parameters").toString().contains("\"If-Match\""), path + " takes If-Match");
            for (String code : List.of("200", "201", "400", "401", "412", "428")) {
                assertTrue(put.path("responses").has(code), path + " documents " + code);
            }
            assertTrue(doc.path("paths").path(path).path("get").path("responses").path("200").path("headers").has("ETag"),
                    path + " answers its ETag");
        }
    }
}
