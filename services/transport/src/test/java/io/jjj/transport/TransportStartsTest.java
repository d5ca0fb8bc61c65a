package io.jjj.transport;

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
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class TransportStartsTest {

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
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/transport/routes'.get.operationId", equalTo("getTransportRoute"))
                .body("paths.'/api/transport/matrix'.get.responses.'413'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/transport/links/{id}'.put.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/transport/nodes/{id}'.put.responses.'412'", notNullValue())
                .body("paths.'/api/transport/nodes/{id}'.put.responses.'428'", notNullValue())
                .body("paths.'/api/transport/links/{id}'.put.responses.'422'.description", equalTo("An end is not a known node"))
                .body("paths.'/api/transport/feeds/nodes'.post.operationId", equalTo("feedTransportNodes"))
                .body("paths.'/api/transport/feeds/links'.post.operationId", equalTo("feedTransportLinks"))
                .body("paths.'/api/transport/feeds/links'.post.responses.'202'", notNullValue())
                .body("components.schemas.TransportRoute", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }
}
