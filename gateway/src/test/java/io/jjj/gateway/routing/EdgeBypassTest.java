package io.jjj.gateway.routing;

import io.jjj.gateway.support.FakeService;
import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.RawHttp;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bypass forms of the hostile-client report, sent byte for byte: every one answers 4xx and changes nothing. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class EdgeBypassTest {

    private static final String ADMIN = "test-admin-key";
    private static final String KEY_BODY = "{\"name\":\"mallory\",\"scopes\":[\"admin\"]}";
    private static final List<String> KEY_PATHS = List.of("/api/keys", "//api/keys", "/api/%6beys", "/api/%6Beys",
            "/api/insights/../keys", "/api/keys;x=1", "/%61pi/keys", "/api/./keys", "/api//keys", "/api/keys/",
            "/api/keys%2F", "/api/keys%00", "/api\\keys", "/api/projects/%2e%2e/keys", "/api/../../api/keys",
            "/api/keys%zz", "/api/projects/..%2Fkeys");

    @TestHTTPResource("/")
    URL gateway;

    private int port() {
        return gateway.getPort();
    }

    private int keyCount() {
        return given().header("X-API-Key", ADMIN).when().get("/api/keys?size=1000").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void noBypassFormMintsOrListsKeysWithoutAnAdminKey() throws Exception {
        int before = keyCount();
        List<String> failures = new ArrayList<>();
        for (String path : KEY_PATHS) {
            for (String method : List.of("POST", "GET")) {
                RawHttp.Response answer = new RawHttp("localhost", port()).send(method, path, Map.of("Content-Type", "application/json"),
                        method.equals("POST") ? KEY_BODY : null);
                // a raw backslash or a '%' that starts no escape makes the target invalid: the HTTP layer may refuse it
                // before any handler, with a bare 400
                boolean refusedByHttpParser = (path.contains("\\") || path.contains("%zz")) && answer.status() == 400
                        && answer.body().isEmpty();
                if (answer.status() < 400 || answer.status() >= 500 || !refusedByHttpParser
                        && !String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")
                        || answer.body().contains("secret")) {
                    failures.add(method + " " + path + " -> " + answer.status() + " " + answer.body());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, keyCount(), "no key was created");
    }

    @Test
    void aCanonicalFormOfAnAdminPathStillWorksWithTheAdminKey() throws Exception {
        RawHttp.Response answer = new RawHttp("localhost", port()).send("GET", "//api/%6beys/", Map.of("X-API-Key", ADMIN), null);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"items\""), answer.body());
    }

    @Test
    void nothingOutsideApiReachesAService() throws Exception {
        int before = FakeServices.PROJECTS.received().size();
        for (String path : List.of("/api/projects/../../q/metrics", "/api/projects/%2e%2e/%2e%2e/q/health",
                "/api/projects/../../q/openapi", "/q/openapi", "/api/projects/../../admin")) {
            RawHttp.Response answer = new RawHttp("localhost", port()).send("GET", path, Map.of(), null);
            assertTrue(answer.status() == 200 || answer.status() == 404, path + " -> " + answer.status());
        }
        // forwarded calls carry X-Forwarded-For; the gateway's own periodic fetch of /q/openapi does not
        List<FakeService.Received> forwarded = FakeServices.PROJECTS.received().stream().skip(before)
                .filter(r -> r.header("X-Forwarded-For") != null).toList();
        assertFalse(forwarded.stream().anyMatch(r -> !r.uri().startsWith("/api/")),
                "a service received a forwarded path outside /api: " + forwarded);
    }

    @Test
    void theBodyCapIsTheOneOfTheCanonicalOperation() throws Exception {
        RawHttp.Response answer = new RawHttp("localhost", port()).send("PUT", "/api/projects/feeds/../P-1",
                Map.of("X-API-Key", ADMIN, "Content-Type", "application/json"), "{\"x\":\"" + "y".repeat(10_000) + "\"}");
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"limitBytes\":4096"), answer.body());
    }

    @Test
    void unknownRoutesAreNeverForwardedAndWrongMethodsAre405() throws Exception {
        long before = apiCallsReceivedByProjects();
        RawHttp.Response unknown = new RawHttp("localhost", port()).send("GET", "/api/projects/P-1/secrets/x", Map.of(), null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("no-route"), unknown.body());
        RawHttp.Response wrongMethod = new RawHttp("localhost", port()).send("DELETE", "/api/projects/P-1", Map.of("X-API-Key", ADMIN), null);
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.header("Allow").contains("PATCH"), wrongMethod.header("Allow"));
        assertEquals(before, apiCallsReceivedByProjects(), "neither was forwarded");
    }

    private static long apiCallsReceivedByProjects() {
        return FakeServices.PROJECTS.received().stream().filter(r -> r.uri().startsWith("/api/")).count();
    }

    @Test
    void theForwardedRequestCarriesTheCanonicalPathAndNotTheClientsHost() throws Exception {
        new RawHttp("localhost", port()).send("GET", "/api/indicators/./passthrough/../passthrough?status=200&canonical=1",
                Map.of("X-Forwarded-Host", "evil.example"), null);
        FakeService.Received seen = FakeServices.INDICATORS.last("/api/indicators/passthrough?status=200&canonical=1");
        assertEquals("api.example", seen.header("X-Forwarded-Host"));
        assertEquals("https", seen.header("X-Forwarded-Proto"));
        assertFalse(String.valueOf(seen.header("Host")).contains("evil"));
    }
}
