package io.jjj.gateway;

import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class GatewayStartsTest {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "outbox"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void servesItsOpenApiDocumentAndSwaggerUi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", containsString("3."));
        given().when().get("/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void servesTheDashboardAndOnlyTheLibrariesItLoads() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/dashboard/main.js"));
        given().when().get("/dashboard/main.js").then().statusCode(200).contentType(containsString("javascript"));
        given().when().get("/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js").then().statusCode(200);
        given().when().get("/webjars/echarts/5.3.1/dist/echarts.esm.min.js").then().statusCode(200);
        // on the class path as ECharts' dependency, but not a resource the policy table lists
        given().when().get("/webjars/zrender/5.3.1/package.json").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }
}
