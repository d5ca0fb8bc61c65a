package io.jjj.indicators;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.SignedRequests;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The regions feed: admin only, rows validated with line and column, and a change of the divisions taken up through
 * its event, without a restart, by the reference every query and feed of the service uses. Its regions are dated far
 * ahead, so the reference of today that other tests read is the same.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RegionsFeedTest {

    private static final String FEED = "/api/indicators/feeds/regions";
    private static final String HEADER = "code,name_en,name_zh,level,parent,valid_from,lon,lat,point_source,source,source_citation,predecessors,change_kind\n";

    @Inject
    PlatformConfig config;

    private ValidatableResponse feed(List<String> scopes, String csv) {
        return given().filter(SignedRequests.header(GatewayToken.HEADER, (method, path) -> GatewayToken.issue(
                        config.security().tokenSecret().orElseThrow(), "test", scopes,
                        new GatewayToken.Call("indicators", method, path), Duration.ofMinutes(1))))
                .contentType("text/csv").body(csv).when().post(FEED).then();
    }

    @Test
    void onlyTheAdminScopeMayFeedRegions() {
        feed(List.of("indicators:write"), HEADER + "130197,Test District,测试区,county,130100,2190-01-01,,,,NBS2023,,,\n")
                .statusCode(403);
        given().contentType("text/csv").body(HEADER).when().post(FEED).then().statusCode(401);
    }

    @Test
    void badRowsAreNamedWithLineAndColumn() {
        feed(List.of("admin"), HEADER
                + "13019,Short,短,county,130100,,,,,NBS2023,,,\n"
                + "130196,Orphan,孤,county,999900,,,,,NBS2023,,,\n"
                + "130195,Pointed,点,county,130100,,115.1,38.2,,NBS2023,,,\n"
                + "130194,Uncited,无,county,130100,,,,,NOPE,,,\n"
                + "130193,Undated merge,并,county,130100,,,,,NBS2023,,130102;130104,merge\n"
                + "NaN,Dated merge,并,county,130100,2024-01-01,,,,NBS2023,,130102;130104,merge\n")
                .statusCode(422)
                .body("errors.row", contains(2, 3, 4, 5, 6, 7))
                .body("errors.field", contains("code", "parent", "point_source", "source", "valid_from", "code"))
                .body("errors[1].message", containsString("unknown region '999900'"));
    }

    @Test
    void aMergeFedWithItsDateIsTakenUpWithoutARestartAndRetiresItsPredecessors() {
        String csv = HEADER + "130198,Test New District,测试新区,county,130100,2190-01-01,,,,GOVTEST,\"Test gazette, 2189-12-01\",130102;130104,merge\n";
        feed(List.of("admin"), csv).statusCode(200)
                .body("inserted", equalTo(1)).body("events", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/api/regions/130198").then().statusCode(200)
                .body("region.validFrom", equalTo("2190-01-01"))
                .body("changes[0].predecessors", contains("130102", "130104"))
                .body("changes[0].kind", equalTo("merge")));
        given().when().get("/api/regions/130102").then().statusCode(200).body("region.validTo", equalTo("2190-01-01"));
        given().when().get("/api/regions/changes").then().statusCode(200).body("sources.GOVTEST", equalTo("Test gazette, 2189-12-01"));
        given().when().get("/api/regions?parent=130100&name=test&asOf=2190-06-01").then().statusCode(200)
                .body("items.code", contains("130198"));
        String indicator = TestData.newIndicator(config, "CNY 100 million", "annual");
        TestData.feed(config, "/api/indicators/feeds/observations", "indicator,region,period,value\n" + indicator + ",130104,2191,1\n", "")
                .statusCode(422).body("errors[0].message", containsString("use its successor 130198 (Test New District)"));
        feed(List.of("admin"), csv).statusCode(200).body("unchanged", equalTo(1)).body("events", equalTo(0));
    }
}
