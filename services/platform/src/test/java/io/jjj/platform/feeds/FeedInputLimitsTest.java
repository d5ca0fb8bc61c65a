package io.jjj.platform.feeds;

import io.jjj.platform.fixture.Widgets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Feed bodies are read within caps on field length, line length and columns, and refused by line and column. */
@QuarkusTest
@TestProfile(FeedInputLimitsTest.AnsweredAtOnce.class)
class FeedInputLimitsTest {

    /** The bodies here exceed the test application's small async threshold; their answers are wanted at once. */
    public static class AnsweredAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jjj.feeds.async-above-bytes", "10000000");
        }
    }

    @Inject
    Widgets widgets;

    private static ValidatableResponse post(String contentType, String body) {
        return given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/platformtest/feeds/widgets").then()
                .contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")));
    }

    @Test
    void anOverlongCsvFieldIsRefusedNamingItsLineAndColumn() {
        long before = widgets.count();
        post("text/csv", "name,weight\nok,1\nlong," + "9".repeat(10_001) + "\n").statusCode(422)
                .body("errors[0].row", equalTo(3))
                .body("errors[0].field", equalTo("weight"))
                .body("errors[0].message", containsString("longer than 10000 characters"));
        assertEquals(before, widgets.count());
    }

    @Test
    void anOverlongCsvRecordIsRefusedNamingItsLine() {
        String cells = IntStream.range(0, 90).mapToObj(i -> "x".repeat(2_000)).collect(Collectors.joining(","));
        post("text/csv", "name\n" + cells + "\n").statusCode(422)
                .body("errors[0].row", equalTo(2))
                .body("errors[0].message", containsString("longer than 100000 characters"));
    }

    @Test
    void aHeaderWithTwoThousandUnknownColumnsGetsOneBoundedAnswer() {
        String header = "name," + IntStream.range(0, 2_000).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        post("text/csv", header + "\nx\n").statusCode(422)
                .body("errors", hasSize(lessThanOrEqualTo(100)))
                .body("errors[0].row", equalTo(1))
                .body("errors[0].message", containsString("more than 100 fields"));
    }

    @Test
    void controlCharactersAndNonFiniteValuesInCellsAreRowErrors() {
        long before = widgets.count();
        post("text/csv", "name,weight\na\u0000b,1\nc,1e999999999\nd,NaN\ne,Infinity\n").statusCode(422)
                .body("errors.row", hasItem(2))
                .body("errors.field", hasItem("name"))
                .body("errors.message", hasItem(containsString("U+0000")))
                .body("errors.message", hasItem(containsString("out of range")))
                .body("report.rejected", equalTo(4));
        assertEquals(before, widgets.count());
    }

    @Test
    void anOverlongNdjsonLineIsARowErrorAndTheNextLinesAreStillRead() {
        String body = "{\"name\":\"" + "y".repeat(100_001) + "\"}\n{\"name\":\"fine\",\"weight\":1}\n{\"name\":\"z\\u0007\"}\n";
        post("application/x-ndjson", body).statusCode(422)
                .body("errors.row", org.hamcrest.Matchers.contains(1, 3))
                .body("errors[0].message", containsString("longer than 100000 characters"))
                .body("errors[1].field", equalTo("name"))
                .body("report.received", equalTo(3));
    }

    @Test
    void anNdjsonObjectWithTooManyFieldsOrAnOverlongValueIsARowError() {
        String wide = IntStream.range(0, 101).mapToObj(i -> "\"c" + i + "\":1").collect(Collectors.joining(",", "{", "}"));
        post("application/x-ndjson", wide + "\n{\"name\":\"" + "v".repeat(10_001) + "\"}\n").statusCode(422)
                .body("errors[0].row", equalTo(1))
                .body("errors[0].message", containsString("at most 100"))
                .body("errors[1].row", equalTo(2))
                .body("errors[1].field", equalTo("name"));
    }
}
