package io.jjj.indicators;

import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RegionsApiTest {

    @Test
    void pagesThroughTheRegionsInForceWithTheCountsOfTheSource() {
        given().when().get("/api/regions?asOf=2024-01-01&size=1").then().statusCode(200)
                .header("X-Total-Count", "237").body("total", equalTo(237)).body("items", hasSize(1));
        given().when().get("/api/regions?level=county&asOf=2024-01-01&size=1").then().statusCode(200).body("total", equalTo(222));
        given().when().get("/api/regions?level=prefecture&asOf=2024-01-01").then().statusCode(200)
                .body("total", equalTo(12)).body("items.code", hasItems("130100", "133100"));
        given().when().get("/api/regions?level=province").then().statusCode(200)
                .body("items.code", contains("110000", "120000", "130000"));
        given().when().get("/api/regions?parent=130900&size=1000&asOf=2024-01-01").then().statusCode(200)
                .body("items.code", hasItems("130983", "130973")).body("items.parent", everyItem(equalTo("130900")));
        given().when().get("/api/regions?level=city").then().statusCode(400).body("errors[0].field", equalTo("level"));
        given().when().get("/api/regions?asOf=someday").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void asOfShowsTheUnitsOfTheDayAcrossTheChangesOf2009And2010() {
        given().when().get("/api/regions?parent=120000&asOf=2009-01-01&size=100").then().statusCode(200)
                .body("items.code", hasItems("120107", "120108", "120109")).body("items.code", not(hasItem("120116")));
        given().when().get("/api/regions?parent=120000&asOf=2010-01-01&size=100").then().statusCode(200)
                .body("items.code", hasItem("120116")).body("items.code", not(hasItem("120107")));
        given().when().get("/api/regions?name=chongwen&asOf=2010-06-30").then().statusCode(200)
                .body("items.code", contains("110103")).body("items[0].validTo", equalTo("2010-10-31"));
        given().when().get("/api/regions?name=chongwen&asOf=2011-01-01").then().statusCode(200).body("total", equalTo(0));
        given().when().get("/api/regions?name=崇文&asOf=2010-06-30").then().statusCode(200).body("items.code", contains("110103"));
    }

    @Test
    void bothViewsOfXionganCountiesAndTheirChanges() {
        given().when().get("/api/regions?parent=133100").then().statusCode(200)
                .body("items.code", contains("130629", "130632", "130638"))
                .body("items.administeredBy", everyItem(equalTo("133100")))
                .body("items.parent", everyItem(equalTo("130600")));
        given().when().get("/api/regions?parent=130600&size=100").then().statusCode(200)
                .body("items.code", hasItems("130629", "130632", "130638", "130681"));
        given().when().get("/api/regions/130638").then().statusCode(200)
                .body("ancestors", contains("130600", "130000", "133100"))
                .body("changes.id", contains("C024"));
        given().when().get("/api/regions/120116").then().statusCode(200)
                .body("changes[0].predecessors", contains("120107", "120108", "120109"))
                .body("changes[0].source", equalTo("MCA200912;MCA200812"));
        given().when().get("/api/regions/changes").then().statusCode(200)
                .body("changes.id", hasItems("C001", "C002", "C003"))
                .body("sources.NBS2023", containsString("2023-06-30"));
    }

    @Test
    void geoJsonHasAPointOnlyWhereASourceGivesOne() {
        given().accept("application/geo+json").when().get("/api/regions?level=prefecture&size=100").then().statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features.find { it.id == '130600' }.geometry.coordinates", contains(115.465f, 38.874f))
                .body("features.find { it.id == '130600' }.properties.pointSource", equalTo("DATASET"));
        given().when().get("/api/regions?name=Anxin&format=geojson").then().statusCode(200)
                .body("features[0].id", equalTo("130632")).body("features[0].geometry", nullValue());
    }

    @Test
    void listsTheGroupsWithTheirMembers() {
        given().when().get("/api/regions/groups").then().statusCode(200)
                .body("code", contains("JJJ", "BJ-CORE6", "TWO-WINGS", "COASTAL-BELT"))
                .body("[0].members.code", contains("110000", "120000", "130000"))
                .body("[0].members[2].nameEn", equalTo("Hebei"));
    }

    @Test
    void oneRegionWithParentChildrenAndGroups() {
        given().when().get("/api/regions/130209").then().statusCode(200)
                .body("kind", equalTo("region"))
                .body("region.nameZh", equalTo("曹妃甸区"))
                .body("ancestors", contains("130200", "130000"));
        given().when().get("/api/regions/120000").then().statusCode(200)
                .body("region.groups", contains("JJJ", "COASTAL-BELT"))
                .body("region.children", hasItems("120115", "120116"))
                .body("region.children", not(hasItem("120107")));
        given().when().get("/api/regions/TWO-WINGS").then().statusCode(200)
                .body("kind", equalTo("group"))
                .body("group.members.code", contains("110112", "133100"));
        given().when().get("/api/regions/999999").then().statusCode(404).contentType("application/problem+json");
    }
}
