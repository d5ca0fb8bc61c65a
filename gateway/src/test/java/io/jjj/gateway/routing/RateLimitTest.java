package io.jjj.gateway.routing;

import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import io.jjj.testkit.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(RateLimitTest.SmallBuckets.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

    @TestHTTPResource("/")
    URL gateway;

    /** Three requests at once, then one every 1000 s: a fourth request in a row is always refused. */
    public static class SmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "jjj.gateway.rate-limit.per-address.capacity", "3",
                    "jjj.gateway.rate-limit.per-address.refill-per-second", "0.001",
                    "jjj.gateway.rate-limit.per-key.capacity", "3",
                    "jjj.gateway.rate-limit.per-key.refill-per-second", "0.001");
        }
    }

    private static String address() {
        return "198.51.100." + (1 + Math.abs(UUID.randomUUID().hashCode() % 250));
    }

    @Test
    void anAddressBeyondItsBucketGets429WithRetryAfter() throws Exception {
        String client = address();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("X-Forwarded-For", client).when().get("/api/projects?destination=120000").then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining));
        }
        given().header("X-Forwarded-For", client).when().get("/api/projects?destination=120000").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(900), lessThanOrEqualTo(1000)))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", Integer::parseInt, allOf(greaterThan(2900), lessThanOrEqualTo(3000)))
                .body("detail", containsString("client address"));
        given().header("X-Forwarded-For", "203.0.113.9, " + client).when().get("/api/regions/120000/profile").then().statusCode(429);
        for (String bypass : new String[]{"//api/projects?destination=120000", "/api/%70rojects", "/api/./projects"}) {
            assertEquals(429, new RawHttp("localhost", gateway.getPort()).send("GET", bypass, Map.of("X-Forwarded-For", client), null).status(), bypass);
        }
    }

    @Test
    void guessingKeysDrawsFromTheAddressBucket() {
        String client = address();
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", "jjj_guess-" + i).header("X-Forwarded-For", client).when().get("/api/projects")
                    .then().statusCode(401);
        }
        given().header("X-API-Key", "jjj_guess-4").header("X-Forwarded-For", client).when().get("/api/projects")
                .then().statusCode(429).body("detail", containsString("client address"));
    }

    @Test
    void aKeyHasItsOwnBucket() {
        String client = address();
        var key = given().header("X-API-Key", "test-admin-key").header("X-Forwarded-For", address()).contentType("application/json")
                .body("{\"name\":\"limited-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"scopes\":[\"projects:write\"]}")
                .when().post("/api/keys").then().statusCode(201).extract().<String>path("secret");
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", key).header("X-Forwarded-For", client).when().get("/api/projects").then().statusCode(200);
        }
        given().header("X-API-Key", key).header("X-Forwarded-For", client).when().get("/api/projects").then().statusCode(429)
                .body("detail", containsString("API key"));
        given().header("X-Forwarded-For", client).when().get("/api/projects").then().statusCode(200)
                .header("RateLimit-Remaining", equalTo("2"));
    }
}
