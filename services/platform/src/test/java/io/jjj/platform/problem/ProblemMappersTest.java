package io.jjj.platform.problem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ProblemMappersTest {

    @Test
    void anUnknownPathIsA404Problem() {
        given().when().get("/no/such/thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/no/such/thing"));
    }

    @Test
    void malformedJsonIsA400ProblemWithItsPosition() {
        given().contentType("application/json").body("{\"name\": ").when().post("/test/widgets").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Malformed JSON"));
    }

    @Test
    void aWrongTypeNamesTheField() {
        given().contentType("application/json").body("{\"name\":\"a\",\"weight\":\"heavy\"}").when().post("/test/widgets").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("weight"));
    }

    @Test
    void validationFailuresListEachField() {
        given().contentType("application/json").body("{\"name\":\"\",\"weight\":-1}").when().post("/test/widgets").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("name", "weight"));
    }

    @Test
    void wrongMethodAndMediaTypeAreProblems() {
        given().when().delete("/test/widgets").then().statusCode(405).contentType("application/problem+json");
        given().contentType("text/plain").body("x").when().post("/test/widgets").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutInternals() {
        given().when().get("/test/widgets/boom").then().statusCode(500)
                .contentType("application/problem+json")
                .body("incident", notNullValue())
                .body(not(containsString("secret internals")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503ProblemWithRetryAfter() {
        for (String state : new String[] {"08006", "57P01"}) {
            given().when().get("/test/unreachable-database/" + state).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://jjj.example/problems/database-unavailable"))
                    .body("incident", nullValue())
                    .body(not(containsString("FATAL")));
        }
    }

    @Test
    void otherDatabaseFailuresStayIncidents() {
        given().when().get("/test/unreachable-database/42P01").then().statusCode(500)
                .contentType("application/problem+json")
                .body("incident", notNullValue());
    }
}
