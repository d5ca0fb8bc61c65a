package io.jjj.projects;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Loads the reference file {@code deploy/data/projects.csv} as it is and checks flows and stats against sums
 * worked out by hand from that file. The database is shared with the other tests, so each figure is the
 * difference the load made. This is the only test that feeds the reference file.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ReferenceDataTest {

    @Inject
    PlatformConfig config;

    @Test
    void theReferenceFileLoadsAsItIsAndAddsUpToTheHandSums() throws IOException {
        String csv = Files.readString(Path.of("../../deploy/data/projects.csv"));
        Map<String, BigDecimal> countsBefore = cells("count", "province", null, null);
        Map<String, BigDecimal> investmentBefore = cells("investment", "province", null, null);
        Map<String, BigDecimal> jobsBefore = cells("jobs", "province", null, null);
        Map<String, BigDecimal> in2014Before = cells("count", "province", "2014", "2014");
        Map<String, BigDecimal> prefecturesBefore = cells("count", "prefecture", null, null);
        Map<String, Long> kindsBefore = stats("kind");
        Map<String, Long> statusesBefore = stats("status");
        Map<String, Long> yearsBefore = stats("year");

        given().filter(Projects.writer(config)).contentType("text/csv").body(csv)
                .when().post("/api/projects/feeds/projects")
                .then().statusCode(200)
                .body("received", equalTo(20)).body("inserted", equalTo(20)).body("rejected", equalTo(0))
                .body("events", equalTo(20));

        String baodi = given().when().get("/api/projects?q=Baodi&size=100").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.ref == 'baodi-zgc-science-town' }.id");
        given().when().get("/api/projects/" + baodi).then().statusCode(200)
                .body("ref", equalTo("baodi-zgc-science-town"))
                .body("sources", org.hamcrest.Matchers.contains("BR2024"))
                .body("citations.BR2024", org.hamcrest.Matchers.startsWith("Yuan Yuan, Progress of Beijing-Tianjin-Hebei's integrated development"));

        Map<String, BigDecimal> counts = delta(cells("count", "province", null, null), countsBefore);
        assertEquals(Map.of("110000>130000", bd(16), "110000>120000", bd(1), "130000>110000", bd(1),
                "110000>110000", bd(1), "110000>JJJ", bd(1)), counts);
        assertEquals(Map.of("110000>120000", bd(176), "110000>JJJ", bd(1000)),
                delta(cells("investment", "province", null, null), investmentBefore));
        assertEquals(Map.of("110000>130000", bd(8500), "110000>120000", bd(10000)),
                delta(cells("jobs", "province", null, null), jobsBefore));
        assertEquals(Map.of("110000>130000", bd(4)), delta(cells("count", "province", "2014", "2014"), in2014Before));
        Map<String, BigDecimal> prefectures = new HashMap<>();
        prefectures.put("110000>130200", bd(4));
        prefectures.put("110000>130600", bd(1));
        prefectures.put("110000>133100", bd(4));
        prefectures.put("110000>130900", bd(2));
        prefectures.put("110000>131000", bd(2));
        prefectures.put("110000>130800", bd(1));
        prefectures.put("110000>130100", bd(1));
        prefectures.put("110000>130300", bd(1));
        prefectures.put("110000>120000", bd(1));
        prefectures.put("130200>110000", bd(1));
        prefectures.put("110000>110000", bd(1));
        prefectures.put("110000>JJJ", bd(1));
        assertEquals(prefectures, delta(cells("count", "prefecture", null, null), prefecturesBefore));

        assertEquals(Map.of("relocation", 1L, "science-park", 5L, "industrial-transfer", 2L, "market-relocation", 2L,
                "public-service", 7L, "infrastructure", 1L, "cooperation-zone", 1L, "signing-batch", 1L),
                deltaLong(stats("kind"), kindsBefore));
        assertEquals(Map.of("operational", 12L, "approved", 1L, "proposed", 5L, "signed", 2L),
                deltaLong(stats("status"), statusesBefore));
        assertEquals(Map.of("2003", 1L, "2013", 1L, "2014", 4L, "2023", 1L, "none", 13L),
                deltaLong(stats("year"), yearsBefore));

        JsonPath shougang = given().queryParam("q", "Shougang Jingtang").when().get("/api/projects")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("2003-01-01", shougang.getString("items[0].signed"));
        assertEquals("2014-05", shougang.getString("items[0].metrics.turned_profitable"));
        assertEquals(8.56f, shougang.getFloat("items[0].metrics.land_released_in_beijing_km2"));
        assertEquals(118.46f, shougang.getFloat("items[0].location.lon"), "the destination's point by default");
        assertEquals(39.273f, shougang.getFloat("items[0].location.lat"));

        given().filter(Projects.writer(config)).contentType("text/csv").body(csv)
                .when().post("/api/projects/feeds/projects")
                .then().statusCode(200).body("inserted", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(20)).body("events", equalTo(0));
        assertEquals(counts, delta(cells("count", "province", null, null), countsBefore));
    }

    private Map<String, BigDecimal> cells(String measure, String level, String from, String to) {
        var request = given().queryParam("measure", measure).queryParam("level", level);
        if (from != null) {
            request.queryParam("from", from).queryParam("to", to);
        }
        List<Map<String, Object>> flows = request.when().get("/api/projects/flows").then().statusCode(200)
                .extract().jsonPath().getList("flows");
        Map<String, BigDecimal> out = new HashMap<>();
        flows.forEach(f -> out.put(f.get("origin") + ">" + f.get("destination"), new BigDecimal(f.get("value").toString())));
        return out;
    }

    private Map<String, Long> stats(String groupBy) {
        List<Map<String, Object>> groups = given().queryParam("groupBy", groupBy).when().get("/api/projects/stats")
                .then().statusCode(200).extract().jsonPath().getList("groups");
        Map<String, Long> out = new HashMap<>();
        groups.forEach(g -> out.put(g.get("key") == null ? "none" : g.get("key").toString(), ((Number) g.get("projects")).longValue()));
        return out;
    }

    private static Map<String, BigDecimal> delta(Map<String, BigDecimal> after, Map<String, BigDecimal> before) {
        Map<String, BigDecimal> out = new HashMap<>();
        after.forEach((k, v) -> {
            BigDecimal d = v.subtract(before.getOrDefault(k, BigDecimal.ZERO));
            if (d.signum() != 0) {
                out.put(k, d.stripTrailingZeros());
            }
        });
        return out;
    }

    private static Map<String, Long> deltaLong(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    private static BigDecimal bd(long v) {
        return BigDecimal.valueOf(v).stripTrailingZeros();
    }

}
