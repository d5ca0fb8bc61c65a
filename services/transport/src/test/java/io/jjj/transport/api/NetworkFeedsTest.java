package io.jjj.transport.api;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.SignedRequests;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.TopicProbe;
import io.jjj.transport.TestNetwork;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.jjj.transport.TestNetwork.signed;
import static io.jjj.transport.TestNetwork.uniqueId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The node and link feeds: the deploy/data files as they are, validation of every row, modes, idempotency. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class NetworkFeedsTest {

    @Inject
    PlatformConfig config;

    private io.restassured.response.ValidatableResponse feed(String kind, String contentType, String body, String query) {
        return signed(config).contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/transport/feeds/" + kind + query).then();
    }

    @Test
    void theDeployDataFilesLoadAsTheyAre() {
        JsonPath nodes = feed("nodes", "text/csv", TestNetwork.file("transport-nodes.csv"), "").statusCode(200)
                .body("feed", equalTo("transport-nodes")).body("received", equalTo(23)).body("rejected", equalTo(0))
                .extract().jsonPath();
        assertEquals(23, nodes.getInt("inserted") + nodes.getInt("updated") + nodes.getInt("unchanged"));
        JsonPath links = feed("links", "text/csv", TestNetwork.file("transport-links.csv"), "").statusCode(200)
                .body("received", equalTo(26)).body("rejected", equalTo(0)).extract().jsonPath();
        assertEquals(26, links.getInt("inserted") + links.getInt("updated") + links.getInt("unchanged"));
        feed("links", "text/csv", TestNetwork.file("transport-links.csv"), "").statusCode(200)
                .body("unchanged", equalTo(26)).body("events", equalTo(0));
        given().get("/api/transport/links/TJS-CZW-hsr").then().statusCode(200)
                .body("line", equalTo("Beijing-Shanghai HSR")).body("minutes", equalTo(20)).body("source", equalTo("BR2023"));
    }

    @Test
    void everyBadRowIsNamedAndAnAtomicFeedWritesNothing() {
        String a = uniqueId("F");
        String b = uniqueId("F");
        feed("nodes", "text/csv", "id,name_en,kind,region,lon,lat\n" + a + ",Feed A,city,130684,115.9,39.3\n"
                + b + ",Feed B,city,130684,115.95,39.31\n", "").statusCode(200).body("inserted", equalTo(2));
        String csv = "from,to,mode,line,distance_km,minutes,opened,closed,bidirectional\n"
                + a + "," + b + ",rail,Good,10,9,2030-01-01,,\n"
                + a + "," + a + ",rail,Self,10,9,2030-01-01,,\n"
                + a + ",NOWHERE,rail,Unknown,10,9,2030-01-01,,\n"
                + a + "," + b + ",boat,Mode,10,9,2030-01-01,,\n"
                + a + "," + b + ",expressway,Zero,10,0,2030-01-01,,\n"
                + a + "," + b + ",metro,Closed,10,9,2030-01-01,2029-01-01,\n"
                + a + "," + b + ",intercity,Flag,10,9,2030-01-01,,maybe\n"
                + a + "," + b + ",hsr,Date,10,9,2030-02-30,,\n";
        feed("links", "text/csv", csv, "").statusCode(422).contentType("application/problem+json")
                .body("errors.row", contains(3, 4, 5, 6, 7, 8, 9))
                .body("errors.field", contains("to", "to", "mode", "minutes", "closed", "bidirectional", "opened"))
                .body("report.applied", equalTo(false));
        given().get("/api/transport/links/" + a + "-" + b + "-rail").then().statusCode(404);

        feed("links", "text/csv", csv, "?mode=partial").statusCode(200)
                .body("inserted", equalTo(1)).body("rejected", equalTo(7)).body("events", equalTo(1));
        given().get("/api/transport/links/" + a + "-" + b + "-rail").then().statusCode(200)
                .body("line", equalTo("Good")).body("bidirectional", equalTo(true));
    }

    @Test
    void linksMayGiveTheirIdAndBeOneWayAndNodesMayComeAsNdjson() {
        String a = uniqueId("J");
        String b = uniqueId("J");
        String ndjson = "{\"id\":\"" + a + "\",\"name_en\":\"Nd A\",\"kind\":\"port\",\"region\":\"120116\",\"lon\":117.7,\"lat\":39.0}\n"
                + "{\"id\":\"" + b + "\",\"name_en\":\"Nd B\",\"kind\":\"port\",\"region\":\"120116\",\"lon\":117.8,\"lat\":39.0}\n";
        feed("nodes", "application/x-ndjson", ndjson, "").statusCode(200).body("inserted", equalTo(2));
        String id = uniqueId("ONEWAY-");
        feed("links", "text/csv", "id,from,to,mode,line,distance_km,minutes,opened,bidirectional\n"
                + id + "," + a + "," + b + ",expressway,Coast road,12.5,14.5,2030-01-01,false\n", "").statusCode(200);
        given().get("/api/transport/links/" + id).then().statusCode(200)
                .body("bidirectional", equalTo(false)).body("distanceKm", equalTo(12.5f)).body("minutes", equalTo(14.5f));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/transport/routes?from=" + a + "&to=" + b + "&asOf=2030-06-01").then().statusCode(200)
                        .body("minutes", equalTo(14.5f)));
        given().get("/api/transport/routes?from=" + b + "&to=" + a + "&asOf=2030-06-01").then().statusCode(404);
    }

    @Test
    void aNodeFeedWithASourceColumnIsRefusedSinceNodesHaveNoSource() {
        String a = uniqueId("S");
        feed("nodes", "text/csv", "id,name_en,kind,region,lon,lat,source\n" + a + ",Sourced,city,130684,115.9,39.3,BR2023\n", "")
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("source")).body("errors[0].message", containsString("unknown column"));
        given().get("/api/transport/nodes/" + a).then().statusCode(404);
    }

    @Test
    void aRetryWithTheSameKeyIsAnsweredFromTheFirstReport() {
        String a = uniqueId("K");
        String body = "id,name_en,kind,region,lon,lat\n" + a + ",Key,city,130684,115.9,39.3\n";
        String key = UUID.randomUUID().toString();
        signed(config).contentType("text/csv").header("Idempotency-Key", key).body(body)
                .post("/api/transport/feeds/nodes").then().statusCode(200).body("inserted", equalTo(1)).body("replayed", equalTo(false));
        signed(config).contentType("text/csv").header("Idempotency-Key", key).body(body)
                .post("/api/transport/feeds/nodes").then().statusCode(200).body("inserted", equalTo(1)).body("replayed", equalTo(true));
    }

    @Test
    void feedEventsCarryTheRegionsOfBothEnds() {
        String a = uniqueId("E");
        String b = uniqueId("E");
        feed("nodes", "text/csv", "id,name_en,kind,region,lon,lat\n" + a + ",Ev A,hsr-station,130684,115.9,39.3\n"
                + b + ",Ev B,hsr-station,130983,117.3,38.4\n", "").statusCode(200);
        feed("links", "text/csv", "from,to,mode,line,distance_km,minutes,opened\n" + a + "," + b + ",hsr,Ev line,80,30,2031-05-01\n", "")
                .statusCode(200).body("events", equalTo(1));
        try (TopicProbe probe = new TopicProbe("jjj.transport.v1")) {
            var event = probe.awaitAtLeast(1, r -> r.subject().equals(a + "-" + b + "-hsr")).get(0);
            assertEquals("jjj.transport.link.opened.v1", event.type());
            assertEquals("130684", event.data().path("fromRegion").asText());
            assertEquals("130983", event.data().path("toRegion").asText());
            assertEquals(80, event.data().path("distanceKm").asInt());
            assertEquals("2031-05-01", event.data().path("opened").asText());
        }
    }

    @Test
    void aFeedNeedsAKnownKindAndTheRightColumns() {
        feed("stations", "text/csv", "id\n", "").statusCode(404).contentType("application/problem+json");
        signed(config).contentType("text/csv").body("id\n").post("/api/transport/feeds").then().statusCode(404)
                .contentType("application/problem+json");
        feed("links", "text/csv", "from,to,mode\nBJS,TJ,hsr\n", "").statusCode(422)
                .body("detail", containsString("columns"));
        feed("links", "application/xml", "<a/>", "").statusCode(415);
    }

    @Test
    void aFeedNeedsThisServicesWriteScope() {
        for (String kind : List.of("nodes", "links")) {
            given().filter(SignedRequests.header(GatewayToken.HEADER, (method, path) -> GatewayToken.issue(
                            config.security().tokenSecret().orElseThrow(), "test", List.of("projects:write"),
                            new GatewayToken.Call("transport", method, path), Duration.ofMinutes(1))))
                    .contentType("text/csv").body("id\n").post("/api/transport/feeds/" + kind).then().statusCode(403)
                    .contentType("application/problem+json");
            given().contentType("text/csv").body("id\n").post("/api/transport/feeds/" + kind).then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }
}
