package io.jjj.platform.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document the test application serves: standard problem responses by kind of operation, never overwriting. */
@QuarkusTest
class StandardProblemResponsesTest {

    private static JsonPath document() {
        return given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    private static Set<String> codes(JsonPath doc, String path, String method) {
        Map<String, Object> responses = doc.getMap("paths.'" + path + "'." + method + ".responses");
        assertNotNull(responses, method + " " + path);
        return responses.keySet();
    }

    @Test
    void sharedComponentsAreProblemResponses() {
        JsonPath doc = document();
        for (String name : StandardProblemResponses.RESPONSES.keySet()) {
            assertEquals("#/components/schemas/Problem",
                    doc.getString("components.responses." + name + ".content.'application/problem+json'.schema.$ref"), name);
        }
        assertNotNull(doc.get("components.schemas.Problem"));
    }

    @Test
    void aReadGets400And503AndWithAPathParameter404() {
        JsonPath doc = document();
        assertEquals(Set.of("200", "400", "503"), codes(doc, "/api/test/gadgets", "get"));
        assertEquals("#/components/responses/InvalidRequest", doc.getString("paths.'/api/test/gadgets'.get.responses.'400'.$ref"));
        assertEquals(Set.of("200", "400", "404", "503"), codes(doc, "/api/test/gadgets/{name}", "get"));
    }

    @Test
    void aConditionalWriteWithABodyGetsTheWriteResponsesAnd412And428() {
        Set<String> codes = codes(document(), "/api/test/gadgets/{name}", "put");
        assertTrue(codes.containsAll(Set.of("400", "401", "403", "404", "412", "413", "422", "428", "503")), codes.toString());
        assertTrue(!codes.contains("500") && !codes.contains("429"), codes.toString());
    }

    @Test
    void aWriteWithoutBodyOrIfMatchGetsNeither413Nor412() {
        Set<String> codes = codes(document(), "/api/test/gadgets/{name}/twice", "put");
        assertTrue(codes.containsAll(Set.of("400", "401", "403", "404", "503")), codes.toString());
        assertTrue(!codes.contains("413") && !codes.contains("422") && !codes.contains("412") && !codes.contains("428"), codes.toString());
    }

    @Test
    void whatAResourceDeclaresItselfWins() {
        JsonPath doc = document();
        String op = "paths.'/api/test/gadgets/{name}/history'.get.responses";
        assertEquals("Own 400", doc.getString(op + ".'400'.description"));
        assertNull(doc.getString(op + ".'400'.$ref"));
        assertEquals("Own 404", doc.getString(op + ".'404'.description"));
        assertEquals("#/components/responses/DatabaseUnavailable", doc.getString(op + ".'503'.$ref"));
    }
}
