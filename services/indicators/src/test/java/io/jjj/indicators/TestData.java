package io.jjj.indicators;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.SignedRequests;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The default data set of the repository (deploy/data), loaded through the feeds, and helpers for writes. */
final class TestData {

    static final Path DATA = Path.of("../../deploy/data");

    private TestData() {
    }

    /** JSON numbers as BigDecimal, so values compare exactly. */
    static RequestSpecification read() {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    /** Matches a JSON number equal in value to {@code expected}, whatever type the JSON path gave it. */
    static org.hamcrest.Matcher<Object> num(String expected) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new java.math.BigDecimal(actual.toString()).compareTo(new java.math.BigDecimal(expected)) == 0;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a number equal to " + expected);
            }
        };
    }

    static SignedRequests writer(PlatformConfig config) {
        return SignedRequests.header(GatewayToken.HEADER, (method, path) -> GatewayToken.issue(config.security().tokenSecret().orElseThrow(),
                "test", List.of("indicators:write"), new GatewayToken.Call("indicators", method, path), Duration.ofMinutes(1)));
    }

    static RequestSpecification write(PlatformConfig config) {
        return read().filter(writer(config));
    }

    static String file(String name) {
        try {
            return Files.readString(DATA.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the catalogue and the observations of deploy/data; a second load changes nothing. */
    static void loadDefaults(PlatformConfig config) {
        feed(config, "/api/indicators/feeds/catalogue", file("indicators.csv"), "").statusCode(200);
        feed(config, "/api/indicators/feeds/observations", file("observations.csv"), "").statusCode(200);
    }

    static ValidatableResponse feed(PlatformConfig config, String path, String csv, String query) {
        return write(config).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post(path + query).then();
    }

    /** A new annual indicator in CNY 100 million (additive) or percent, with a unique code. */
    static String newIndicator(PlatformConfig config, String unit, String frequency) {
        String code = "test.i" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        feed(config, "/api/indicators/feeds/catalogue", "code,name_en,unit,frequency\n" + code + ",Test indicator," + unit + "," + frequency + "\n", "")
                .statusCode(200);
        return code;
    }
}
