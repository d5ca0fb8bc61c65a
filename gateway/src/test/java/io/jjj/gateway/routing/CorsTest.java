package io.jjj.gateway.routing;

import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class CorsTest {

    @Test
    void preflightFromAnAllowedOriginIsAnswered() {
        given().header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-api-key")
                .when().options("/api/projects").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://app.example")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", "content-type, x-api-key")
                .header("Access-Control-Max-Age", "3600")
                .header("Vary", containsString("Origin"));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/projects").then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("detail", containsString("https://evil.example"));
    }

    @Test
    void simpleRequestsGetCorsHeadersForAllowedOriginsOnly() {
        given().header("Origin", "https://app.example").when().get("/api/projects?destination=120000").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"));
        given().header("Origin", "https://evil.example").when().get("/api/projects?destination=120000").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://app.example").when().get("/openapi.json").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://app.example"));
    }
}
