package io.jjj.projects;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.jjj.projects.Projects.created;
import static io.jjj.projects.Projects.writer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Filters, sorting, paging and the three formats, over a small set of projects of its own (its own sector). */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectListingTest {

    @Inject
    PlatformConfig config;

    private String sector;
    private String caofeidian;
    private String baodi;
    private String xiongan;
    private String tianjinCity;

    @BeforeEach
    void registerAFewProjects() {
        sector = "listing-" + UUID.randomUUID().toString().substring(0, 8);
        caofeidian = created(config, project("steel", "relocation", "110107", "130209", "operational", "2005", 50, "Capital Steel Works"));
        baodi = created(config, project("town", "science-park", "110108", "120115", "signed", "2014-06-01", 176, "Zhongguancun Group"));
        xiongan = created(config, project("campus", "public-service", "110000", "133100", "proposed", "2019-09-09", null, "Beijing Forestry University"));
        tianjinCity = created(config, project("port", "infrastructure", "130000", "120000", "approved", null, 20, "Tianjin Port Group"));
    }

    private String project(String stem, String kind, String origin, String destination, String status, String signed,
                           Integer investment, String organisation) {
        String ref = Projects.uniqueRef(sector + "-" + stem);
        return """
                {"ref": "%s", "nameEn": "%s %s project", "nameZh": "雄安校区%s", "kind": "%s", "sector": "%s", "origin": "%s",
                 "destination": "%s", "status": "%s", "signed": %s, "organisations": ["%s"]%s}
                """.formatted(ref, stem, sector, stem, kind, sector, origin, destination, status,
                signed == null ? "null" : "\"" + signed + "\"", organisation,
                investment == null ? "" : ", \"investment\": {\"amount\": " + investment + ", \"currency\": \"CNY\"}");
    }

    private List<String> ids(String... params) {
        var request = given().queryParam("sector", sector).queryParam("sort", "id");
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.when().get("/api/projects").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void regionFiltersIncludeWhatLiesBelowAndGroupMembers() {
        assertThat(ids("destination", "130000"), containsInAnyOrder(caofeidian, xiongan));
        assertThat(ids("destination", "130200"), contains(caofeidian));
        assertThat(ids("destination", "120000"), containsInAnyOrder(baodi, tianjinCity));
        assertThat(ids("destination", "COASTAL-BELT"), containsInAnyOrder(caofeidian, baodi, tianjinCity));
        assertThat(ids("destination", "TWO-WINGS"), contains(xiongan));
        assertThat(ids("origin", "BJ-CORE6"), containsInAnyOrder(caofeidian, baodi));
        assertThat(ids("origin", "110000"), containsInAnyOrder(caofeidian, baodi, xiongan));
        assertThat(ids("origin", "JJJ"), containsInAnyOrder(caofeidian, baodi, xiongan, tianjinCity));
    }

    @Test
    void aProjectInAXionganCountyIsFoundUnderBaodingAndUnderXionganAndPlacedAtTheNearestSourcedPoint() {
        String xiongCounty = created(config, project("lab", "public-service", "110108", "130638", "signed", "2021-03-01", null, "Lab"));
        assertThat(ids("destination", "133100"), containsInAnyOrder(xiongan, xiongCounty));
        assertThat(ids("destination", "130600"), contains(xiongCounty));
        assertThat(ids("destination", "130000"), containsInAnyOrder(caofeidian, xiongan, xiongCounty));
        assertThat(ids("destination", "TWO-WINGS"), containsInAnyOrder(xiongan, xiongCounty));
        given().when().get("/api/projects/" + xiongCounty).then().statusCode(200)
                .body("location.lon", equalTo(115.465f)).body("location.lat", equalTo(38.874f));
    }

    @Test
    void attributeDateTextAndBoxFiltersCombine() {
        assertThat(ids("kind", "relocation,science-park"), containsInAnyOrder(caofeidian, baodi));
        assertThat(ids("status", "planned"), contains(xiongan));
        assertThat(ids("status", "signed,operational", "destination", "JJJ"), containsInAnyOrder(caofeidian, baodi));
        assertThat(ids("signedFrom", "2014", "signedTo", "2019-01-01"), contains(baodi));
        assertThat(ids("signedTo", "2014"), containsInAnyOrder(caofeidian, baodi));
        assertThat(ids("q", "forestry univ"), contains(xiongan));
        assertThat(ids("q", "雄安校区"), containsInAnyOrder(caofeidian, baodi, xiongan, tianjinCity));
        assertThat(ids("q", "校雄"), equalTo(List.of()));
        assertThat(ids("bbox", "118,39,119,40"), contains(caofeidian));
        assertThat(ids("chain", "none-such"), equalTo(List.of()));
    }

    @Test
    void asOfListsProjectsAsTheyStoodThen() {
        assertThat(ids("asOf", "2010-01-01"), contains(caofeidian));
        given().filter(writer(config)).contentType("application/json").body("{\"status\": \"approved\"}")
                .when().post("/api/projects/" + baodi + "/status").then().statusCode(200);
        assertThat(ids("status", "signed", "asOf", "2015-01-01"), contains(baodi));
        assertThat(ids("status", "signed"), equalTo(List.of()));
        assertThat(ids("q", "Zhongguancun", "asOf", "2015-01-01"), contains(baodi));
    }

    @Test
    void sortsAndPages() {
        given().queryParam("sector", sector).queryParam("sort", "-investmentCny100m").queryParam("size", "2")
                .when().get("/api/projects").then().statusCode(200)
                .header("X-Total-Count", "4")
                .header("Link", containsString("rel=\"next\""))
                .body("items.id", contains(baodi, caofeidian)).body("total", equalTo(4));
        given().queryParam("sector", sector).queryParam("sort", "signed").queryParam("page", "1").queryParam("size", "2")
                .when().get("/api/projects").then().statusCode(200)
                .body("items.id", contains(xiongan, tianjinCity));
    }

    @Test
    void answersCsvAndGeoJson() {
        String csv = given().queryParam("sector", sector).queryParam("sort", "id").header("Accept", "text/csv")
                .when().get("/api/projects").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("id,ref,name_en,name_zh,kind"));
        assertTrue(lines[1].startsWith(caofeidian + ","));

        given().queryParam("sector", sector).queryParam("sort", "id").header("Accept", "application/geo+json")
                .when().get("/api/projects").then().statusCode(200).contentType(startsWith("application/geo+json"))
                .body("type", equalTo("FeatureCollection"))
                .body("features.size()", equalTo(4))
                .body("features[0].id", equalTo(caofeidian))
                .body("features[0].geometry.type", equalTo("Point"))
                .body("features[0].geometry.coordinates", contains(118.46f, 39.273f))
                .body("features[0].properties.kind", equalTo("relocation"));
        given().queryParam("sector", sector).queryParam("format", "geojson")
                .when().get("/api/projects").then().statusCode(200).body("features.size()", equalTo(4));
    }

    @Test
    void badParametersAreA400NamingThem() {
        String[][] cases = {
                {"bbox", "1,2,3"}, {"bbox", "a,b,c,d"}, {"bbox", "10,10,5,5"}, {"destination", "999999"}, {"origin", "MARS"},
                {"kind", "teleport"}, {"status", "dreaming"}, {"signedFrom", "last year"}, {"asOf", "2020-13-01"},
                {"sort", "price"}, {"size", "5000"}, {"format", "xml"}, {"q", "!!!"}, {"asOf", "0000-01-01"}};
        for (String[] c : cases) {
            given().queryParam(c[0], c[1]).when().get("/api/projects").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(c[0]));
        }
        String[][] flowCases = {{"measure", "weight"}, {"level", "county"}, {"from", "20x4"}, {"by", "kind"}};
        for (String[] c : flowCases) {
            given().queryParam(c[0], c[1]).when().get("/api/projects/flows").then().statusCode(400)
                    .body("errors.field", hasItem(c[0]));
        }
        given().when().get("/api/projects/stats").then().statusCode(400).body("errors.field", hasItem("groupBy"));
        given().queryParam("groupBy", "colour").when().get("/api/projects/stats").then().statusCode(400)
                .body("errors.field", hasItem("groupBy"));
    }

    @Test
    void flowsAndStatsAnswerCsvToo() {
        given().queryParam("format", "csv").queryParam("measure", "investment").when().get("/api/projects/flows")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("origin,origin_name,destination,destination_name,investment\r\n"));
        given().header("Accept", "text/csv").queryParam("groupBy", "kind").when().get("/api/projects/stats")
                .then().statusCode(200).body(startsWith("kind,name,projects,investment_cny_100m,jobs\r\n"));
        given().queryParam("by", "destination,origin").when().get("/api/projects/flows").then().statusCode(200)
                .body("rows.code", hasItem("120000")).body("by", equalTo("destination,origin"));
    }
}
