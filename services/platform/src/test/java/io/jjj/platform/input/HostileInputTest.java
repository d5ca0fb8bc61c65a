package io.jjj.platform.input;

import io.jjj.platform.fixture.Widgets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a hostile client can send gets a 4xx problem naming what was wrong, and writes nothing. */
@QuarkusTest
class HostileInputTest {

    @Inject
    Widgets widgets;

    /** A 4xx problem+json that names the field and shows no Java internals. */
    static ValidatableResponse refused(ValidatableResponse response, int status, String field) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body(not(containsString("java.")))
                .body(not(containsString("io.jjj")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aNulByteInAPathParameterIsRefusedByName() {
        refused(given().urlEncodingEnabled(false).when().get("/test/widgets/a%00b").then(), 400, "name")
                .body("detail", containsString("U+0000"));
    }

    @Test
    void controlCharactersInQueryParametersAreRefusedButATabIsNot() {
        refused(given().urlEncodingEnabled(false).when().get("/test/widgets/numbers?page=%00").then(), 400, "page");
        refused(given().urlEncodingEnabled(false).when().get("/test/widgets/numbers?size=1%1B").then(), 400, "size");
        given().urlEncodingEnabled(false).when().get("/test/widgets/nobody?madeSince=%092020-01-01").then().statusCode(404);
    }

    @Test
    void aDateBeyondTheCalendarIsRefusedWithTheAcceptedRange() {
        refused(given().queryParam("madeSince", "+5874898-01-01").when().get("/test/widgets/nobody").then(), 400, "madeSince")
                .body("detail", containsString("1900-01-01 to 2200-12-31"));
        refused(given().queryParam("madeSince", "1899-12-31").when().get("/test/widgets/nobody").then(), 400, "madeSince");
    }

    @Test
    void aPageFarBeyondAnyOffsetIsRefusedNamingPage() {
        refused(given().when().get("/test/widgets/numbers?page=2147483647&size=1000").then(), 400, "page")
                .body("detail", containsString("page"));
        given().when().get("/test/widgets/numbers?page=100000&size=1000").then().statusCode(200);
    }

    @Test
    void nonFiniteAndHugeNumbersInAJsonBodyAreRefusedByName() {
        long before = widgets.count();
        for (String weight : new String[] {"1e999", "-1e31", "1e-999"}) {
            refused(post("{\"name\":\"n\",\"weight\":" + weight + "}"), 400, "weight");
        }
        refused(post("{\"name\":\"n\",\"density\":1e999}"), 400, "density");
        refused(post("{\"name\":\"n\",\"density\":\"Infinity\"}"), 400, "density");
        refused(post("{\"name\":\"n\",\"density\":\"NaN\"}"), 400, "density");
        given().contentType("application/json").body("{\"name\":\"n\",\"density\":NaN}").when().post("/test/widgets/new")
                .then().statusCode(400).contentType("application/problem+json").body(not(containsString("JsonReadFeature")));
        assertEquals(before, widgets.count(), "nothing was written");
    }

    @Test
    void controlCharactersAndFarDatesInAJsonBodyAreRefusedByName() {
        long before = widgets.count();
        refused(post("{\"name\":\"a\\u0000b\"}"), 400, "name").body("detail", containsString("U+0000"));
        refused(post("{\"name\":\"n\",\"made\":\"+5874898-01-01\"}"), 400, "made");
        refused(post("{\"name\":\"n\",\"made\":\"tomorrow\"}"), 400, "made").body("detail", containsString("YYYY-MM-DD"));
        assertEquals(before, widgets.count(), "nothing was written");
        given().contentType("application/json").body("{\"name\":\"two\\nlines\\tand a tab\"}").when().post("/test/widgets")
                .then().statusCode(201);
    }

    @Test
    void aSecondCreateOfTheSameEntityIsAConflictNotAFailure() {
        given().contentType("application/json").body("{\"name\":\"only-once\"}").when().post("/test/widgets/new").then().statusCode(201);
        given().contentType("application/json").body("{\"name\":\"only-once\"}").when().post("/test/widgets/new").then()
                .statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body(not(containsString("duplicate key")))
                .body(not(containsString("Exception")));
    }

    private static ValidatableResponse post(String json) {
        return given().contentType("application/json").body(json).when().post("/test/widgets/new").then();
    }
}
