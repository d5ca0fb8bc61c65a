package io.jjj.platform.formats;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** One list endpoint written with Listing: each format by format= or Accept, paging headers on each, 400 for a bad format. */
@QuarkusTest
class ListingTest {

    private static final String LIST = "/api/test/gadgets";

    @Test
    void jsonIsTheDefaultWithPagingHeaders() {
        given().when().get(LIST + "?page=1&size=50").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("X-Total-Count", "120")
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("page=2&size=50"))
                .body("items", hasSize(50)).body("items[0]", equalTo(50)).body("total", equalTo(120));
    }

    @Test
    void csvByFormatOrAccept() {
        String csv = given().when().get(LIST + "?size=2&format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("X-Total-Count", "120")
                .header("Link", containsString("rel=\"last\"")).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals("n\r\n0\r\n1\r\n", csv);
        given().accept("text/csv").when().get(LIST + "?size=2").then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void geoJsonByFormatOrAccept() {
        given().when().get(LIST + "?size=3&format=geojson").then().statusCode(200)
                .contentType(startsWith("application/geo+json")).header("X-Total-Count", "120")
                .body("type", equalTo("FeatureCollection")).body("features", hasSize(3));
        given().accept("application/geo+json").when().get(LIST + "?size=3").then().statusCode(200)
                .contentType(startsWith("application/geo+json"));
    }

    @Test
    void anUnknownOrUnofferedFormatIsA400NamingFormat() {
        given().when().get(LIST + "?format=xml").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"))
                .body("detail", equalTo("format: must be one of json, csv, geojson, was 'xml'"));
        given().when().get(LIST + "/all?format=geojson").then().statusCode(400)
                .body("detail", equalTo("format: must be one of json, csv, was 'geojson'"));
    }

    @Test
    void anUnpagedListHasNoPagingHeadersAndIsAPlainArray() {
        given().when().get(LIST + "/all").then().statusCode(200).contentType(startsWith("application/json"))
                .header("Link", (String) null).header("X-Total-Count", (String) null)
                .body("$", hasSize(3));
        given().when().get(LIST + "/all?format=csv").then().statusCode(200).body(equalTo("n\r\n1\r\n2\r\n3\r\n"));
    }
}
