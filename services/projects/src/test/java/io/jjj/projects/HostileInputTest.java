package io.jjj.projects;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.HostileInput;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jjj.projects.Projects.uniqueRef;
import static io.jjj.testkit.HostileInput.refused;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every read endpoint under hostile parameters, and hostile writes: 4xx problems naming the field, nothing written. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    @Inject
    PlatformConfig config;

    @Test
    void noReadEndpointAnswers5xxToHostileParameters() {
        String id = Projects.created(config, body(uniqueRef("probe"), ""));
        Map<String, String> listing = new LinkedHashMap<>();
        listing.put("origin", "110000");
        listing.put("destination", "130900");
        listing.put("kind", "industrial-transfer");
        listing.put("sector", "pharmaceuticals");
        listing.put("chain", "biomedicine");
        listing.put("status", "signed");
        listing.put("signedFrom", "2010");
        listing.put("signedTo", "2020-12-31");
        listing.put("q", "plant");
        listing.put("bbox", "115,38,118,41");
        listing.put("asOf", "2020-01-01");
        listing.put("sort", "signed");
        listing.put("page", "0");
        listing.put("size", "10");
        listing.put("format", "json");
        int sent = HostileInput.probe("/api/projects", Map.of(), listing);
        sent += HostileInput.probe("/api/projects/{id}", Map.of("id", id), Map.of("asOf", "2020-01-01"));
        sent += HostileInput.probe("/api/projects/{id}/history", Map.of("id", id), Map.of());
        sent += HostileInput.probe("/api/projects/flows", Map.of(), Map.of("by", "origin,destination", "measure", "count",
                "from", "2010", "to", "2020", "level", "province", "format", "json"));
        sent += HostileInput.probe("/api/projects/stats", Map.of(), Map.of("groupBy", "destination", "asOf", "2020-01-01",
                "format", "json"));
        assertEquals(27 * HostileInput.VALUES.size(), sent, "every path and query parameter got every hostile value");
    }

    @Test
    void theNamedParameterIsRefused() {
        for (String parameter : List.of("sector", "chain")) {
            refused(given().urlEncodingEnabled(false).get("/api/projects?" + parameter + "=a%00b").then(), 400, parameter);
        }
        refused(given().urlEncodingEnabled(false).get("/api/projects/P-%00").then(), 400, "id");
        refused(given().queryParam("asOf", "+5874898-01-01").get("/api/projects").then(), 400, "asOf")
                .body("detail", containsString("1900-01-01 to 2200-12-31"));
        refused(given().queryParam("from", "99999").get("/api/projects/flows").then(), 400, "from");
        refused(given().get("/api/projects?page=2147483647&size=1000").then(), 400, "page");
    }

    @Test
    void hostileProjectBodiesAreRefusedByFieldAndWriteNothing() {
        String ref = uniqueRef("hostile");
        refused(Projects.create(config, body(ref, "").replace("Pharmaceutical plant", "Pharma\\u0000plant")), 400, "nameEn");
        refused(Projects.create(config, body(ref, "").replace("Pharmaceutical plant", "p".repeat(501))), 400, "nameEn");
        refused(Projects.create(config, body(ref, "").replace("\"amount\": 2", "\"amount\": 1e999999")), 400, "investment.amount");
        refused(Projects.create(config, body(ref, "").replace("\"jobs\": 1200", "\"jobs\": 99999999999999999999")), 400, "jobs");
        refused(Projects.create(config, body(ref, "").replace("\"signed\": \"2015-04-01\"", "\"signed\": \"+5874898-01-01\"")), 400, "signed");
        refused(Projects.create(config, body(ref, ", \"areaKm2\": 1e-999")), 400, "areaKm2");
        Projects.create(config, body(ref, "")).statusCode(201);
    }

    @Test
    void anOverlongStatusNoteIsRefusedByName() {
        String id = Projects.created(config, body(uniqueRef("note"), ""));
        refused(given().filter(Projects.writer(config)).contentType("application/json")
                .body("{\"status\": \"approved\", \"note\": \"" + "n".repeat(5_001) + "\"}")
                .post("/api/projects/" + id + "/status").then(), 400, "note");
        given().get("/api/projects/" + id).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("signed"));
    }

    private static String body(String ref, String extra) {
        return """
                {"ref": "%s", "nameEn": "Pharmaceutical plant to Cangzhou", "kind": "industrial-transfer",
                 "sector": "pharmaceuticals", "chain": "biomedicine", "origin": "110000", "destination": "130900",
                 "investment": {"amount": 2, "currency": "USD", "basis": "pledged"},
                 "jobs": 1200, "signed": "2015-04-01", "status": "signed", "sources": ["TEST"]%s}
                """.formatted(ref, extra);
    }
}
