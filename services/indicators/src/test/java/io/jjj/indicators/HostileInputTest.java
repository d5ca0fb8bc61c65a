package io.jjj.indicators;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.HostileInput;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.jjj.indicators.TestData.read;
import static io.jjj.testkit.HostileInput.refused;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every read endpoint under hostile parameters, and hostile writes: 4xx problems naming the field, nothing written. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    @Inject
    PlatformConfig config;

    @BeforeEach
    void data() {
        TestData.loadDefaults(config);
    }

    @Test
    void noReadEndpointAnswers5xxToHostileParameters() {
        Map<String, String> observations = new LinkedHashMap<>();
        observations.put("indicator", "va.tertiary.share");
        observations.put("region", "110000,120000");
        observations.put("from", "2010");
        observations.put("to", "2013");
        observations.put("latest", "2");
        observations.put("asOf", "2020-01-01");
        observations.put("transform", "gap:110000");
        observations.put("page", "0");
        observations.put("size", "10");
        observations.put("format", "json");
        int sent = HostileInput.probe("/api/observations", Map.of(), observations);
        sent += HostileInput.probe("/api/observations/{indicator}/{region}/{period}/history",
                Map.of("indicator", "va.tertiary", "region", "110000", "period", "2013"), Map.of());
        sent += HostileInput.probe("/api/indicators", Map.of(), Map.of("frequency", "annual", "q", "tertiary", "page", "0", "size", "10"));
        sent += HostileInput.probe("/api/indicators/{code}", Map.of("code", "va.tertiary"), Map.of());
        sent += HostileInput.probe("/api/indicators/sources/{id}", Map.of("id", "TANG2018"), Map.of());
        sent += HostileInput.probe("/api/regions", Map.of(), Map.of("level", "prefecture", "parent", "130000"));
        sent += HostileInput.probe("/api/regions/{code}", Map.of("code", "133100"), Map.of());
        assertEquals(22 * HostileInput.VALUES.size(), sent, "every path and query parameter got every hostile value");
    }

    @Test
    void theNamedParameterIsRefused() {
        refused(given().urlEncodingEnabled(false).get("/api/indicators/va.%00tertiary").then(), 400, "code");
        refused(given().urlEncodingEnabled(false).get("/api/observations?indicator=va.tertiary&region=11%000000").then(), 400, "region");
        refused(given().queryParam("indicator", "va.tertiary").queryParam("asOf", "+5874898-01-01").get("/api/observations").then(),
                400, "asOf").body("detail", containsString("1900-01-01 to 2200-12-31"));
        refused(given().get("/api/indicators?page=2147483647&size=1000").then(), 400, "page");
    }

    @Test
    void hostileDefinitionsAreRefusedByFieldAndWriteNothing() {
        String code = "test.hostile" + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"nameEn\":\"%s\",\"unit\":\"%s\",\"frequency\":\"annual\",\"description\":\"%s\"}";
        refused(put(code, String.format(body, "a\\u0000b", "count", "d")), 400, "nameEn");
        refused(put(code, String.format(body, "n".repeat(501), "count", "d")), 400, "nameEn");
        refused(put(code, String.format(body, "n", "CNY" + " ".repeat(100_000) + "million", "d")), 400, "unit");
        refused(put(code, String.format(body, "n", "count", "d".repeat(5_001))), 400, "description");
        read().get("/api/indicators/" + code).then().statusCode(404);
    }

    @Test
    void hostileObservationRowsAreRefusedByLineAndColumn() {
        String csv = "indicator,region,period,value,note\n"
                + "va.tertiary,110000,2013,1e999999999,\n"
                + "va.tertiary,110000,2013,NaN,\n"
                + "va.tertiary,110000,2013,1,a\u0000b\n"
                + "va.tertiary,110000,2013,1," + "n".repeat(5_001) + "\n";
        TestData.feed(config, "/api/indicators/feeds/observations", csv, "").statusCode(422).contentType("application/problem+json")
                .body("errors.row", org.hamcrest.Matchers.contains(2, 3, 4, 5))
                .body("errors.field", org.hamcrest.Matchers.contains("value", "value", "note", "note"))
                .body("report.applied", equalTo(false));
        String header = "indicator,region,period,value," + "x,".repeat(1_999) + "x";
        TestData.feed(config, "/api/indicators/feeds/observations", header + "\n", "").statusCode(422).contentType("application/problem+json")
                .body("errors.size()", equalTo(1))
                .body("errors.message", hasItem(containsString("more than 100 fields")));
    }

    private io.restassured.response.ValidatableResponse put(String code, String json) {
        return TestData.write(config).contentType("application/json").body(json).put("/api/indicators/" + code).then();
    }
}
