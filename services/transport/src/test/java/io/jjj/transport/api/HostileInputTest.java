package io.jjj.transport.api;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.HostileInput;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.transport.TestNetwork;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.jjj.testkit.HostileInput.refused;
import static io.jjj.transport.TestNetwork.signed;
import static io.jjj.transport.TestNetwork.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every read endpoint under hostile parameters, and hostile writes: 4xx problems naming the field, nothing written. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    @Inject
    PlatformConfig config;

    @BeforeEach
    void network() {
        TestNetwork.loadReal(config);
    }

    @Test
    void noReadEndpointAnswers5xxToHostileParameters() {
        int sent = 0;
        sent += HostileInput.probe("/api/transport/nodes", Map.of(), Map.of("kind", "hsr-station", "region", "130000",
                "asOf", "2015-01-01", "mode", "hsr", "page", "0", "size", "10", "format", "json"));
        sent += HostileInput.probe("/api/transport/nodes/{id}", Map.of("id", "BJS"), Map.of());
        sent += HostileInput.probe("/api/transport/links", Map.of(), Map.of("asOf", "2015-01-01", "mode", "hsr",
                "line", "Beijing-Tianjin", "node", "BJS", "page", "0", "size", "10", "format", "csv"));
        sent += HostileInput.probe("/api/transport/links/{id}", Map.of("id", "x"), Map.of());
        sent += HostileInput.probe("/api/transport/routes", Map.of(), Map.of("from", "BJS", "to", "TS", "asOf", "2024-01-01",
                "modes", "hsr", "transferMinutes", "5"));
        sent += HostileInput.probe("/api/transport/isochrones", Map.of(), Map.of("from", "XA", "minutes", "60", "bands", "30,60",
                "asOf", "2024-01-01", "modes", "hsr", "format", "json"));
        sent += HostileInput.probe("/api/transport/matrix", Map.of(), Map.of("from", "BJS,TS", "to", "XA", "asOf", "2024-01-01",
                "modes", "hsr"));
        sent += HostileInput.probe("/api/transport/accessibility", Map.of(), Map.of("to", "BJS", "asOf", "2024-01-01",
                "compareTo", "2010-01-01", "modes", "hsr", "level", "prefecture"));
        sent += HostileInput.probe("/api/transport/stats", Map.of(), Map.of("asOf", "2024-01-01", "groupBy", "region", "modes", "hsr"));
        sent += HostileInput.probe("/api/transport/stats/series", Map.of(), Map.of("from", "2008", "to", "2024", "region", "JJJ",
                "modes", "hsr"));
        assertEquals(43 * HostileInput.VALUES.size(), sent, "every path and query parameter got every hostile value");
    }

    @Test
    void theNamedParameterIsRefused() {
        refused(given().urlEncodingEnabled(false).get("/api/transport/nodes/BJ%00S").then(), 400, "id");
        for (String parameter : List.of("line", "node")) {
            refused(given().urlEncodingEnabled(false).get("/api/transport/links?" + parameter + "=a%00b").then(), 400, parameter);
        }
        refused(given().queryParam("from", "BJS").queryParam("to", "TS").queryParam("asOf", "+5874898-01-01")
                .get("/api/transport/routes").then(), 400, "asOf").body("detail", containsString("1900-01-01 to 2200-12-31"));
        refused(given().get("/api/transport/nodes?page=2147483647&size=1000").then(), 400, "page");
    }

    @Test
    void hostileNodeAndLinkBodiesAreRefusedByFieldAndWriteNothing() {
        String id = uniqueId("H");
        refused(putNode(id, "{\"nameEn\":\"a\\u0000b\",\"kind\":\"hsr-station\",\"region\":\"130684\",\"lon\":115.8,\"lat\":39.3}"), 400, "nameEn");
        refused(putNode(id, "{\"nameEn\":\"" + "n".repeat(501) + "\",\"kind\":\"hsr-station\",\"region\":\"130684\",\"lon\":115.8,\"lat\":39.3}"),
                400, "nameEn");
        refused(putNode(id, "{\"nameEn\":\"n\",\"kind\":\"hsr-station\",\"region\":\"130684\",\"lon\":1e999,\"lat\":39.3}"), 400, "lon");
        refused(putNode(id, "{\"nameEn\":\"n\",\"kind\":\"hsr-station\",\"region\":\"130684\",\"lon\":\"NaN\",\"lat\":39.3}"), 400, "lon");
        given().get("/api/transport/nodes/" + id).then().statusCode(404);

        String link = uniqueId("L");
        String body = "{\"from\":\"BJS\",\"to\":\"TS\",\"mode\":\"hsr\",\"distanceKm\":%s,\"minutes\":30,\"opened\":\"%s\"}";
        refused(putLink(link, String.format(body, "1e9", "2030-01-01")), 400, "distanceKm");
        refused(putLink(link, String.format(body, "1e999999", "2030-01-01")), 400, "distanceKm");
        refused(putLink(link, String.format(body, "50", "+5874898-01-01")), 400, "opened");
        given().get("/api/transport/links/" + link).then().statusCode(404);
    }

    /** Both race to insert the same new node: one creates it, the other gets 409 (or 428 when it arrives after). */
    @Test
    void concurrentCreatesOfTheSameNodeNeverFail() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                String id = uniqueId("R");
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Integer>> racers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    racers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return putNode(id, "{\"nameEn\":\"Race\",\"kind\":\"hsr-station\",\"region\":\"130684\",\"lon\":115.8,\"lat\":39.3}")
                                .extract().statusCode();
                    }, pool));
                }
                start.countDown();
                List<Integer> answers = racers.stream().map(CompletableFuture::join).toList();
                assertEquals(1, answers.stream().filter(s -> s == 201).count(), "exactly one create in " + answers);
                statuses.addAll(answers);
            }
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409 || s == 428), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    private io.restassured.response.ValidatableResponse putNode(String id, String json) {
        return signed(config).contentType("application/json").body(json).put("/api/transport/nodes/" + id).then();
    }

    private io.restassured.response.ValidatableResponse putLink(String id, String json) {
        return signed(config).contentType("application/json").body(json).put("/api/transport/links/" + id).then();
    }
}
