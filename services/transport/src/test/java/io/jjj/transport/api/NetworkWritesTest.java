package io.jjj.transport.api;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.TopicProbe;
import io.jjj.transport.TestNetwork;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.jjj.transport.TestNetwork.signed;
import static io.jjj.transport.TestNetwork.uniqueId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PUT and GET of nodes and links with ETags, the events each change publishes, the routing snapshot following the
 * changes, listings in three formats, and the errors. Its nodes lie in Gaobeidian (130684), where the real network
 * has no station, and its links open in 2030 or later, so the real-network figures of other tests stay exact.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class NetworkWritesTest {

    private static TopicProbe probe;

    @Inject
    PlatformConfig config;

    @BeforeAll
    static void openProbe() {
        probe = new TopicProbe("jjj.transport.v1");
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    private String putNode(String id, String region, double lon) {
        return signed(config).contentType("application/json")
                .body("{\"nameEn\":\"Test " + id + "\",\"kind\":\"hsr-station\",\"region\":\"" + region + "\",\"lon\":" + lon + ",\"lat\":39.3}")
                .put("/api/transport/nodes/" + id).then().statusCode(201).header("ETag", "\"1\"").extract().header("ETag");
    }

    private static String linkBody(String from, String to, int minutes, String closed) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"mode\":\"hsr\",\"line\":\"Test line\",\"distanceKm\":50,"
                + "\"minutes\":" + minutes + ",\"opened\":\"2030-01-01\"" + (closed == null ? "" : ",\"closed\":\"" + closed + "\"") + "}";
    }

    @Test
    void linksOpenChangeAndCloseWithEventsAndTheRoutesFollow() {
        String a = uniqueId("A");
        String b = uniqueId("B");
        String c = uniqueId("C");
        putNode(a, "130684", 115.80);
        putNode(b, "130684", 115.85);
        putNode(c, "120116", 115.90);
        signed(config).contentType("application/json").body(linkBody(a, b, 10, null))
                .put("/api/transport/links/" + a + "-" + b + "-hsr").then().statusCode(201);
        String bc = b + "-" + c + "-hsr";
        String etag = signed(config).contentType("application/json").body(linkBody(b, c, 12, null))
                .put("/api/transport/links/" + bc).then().statusCode(201)
                .body("distanceKm", equalTo(50)).body("bidirectional", equalTo(true)).extract().header("ETag");

        var opened = probe.awaitAtLeast(1, r -> r.subject().equals(bc) && r.type().equals("jjj.transport.link.opened.v1")).get(0);
        assertEquals(bc, opened.key());
        assertEquals("130684", opened.data().path("fromRegion").asText());
        assertEquals("120116", opened.data().path("toRegion").asText());
        assertEquals(50, opened.data().path("distanceKm").asInt());
        assertTrue(opened.data().path("distanceKm").isIntegralNumber());
        assertTrue(opened.data().has("closed") && opened.data().path("closed").isNull());
        assertEquals("/jjj/transport", opened.event().path("source").asText());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/transport/routes?from=" + a + "&to=" + c + "&asOf=2031-01-01").then().statusCode(200)
                        .body("minutes", equalTo(22.0f)).body("legs[0].stops", contains(a, b, c)));

        etag = signed(config).contentType("application/json").header("If-Match", etag).body(linkBody(b, c, 15, null))
                .put("/api/transport/links/" + bc).then().statusCode(200).header("ETag", "\"2\"").extract().header("ETag");
        probe.awaitAtLeast(1, r -> r.subject().equals(bc) && r.type().equals("jjj.transport.link.changed.v1")
                && r.data().path("minutes").asInt() == 15);

        signed(config).contentType("application/json").header("If-Match", etag).body(linkBody(b, c, 15, "2032-01-01"))
                .put("/api/transport/links/" + bc).then().statusCode(200).body("closed", equalTo("2032-01-01"));
        var closed = probe.awaitAtLeast(1, r -> r.subject().equals(bc) && r.type().equals("jjj.transport.link.closed.v1")).get(0);
        assertEquals("2032-01-01", closed.data().path("closed").asText());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/transport/routes?from=" + a + "&to=" + c + "&asOf=2032-01-01").then().statusCode(404)
                        .body("detail", containsString("2032-01-01")));
        given().get("/api/transport/routes?from=" + a + "&to=" + c + "&asOf=2031-12-31").then().statusCode(200)
                .body("minutes", equalTo(25.0f));
        given().get("/api/transport/routes?from=" + a + "&to=" + c + "&asOf=2029-12-31").then().statusCode(404);
    }

    @Test
    void nodesCarryETagsAndMovingANodeRepublishesItsLinks() {
        String a = uniqueId("N");
        String b = uniqueId("N");
        putNode(a, "130684", 115.7);
        putNode(b, "130684", 115.75);
        signed(config).contentType("application/json").body(linkBody(a, b, 9, null))
                .put("/api/transport/links/" + a + "-" + b + "-hsr").then().statusCode(201);
        String etag = given().get("/api/transport/nodes/" + a).then().statusCode(200)
                .body("region", equalTo("130684")).extract().header("ETag");
        String moved = "{\"nameEn\":\"Moved\",\"kind\":\"hsr-station\",\"region\":\"130983\",\"lon\":117.3,\"lat\":38.4}";
        signed(config).contentType("application/json").body(moved).put("/api/transport/nodes/" + a).then().statusCode(428)
                .contentType("application/problem+json");
        signed(config).contentType("application/json").header("If-Match", "\"99\"").body(moved)
                .put("/api/transport/nodes/" + a).then().statusCode(412);
        signed(config).contentType("application/json").header("If-Match", etag).body(moved)
                .put("/api/transport/nodes/" + a).then().statusCode(200).body("region", equalTo("130983")).header("ETag", "\"2\"");

        var nodeEvent = probe.awaitAtLeast(1, r -> r.subject().equals(a) && r.type().equals("jjj.transport.node.changed.v1")
                && r.data().path("region").asText().equals("130983")).get(0);
        assertEquals("Moved", nodeEvent.data().path("nameEn").asText());
        var linkEvent = probe.awaitAtLeast(1, r -> r.subject().equals(a + "-" + b + "-hsr")
                && r.type().equals("jjj.transport.link.changed.v1")).get(0);
        assertEquals("130983", linkEvent.data().path("fromRegion").asText());
        assertEquals("130684", linkEvent.data().path("toRegion").asText());
    }

    @Test
    void anUnchangedPutPublishesNothing() {
        String a = uniqueId("U");
        String etag = putNode(a, "130684", 115.6);
        String same = "{\"nameEn\":\"Test " + a + "\",\"kind\":\"hsr-station\",\"region\":\"130684\",\"lon\":115.6,\"lat\":39.3}";
        signed(config).contentType("application/json").header("If-Match", etag).body(same)
                .put("/api/transport/nodes/" + a).then().statusCode(200).header("ETag", "\"1\"");
        probe.awaitAtLeast(1, r -> r.subject().equals(a));
        assertEquals(1, probe.poll().stream().filter(r -> r.subject().equals(a)).count());
    }

    @Test
    void writesNeedTheGatewayToken() {
        given().contentType("application/json").body("{}").put("/api/transport/nodes/X1").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType("text/csv").body("id\n").post("/api/transport/feeds/nodes").then().statusCode(401);
        given().contentType("text/csv").body("id\n").post("/api/transport/feeds/links").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void invalidNodesAndLinksAreProblemsNamingEveryField() {
        signed(config).contentType("application/json")
                .body("{\"nameEn\":\"\",\"kind\":\"castle\",\"region\":\"999999\",\"lon\":500,\"lat\":39}")
                .put("/api/transport/nodes/" + uniqueId("V")).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("nameEn", "kind", "region", "lon"));
        String a = uniqueId("V");
        putNode(a, "130684", 115.5);
        signed(config).contentType("application/json").body(linkBody(a, a, 10, null))
                .put("/api/transport/links/" + uniqueId("L")).then().statusCode(400)
                .body("errors.message", hasItem(containsString("to itself")));
        signed(config).contentType("application/json").body(linkBody(a, "BJS", 0, null))
                .put("/api/transport/links/" + uniqueId("L")).then().statusCode(400)
                .body("errors[0].field", equalTo("minutes"));
        signed(config).contentType("application/json").body(linkBody(a, "BJS", -3, null))
                .put("/api/transport/links/" + uniqueId("L")).then().statusCode(400);
        signed(config).contentType("application/json").body(linkBody(a, "BJS", 10, "2029-01-01"))
                .put("/api/transport/links/" + uniqueId("L")).then().statusCode(400)
                .body("errors[0].field", equalTo("closed"));
        signed(config).contentType("application/json").body(linkBody(a, "NOWHERE", 10, null))
                .put("/api/transport/links/" + uniqueId("L")).then().statusCode(422)
                .body("errors[0].field", equalTo("to")).body("errors[0].message", containsString("NOWHERE"));
        signed(config).contentType("application/json").body("{\"from\":").put("/api/transport/links/" + uniqueId("L"))
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/transport/links/NOPE-NOPE-hsr").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/transport/nodes/NOPE").then().statusCode(404);
    }

    @Test
    void listsPageAndFilterInJsonCsvAndGeoJson() {
        TestNetwork.loadReal(config);
        given().get("/api/transport/links?mode=hsr&asOf=2011-12-31&size=3").then().statusCode(200)
                .header("X-Total-Count", "6").header("Link", containsString("rel=\"next\""))
                .body("items", hasSize(3)).body("total", equalTo(6));
        given().get("/api/transport/links?asOf=2008-09-01&format=csv").then().statusCode(200).contentType("text/csv")
                .body(containsString("id,from,to,mode,line,distance_km,minutes,opened,closed,bidirectional,source\r\n"))
                .body(containsString("BJS-TJ-hsr,BJS,TJ,hsr,Beijing-Tianjin intercity,120,30,2008-08-01,,true,BR2023"));
        given().accept("application/geo+json").get("/api/transport/links?node=CZW").then().statusCode(200)
                .contentType("application/geo+json")
                .body("features[0].geometry.type", equalTo("LineString"))
                .body("features[0].geometry.coordinates", hasSize(2))
                .body("features[0].properties.minutes", equalTo(20));
        given().get("/api/transport/nodes?region=120000&mode=hsr&asOf=2010-01-01").then().statusCode(200)
                .body("items.id", contains("TJ"));
        given().get("/api/transport/nodes?region=130900&format=geojson").then().statusCode(200)
                .body("features[0].id", equalTo("CZW"))
                .body("features[0].geometry.coordinates", contains(116.8f, 38.29f));
        given().get("/api/transport/nodes?kind=hsr-station&size=2&format=csv").then().statusCode(200)
                .body(containsString("id,name_en,name_zh,kind,region,lon,lat\r\n")).header("X-Total-Count", notNullValue());
        given().get("/api/transport/nodes?kind=castle").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().get("/api/transport/links?format=xml").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().get("/api/transport/links?size=5000").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void theNetworkSnapshotIsReportedInReadiness() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'transport-network' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'transport-network' }.data.nodes", notNullValue());
    }
}
