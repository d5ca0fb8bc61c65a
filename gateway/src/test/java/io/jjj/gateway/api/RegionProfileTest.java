package io.jjj.gateway.api;

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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class RegionProfileTest {

    @Test
    void tianjinFromAllThreeServices() {
        given().header("X-Request-Id", "profile-1").when().get("/api/regions/120000/profile?asOf=2024-12-31").then().statusCode(200)
                .body("region.nameEn", equalTo("Tianjin"))
                .body("asOf", equalTo("2024-12-31"))
                .body("complete", equalTo(true))
                .body("missing", equalTo(java.util.List.of()))
                .body("indicators.status", equalTo("ok"))
                .body("indicators.latest.find { it.indicator == 'va.tertiary' }.period", equalTo("2013"))
                .body("indicators.latest.find { it.indicator == 'va.tertiary' }.value", equalTo(6905.03f))
                // projects.csv: one project goes to Tianjin (Baodi, 176) and none leaves it
                .body("projects.inbound.count", equalTo(1))
                .body("projects.inbound.investmentCny100m", equalTo(176))
                .body("projects.inbound.largest[0].ref", equalTo("baodi-zgc-science-town"))
                .body("projects.outbound.count", equalTo(0))
                // by hand on transport-links.csv: Baodi-Beijing City Sub-centre 20 min; Tianjin West-Baoding East-Xiong'an 60+20
                .body("accessibility.minutesTo.'110000'.minutes", equalTo(20))
                .body("accessibility.minutesTo.'110000'.fromNode", equalTo("BD"))
                .body("accessibility.minutesTo.'120000'.minutes", equalTo(0))
                .body("accessibility.minutesTo.'133100'.minutes", equalTo(80))
                .body("accessibility.minutesTo.'133100'.fromNode", equalTo("TJW"));
        org.junit.jupiter.api.Assertions.assertEquals("profile-1",
                FakeServices.PROJECTS.last("/api/projects?destination=120000").header("X-Request-Id"));
    }

    @Test
    void aServiceThatIsDownIsMarkedMissingAndTheRestIsReturned() {
        FakeServices.PROJECTS.stop();
        try {
            given().when().get("/api/regions/120000/profile").then().statusCode(200)
                    .body("complete", equalTo(false))
                    .body("missing.section", equalTo(java.util.List.of("projects")))
                    .body("missing[0].reason", containsString("projects service is unavailable"))
                    .body("projects.status", equalTo("missing"))
                    .body("projects.inbound", nullValue())
                    .body("indicators.status", equalTo("ok"))
                    .body("indicators.latest.indicator", hasItem("va.primary"))
                    .body("accessibility.status", equalTo("ok"))
                    .body("accessibility.minutesTo.'110000'.minutes", equalTo(20));
        } finally {
            FakeServices.PROJECTS.start();
        }
    }

    @Test
    void anyCountyOfTheReferenceHasAProfile() {
        given().when().get("/api/regions/130638/profile").then().statusCode(200)
                .body("region.nameEn", equalTo("Xiong County"))
                .body("region.parent", equalTo("130600"))
                .body("indicators.status", equalTo("ok"));
        org.junit.jupiter.api.Assertions.assertNotNull(FakeServices.PROJECTS.last("/api/projects?destination=130638"));
    }

    @Test
    void unknownRegionsAndBadDatesAreClientErrors() {
        given().when().get("/api/regions/999999/profile").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/regions/JJJ/profile").then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().when().get("/api/regions/120000/profile?asOf=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }
}
