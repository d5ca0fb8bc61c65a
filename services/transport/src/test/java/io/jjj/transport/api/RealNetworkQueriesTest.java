package io.jjj.transport.api;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.transport.TestNetwork;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.routing.NetworkSnapshots;
import io.jjj.transport.routing.Router;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Routes, isochrones, matrices, accessibility and statistics on the real network of deploy/data, with every expected
 * figure worked out by hand from transport-links.csv.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RealNetworkQueriesTest {

    @Inject
    PlatformConfig config;

    @Inject
    NetworkSnapshots snapshots;

    @BeforeEach
    void load() {
        TestNetwork.loadReal(config);
    }

    /**
     * A first query for an epoch may be answered by the plain searches while its hierarchy is built: once the
     * hierarchies of every epoch these hand-checked queries ask about are built, they give the same answers.
     */
    @Test
    void theHandCheckedAnswersAreTheSameOnceTheirEpochsHierarchiesAreBuilt() {
        Router router = snapshots.router();
        List<Router.Filter> epochs = List.of(filter("2011-06-30", Mode.HSR.bit()), filter("2024-01-01", Mode.HSR.bit()),
                filter("2024-01-01", Mode.ALL), filter("2010-01-01", Mode.ALL));
        await().atMost(Duration.ofSeconds(30)).until(() -> epochs.stream().filter(f -> !router.prepare(f)).count() == 0);

        beijingSouthToCangzhouWestTakes59MinutesViaLangfangAndTianjinSouthFromOpeningDay();
        anIsochroneListsEveryNodeWithinTheBudgetWithItsTime();
        theMatrixGivesEveryPairWithOneSearchPerOrigin();
        accessibilityToBeijingPerRegionAndItsChange();
        assertSame(router, snapshots.router(), "answered on the snapshot whose hierarchies were built");
    }

    private static Router.Filter filter(String day, int modes) {
        return new Router.Filter((int) LocalDate.parse(day).toEpochDay(), modes);
    }

    @Test
    void beijingSouthToCangzhouWestIsUnreachableByHsrBeforeTheBeijingShanghaiLineOpened() {
        given().get("/api/transport/routes?from=BJS&to=CZW&asOf=2011-06-29&modes=hsr").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("2011-06-29"))
                .body("asOf", equalTo("2011-06-29"));
    }

    @Test
    void beijingSouthToCangzhouWestTakes59MinutesViaLangfangAndTianjinSouthFromOpeningDay() {
        // BJS-LF 21 + LF-TJS 18 + TJS-CZW 20, all on the Beijing-Shanghai HSR: 60 + 70 + 100 km
        given().get("/api/transport/routes?from=BJS&to=CZW&asOf=2011-06-30&modes=hsr").then().statusCode(200)
                .body("minutes", equalTo(59.0f))
                .body("distanceKm", equalTo(230.0f))
                .body("transfers", equalTo(0))
                .body("legs", hasSize(1))
                .body("legs[0].line", equalTo("Beijing-Shanghai HSR"))
                .body("legs[0].mode", equalTo("hsr"))
                .body("legs[0].stops", contains("BJS", "LF", "TJS", "CZW"));
    }

    @Test
    void aTransferPenaltyIsAddedAtEveryChangeOfLine() {
        // BJS-TJ 30 (Beijing-Tianjin intercity) + TJ-BH 20 (extension) = 50, one change of line
        given().get("/api/transport/routes?from=BJS&to=BH&asOf=2016-01-01&modes=hsr").then().statusCode(200)
                .body("minutes", equalTo(50.0f)).body("transfers", equalTo(1))
                .body("legs.line", contains("Beijing-Tianjin intercity", "Tianjin-Binhai intercity extension"));
        given().get("/api/transport/routes?from=BJS&to=BH&asOf=2016-01-01&modes=hsr&transferMinutes=10").then().statusCode(200)
                .body("minutes", equalTo(60.0f)).body("transferMinutes", equalTo(10.0f))
                .body("legs.minutes", contains(30.0f, 20.0f));
    }

    @Test
    void theModesFilterKeepsToTheGivenModes() {
        // metro BJS-BJW 35 + BJW-BJN 40; no hsr link joins them
        given().get("/api/transport/routes?from=BJS&to=BJN&asOf=2024-01-01&modes=metro").then().statusCode(200)
                .body("minutes", equalTo(75.0f)).body("legs[0].stops", contains("BJS", "BJW", "BJN"));
        given().get("/api/transport/routes?from=BJS&to=BJN&asOf=2024-01-01&modes=hsr").then().statusCode(404);
    }

    @Test
    void anIsochroneListsEveryNodeWithinTheBudgetWithItsTime() {
        JsonPath body = given().get("/api/transport/isochrones?from=BJS&minutes=60&asOf=2024-01-01&modes=hsr&bands=30,60")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Float> expected = Map.of("BJS", 0f, "BJSC", 15f, "LF", 21f, "TJ", 30f, "BD", 35f, "TJW", 38f,
                "TJS", 39f, "BH", 50f, "CZW", 59f, "TS", 60f);
        List<String> ids = body.getList("nodes.id");
        List<Float> minutes = body.getList("nodes.minutes", Float.class);
        assertEquals(expected.size(), ids.size(), "nodes: " + ids);
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(expected.get(ids.get(i)), minutes.get(i), ids.get(i));
        }
        assertEquals(List.of(30, 30, 30, 30, 60, 60, 60, 60, 60, 60), body.getList("nodes.band"));
    }

    @Test
    void theIsochroneAsGeoJsonHasAHullPerBandAndThePoints() {
        given().accept("application/geo+json").get("/api/transport/isochrones?from=BJS&asOf=2024-01-01&modes=hsr&bands=30,60")
                .then().statusCode(200).contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features", hasSize(12))
                .body("features[0].properties.band", equalTo(60))
                .body("features[0].geometry.type", equalTo("Polygon"))
                .body("features[1].properties.band", equalTo(30))
                .body("features[1].properties.nodes", equalTo(4))
                .body("features[1].geometry.coordinates[0]", hasSize(5))
                .body("features[2].geometry.type", equalTo("Point"))
                .body("features[2].properties.minutes", equalTo(0.0f));
    }

    @Test
    void theMatrixGivesEveryPairWithOneSearchPerOrigin() {
        // BJS→CZW 59; BJS→SJZ metro to BJW 35 + 40 + 35 = 110; BJS→QHD via the Beijing-Tangshan intercity 15+20+25+45 = 105
        // TJ→CZW 12+20 = 32; TJ→SJZ via TJW 8+60+35 = 103; TJ→QHD 35+45 = 80
        given().get("/api/transport/matrix?from=BJS,TJ&to=CZW,SJZ,QHD&asOf=2024-01-01").then().statusCode(200)
                .body("from", contains("BJS", "TJ"))
                .body("minutes[0]", contains(59.0f, 110.0f, 105.0f))
                .body("minutes[1]", contains(32.0f, 103.0f, 80.0f))
                .body("distanceKm[0][0]", equalTo(230.0f));
        given().get("/api/transport/matrix?from=BJS&to=CZW&asOf=2010-01-01").then().statusCode(200)
                .body("minutes[0][0]", nullValue());
    }

    @Test
    void accessibilityToBeijingPerRegionAndItsChange() {
        JsonPath body = given().get("/api/transport/accessibility?to=110000&asOf=2024-01-01&compareTo=2010-01-01")
                .then().statusCode(200)
                .body("targetStations", containsInAnyOrder("BJS", "BJW", "BJN", "BJC", "BJSC", "PKX"))
                .extract().jsonPath();
        Map<String, Object> cangzhou = body.getMap("regions.find { it.region == '130900' }");
        assertEquals(59.0f, cangzhou.get("minutes"));
        assertEquals("CZW", cangzhou.get("station"));
        assertEquals(null, cangzhou.get("minutesCompare"));
        // Tianjin's best station became Baodi (BD-BJSC 20) when the Beijing-Tangshan intercity opened; before, TJ-BJS 30
        Map<String, Object> tianjin = body.getMap("regions.find { it.region == '120000' }");
        assertEquals(20.0f, tianjin.get("minutes"));
        assertEquals("BD", tianjin.get("station"));
        assertEquals(30.0f, tianjin.get("minutesCompare"));
        assertEquals(-10.0f, tianjin.get("change"));
        // other tests add nodes in Baoding, Cangzhou and Tianjin, never in Langfang
        Map<String, Object> langfang = body.getMap("regions.find { it.region == '131000' }");
        assertEquals(21.0f, langfang.get("minutes"));
        assertEquals(1, langfang.get("stations"));
        Map<String, Object> beijing = body.getMap("regions.find { it.region == '110000' }");
        assertEquals(0.0f, beijing.get("minutes"));
        Map<String, Object> tianjinSouth = body.getMap("nodes.find { it.id == 'TJS' }");
        assertEquals(39.0f, tianjinSouth.get("minutes"));
        assertEquals("120000", tianjinSouth.get("region"));
        given().get("/api/transport/accessibility?to=110000&asOf=2024-01-01&level=prefecture").then().statusCode(200)
                .body("regions.level.unique()", contains("prefecture"));
    }

    @Test
    void theClusterHsrLengthAtTheEndOfEachYearMatchesTheLinks() {
        // summed by hand from transport-links.csv, hsr links open on 31 December; 2011: BJS, TJ, LF, TJS, CZW, TJW
        List<Float> expected = List.of(120f, 120f, 120f, 378f, 828f, 1088f, 1088f, 1290f, 1290f, 1410f, 1410f, 1629f,
                1729f, 1919f, 2069f, 2069f, 2069f);
        given().get("/api/transport/stats/series?from=2008&to=2024").then().statusCode(200)
                .body("region", equalTo("JJJ")).body("modes", contains("hsr"))
                .body("years.year", hasSize(17))
                .body("years[0].asOf", equalTo("2008-12-31"))
                .body("years.lengthKm", equalTo(expected))
                .body("years[3].stations", equalTo(6));
    }

    @Test
    void statsGroupByModeAndRegionHalveLinksBetweenRegions() {
        given().get("/api/transport/stats?asOf=2024-12-31&groupBy=mode").then().statusCode(200)
                .body("groups.find { it.key == 'hsr' }.lengthKm", equalTo(2069.0f))
                .body("groups.find { it.key == 'hsr' }.stations", equalTo(23))
                .body("groups.find { it.key == 'metro' }.lengthKm", equalTo(38.0f))
                .body("groups.find { it.key == 'metro' }.stations", equalTo(4));
        // 2011 hsr: Beijing 60 + 30, Tianjin 60 + 35 + 50 + 20 + 8, Hebei 30 + 35 + 50
        given().get("/api/transport/stats?asOf=2011-12-31&groupBy=region&modes=hsr").then().statusCode(200)
                .body("lengthKm", equalTo(378.0f))
                .body("groups.find { it.key == '110000' }.lengthKm", equalTo(90.0f))
                .body("groups.find { it.key == '120000' }.lengthKm", equalTo(173.0f))
                .body("groups.find { it.key == '130000' }.lengthKm", equalTo(115.0f))
                .body("groups.find { it.key == '130900' }.stations", equalTo(1));
        given().get("/api/transport/stats?asOf=2012-12-31&groupBy=line&modes=hsr").then().statusCode(200)
                .body("groups.find { it.key == 'hsr/Beijing-Guangzhou HSR' }.lengthKm", equalTo(450.0f));
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        given().get("/api/transport/routes?from=NOPE&to=CZW").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().get("/api/transport/routes?from=BJS&to=CZW&asOf=2024-13-01").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().get("/api/transport/routes?from=BJS&to=CZW&modes=hsr,boat").then().statusCode(400)
                .body("errors[0].field", equalTo("modes"));
        given().get("/api/transport/routes?from=BJS&to=CZW&transferMinutes=-5").then().statusCode(400)
                .body("errors[0].field", equalTo("transferMinutes"));
        given().get("/api/transport/isochrones?from=BJS&minutes=5000").then().statusCode(400)
                .body("errors[0].field", equalTo("minutes"));
        given().get("/api/transport/isochrones?from=BJS&minutes=0").then().statusCode(400);
        given().get("/api/transport/isochrones?from=BJS&minutes=30&bands=20,60").then().statusCode(400)
                .body("errors[0].field", equalTo("bands"));
        given().get("/api/transport/matrix?from=BJS,XX1,XX2&to=TJ").then().statusCode(400)
                .body("errors", hasSize(2)).body("errors[1].message", containsString("XX2"));
        given().get("/api/transport/matrix?from=" + String.join(",", java.util.Collections.nCopies(201, "BJS")) + "&to=TJ")
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().get("/api/transport/accessibility?to=999999").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().get("/api/transport/accessibility?to=110000&level=planet").then().statusCode(400);
        given().get("/api/transport/stats?groupBy=colour").then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().get("/api/transport/stats/series?from=2024&to=2008").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().get("/api/transport/stats/series?from=abc&to=2008").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
