package io.jjj.gateway.api;

import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class ReachableInsightTest {

    /**
     * By hand on deploy/data: within 60 minutes of Tianjin station lie stations in Tianjin (TJ, TJW, TJS; Binhai and
     * Baodi are inside Tianjin), Beijing (Beijing South at 30; the City Sub-centre in Tongzhou is inside Beijing),
     * Langfang, Cangzhou and Tangshan. Tertiary value added 2013 (observations.csv): Beijing 14986.5 + Tianjin 6905.03
     * = 21891.53; Langfang, Cangzhou and Tangshan have no value.
     */
    @Test
    void tertiaryValueAddedWithinAnHourOfTianjin() {
        given().when().get("/api/insights/reachable?from=TJ&minutes=60&indicator=va.tertiary&period=2013").then().statusCode(200)
                .body("fromRegion", equalTo("120000"))
                .body("total", equalTo(21891.53f))
                .body("complete", equalTo(false))
                .body("regions.code", equalTo(List.of("120000", "110000")))
                .body("regions[0].covers", equalTo(List.of("120115", "120116")))
                .body("regions[1].covers", equalTo(List.of("110112")))
                .body("regions[1].reachedVia", equalTo("BJS"))
                .body("regions[1].minutes", equalTo(30))
                .body("withoutValue.code", equalTo(List.of("131000", "130900", "130200")))
                .body("method", containsString("outer one's value includes it"));
    }

    @Test
    void sharesAndMeansAreNotSummed() {
        given().when().get("/api/insights/reachable?from=TJ&minutes=60&indicator=va.tertiary.share&period=2013").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("indicator"));
    }

    @Test
    void parametersAreChecked() {
        given().when().get("/api/insights/reachable?from=TJ&minutes=abc&indicator=va.tertiary").then().statusCode(400)
                .body("errors[0].field", equalTo("minutes"));
        given().when().get("/api/insights/reachable?minutes=60&indicator=va.tertiary").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().when().get("/api/insights/reachable?from=NOWHERE&minutes=60&indicator=va.tertiary").then().statusCode(404)
                .body("detail", containsString("from"));
        given().when().get("/api/insights/reachable?from=TJ&minutes=60&indicator=no.such").then().statusCode(404)
                .body("detail", containsString("indicator"));
    }
}
