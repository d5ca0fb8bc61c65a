package io.jjj.gateway.routing;

import io.jjj.gateway.support.FakeService;
import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class ProxyTest {

    private static final String ADMIN = "test-admin-key";

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void passesStatusesHeadersAndBodiesThrough() {
        given().header("Host", "observatory.example:8080").when().get("/api/indicators/passthrough?status=200").then()
                .statusCode(200)
                .header("ETag", "\"v42\"")
                .header("Location", "/api/indicators/passthrough/7")
                .header("X-Custom", "kept")
                .header("Link", "<https://api.example/api/indicators/passthrough?page=1>; rel=\"next\"")
                .contentType("application/json")
                .body("answer", equalTo(42));
        given().when().get("/api/indicators/passthrough?status=204").then().statusCode(204).header("ETag", "\"v42\"");
        given().when().get("/api/indicators/passthrough?status=412").then().statusCode(412)
                .contentType("application/problem+json")
                .body("detail", equalTo("stale ETag"))
                .body("errors[0].field", equalTo("If-Match"));
        given().when().get("/api/indicators/passthrough?status=503").then().statusCode(503)
                .header("Retry-After", "17").body("title", equalTo("Precondition failed"));
        given().when().get("/api/projects?destination=120000").then().statusCode(200)
                .body("items[0].ref", equalTo("baodi-zgc-science-town"));
        given().when().get("/api/indicators/nothing-here").then().statusCode(404).body("detail", containsString("indicators has no"));
    }

    @Test
    void requestIdIsAcceptedOrGeneratedPassedOnAndReturned() {
        given().header("X-Request-Id", "req-123").header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .when().get("/api/indicators/passthrough?status=200&trace=1").then().statusCode(200).header("X-Request-Id", "req-123");
        FakeService.Received seen = FakeServices.INDICATORS.last("/api/indicators/passthrough?status=200&trace=1");
        assertEquals("req-123", seen.header("X-Request-Id"));
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", seen.header("traceparent"));
        assertTrue(seen.header("X-Forwarded-For").contains("127.0.0.1"));

        String generated = given().when().get("/api/indicators/passthrough?status=200&trace=2").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).extract().header("X-Request-Id");
        assertEquals(generated, FakeServices.INDICATORS.last("/api/indicators/passthrough?status=200&trace=2").header("X-Request-Id"));

        given().header("X-Request-Id", "bad id with spaces and ünïcode").when().get("/api/regions/110000/profile").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void streamsLargeResponsesAndFeedBodies() throws Exception {
        String body = given().when().get("/api/indicators/stream").then().statusCode(200).extract().asString();
        assertEquals(2000, body.lines().count());
        assertTrue(body.startsWith("line 0 ") && body.contains("line 1999 "));

        byte[] feed = new byte[5 * 1024 * 1024];
        Arrays.fill(feed, (byte) 'a');
        given().header("Authorization", "Bearer " + ADMIN).contentType("text/csv").body(feed)
                .when().post("/api/indicators/feeds/observations").then().statusCode(202)
                .header("Location", "/api/indicators/feeds/runs/1")
                .body("received", equalTo(feed.length));

        HttpClient client = HttpClient.newHttpClient();
        InputStream chunked = new ByteArrayInputStream(feed);
        HttpResponse<String> streamed = client.send(HttpRequest.newBuilder(URI.create(gateway + "api/indicators/feeds/observations"))
                .header("X-API-Key", ADMIN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> chunked)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, streamed.statusCode(), streamed.body());
        assertTrue(streamed.body().contains("\"received\":" + feed.length), streamed.body());
    }

    @Test
    void ordinaryRoutesRefuseLargeBodies() throws Exception {
        given().header("X-API-Key", ADMIN).contentType("application/json").body("{\"x\":\"" + "y".repeat(5000) + "\"}")
                .when().put("/api/indicators/small").then().statusCode(413)
                .contentType("application/problem+json").body("limitBytes", equalTo(4096));
        given().header("X-API-Key", ADMIN).contentType("application/json").body("{\"x\":1}")
                .when().put("/api/indicators/small").then().statusCode(201);

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "api/indicators/small"))
                .header("X-API-Key", ADMIN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[20_000]))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
    }

    @Test
    void aWriteNeverRidesAPooledConnectionWhileAReadDoes() {
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", ADMIN).contentType("application/json").body("{\"x\":" + i + "}")
                    .when().put("/api/indicators/small").then().statusCode(201);
            assertEquals("close", FakeServices.INDICATORS.last("/api/indicators/small").header("Connection"),
                    "a write goes on a connection of its own, closed after its answer");
            given().when().get("/api/indicators/passthrough").then().statusCode(200);
            assertNotEquals("close", FakeServices.INDICATORS.last("/api/indicators/passthrough").header("Connection"),
                    "a read goes on a pooled connection");
        }
    }

    @Test
    void aSlowServiceAnswers504NamingIt() {
        Response response = given().when().get("/api/indicators/slow");
        response.then().statusCode(504).contentType("application/problem+json")
                .body("service", equalTo("indicators"))
                .body("detail", containsString("indicators service did not answer within 1500 ms"));
    }

    @Test
    void aStoppedServiceAnswers503NamingItUntilItIsBack() {
        FakeServices.TRANSPORT.stop();
        try {
            given().when().get("/api/transport/accessibility?to=110000").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("service", equalTo("transport"))
                    .body("detail", containsString("transport service is unavailable"));
        } finally {
            FakeServices.TRANSPORT.start();
        }
        given().when().get("/api/transport/accessibility?to=110000").then().statusCode(200).body("nodes[0].id", equalTo("BJS"));
    }

    @Test
    void theCallersKeyIsNotForwardedAndAForgedTokenIsReplaced() {
        given().header("X-API-Key", ADMIN).header("X-JJJ-Gateway-Token", "forged.token")
                .when().get("/api/indicators/passthrough?status=200&forged=1").then().statusCode(200);
        FakeService.Received seen = FakeServices.INDICATORS.last("/api/indicators/passthrough?status=200&forged=1");
        assertNull(seen.header("X-API-Key"));
        assertNull(seen.header("Authorization"));
        assertEquals("admin", FakeServices.verifiedToken(seen, "indicators", "GET", "/api/indicators/passthrough").subject());
        given().when().get("/api/unknown-prefix").then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/no-route"))
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void answersAreTimedByTargetAndStatusClass() {
        given().when().get("/api/indicators/passthrough?status=200&timed=1").then().statusCode(200);
        given().when().get("/api/indicators/passthrough?status=412&timed=2").then().statusCode(412);
        given().when().get("/api/not-listed").then().statusCode(404);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(count(metrics, "indicators", "2xx") >= 1, metrics);
        assertTrue(count(metrics, "indicators", "4xx") >= 1, metrics);
        assertTrue(count(metrics, "edge", "4xx") >= 1, metrics);
        assertNull(metrics.lines().filter(l -> l.startsWith("http_server_requests")).findFirst().orElse(null));
    }

    private static double count(String metrics, String target, String status) {
        return metrics.lines()
                .filter(l -> l.startsWith("jjj_gateway_requests_seconds_count{") && l.contains("target=\"" + target + "\"")
                        && l.contains("status=\"" + status + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
