package io.jjj.platform.feeds;

import io.jjj.platform.fixture.Widgets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FeedServiceTest {

    @Inject
    Widgets widgets;

    private static String name() {
        return "w" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse post(String contentType, String body, String query, String key) {
        var request = given().contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/platformtest/feeds/widgets" + query).then();
    }

    @Test
    void anAtomicFeedWithOneBadRowWritesNothingAndNamesEveryBadRow() {
        long before = widgets.count();
        String csv = "name,weight\n" + name() + ",1\n" + name() + ",-2\n" + name() + ",abc\n" + name() + ",4\n";
        post("text/csv", csv, "", null).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.row", contains(3, 4))
                .body("errors.field", contains("weight", "weight"))
                .body("errors[1].message", containsString("not a number"))
                .body("report.received", equalTo(4))
                .body("report.rejected", equalTo(2))
                .body("report.inserted", equalTo(0))
                .body("report.applied", equalTo(false));
        assertEquals(before, widgets.count());
    }

    @Test
    void aPartialFeedAppliesTheGoodRowsAndReportsTheRest() {
        long before = widgets.count();
        String csv = "name,weight\n" + name() + ",1\n,2\n" + name() + ",-1\n" + name() + ",\"3.5\"\n";
        post("text/csv", csv, "?mode=partial", null).statusCode(200)
                .body("received", equalTo(4))
                .body("inserted", equalTo(2))
                .body("rejected", equalTo(2))
                .body("events", equalTo(2))
                .body("errors.row", contains(3, 4))
                .body("errors[0].field", equalTo("name"));
        assertEquals(before + 2, widgets.count());
    }

    @Test
    void rowsAreAppliedInChunksAndCountedAsInsertedOrUpdated() {
        StringBuilder csv = new StringBuilder("name,weight\n");
        String prefix = name();
        for (int i = 0; i < 20; i++) {
            csv.append(prefix).append('-').append(i).append(',').append(i).append('\n');
        }
        post("text/csv", csv.toString(), "", null).statusCode(200).body("inserted", equalTo(20)).body("updated", equalTo(0));
        post("text/csv", csv.toString(), "", null).statusCode(200).body("inserted", equalTo(0)).body("updated", equalTo(20));
    }

    @Test
    void ndjsonFeedsWork_andBadLinesAreNamed() {
        String a = name();
        String body = "{\"name\":\"" + a + "\",\"weight\":2}\n{\"name\":\"x\",\"colour\":\"red\"}\nnot json\n";
        post("application/x-ndjson", body, "?mode=partial", null).statusCode(200)
                .body("inserted", equalTo(1))
                .body("errors.row", contains(2, 3))
                .body("errors[0].field", equalTo("colour"))
                .body("errors[1].message", containsString("malformed JSON"));
    }

    @Test
    void theSameKeyAndBodyReturnTheSameReportAndApplyNothingTwice() {
        String key = UUID.randomUUID().toString();
        String csv = "name,weight\n" + name() + ",1\n" + name() + ",2\n";
        post("text/csv", csv, "", key).statusCode(200).body("inserted", equalTo(2)).body("replayed", equalTo(false));
        long after = widgets.count();
        post("text/csv", csv, "", key).statusCode(200).body("inserted", equalTo(2)).body("replayed", equalTo(true));
        assertEquals(after, widgets.count());
        post("text/csv", csv + name() + ",3\n", "", key).statusCode(422)
                .body("detail", containsString("different body"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(after, widgets.count());
    }

    @Test
    void headerProblemsAreReportedBeforeAnyRow() {
        post("text/csv", "nom,weight\nx,1\n", "", null).statusCode(422)
                .body("errors.field", contains("nom", "name"));
        post("text/csv", "", "", null).statusCode(422).body("errors[0].message", containsString("empty"));
    }

    @Test
    void malformedCsvIsARowError() {
        post("text/csv", "name,weight\n" + name() + ",1\n\"broken,2\n", "", null).statusCode(422)
                .body("errors[0].row", equalTo(3))
                .body("errors[0].message", containsString("unterminated"));
    }

    @Test
    void overTheRowLimitIs413() {
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 0; i < 1001; i++) {
            csv.append("limit-").append(i).append('\n');
        }
        long before = widgets.count();
        post("text/csv", csv.toString(), "", null).statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("1000 rows"));
        assertEquals(before, widgets.count());
    }

    @Test
    void anUnsupportedContentTypeIs415AndAnUnknownModeIs400() {
        given().contentType("application/xml").body("<a/>").when().post("/api/platformtest/feeds/widgets")
                .then().statusCode(415).contentType("application/problem+json");
        post("text/csv", "name\nx\n", "?mode=sometimes", null).statusCode(400)
                .body("errors[0].field", equalTo("mode"));
    }

    @Test
    void errorListsAreCappedButCountsStayExact() {
        StringBuilder csv = new StringBuilder("name,weight\n");
        for (int i = 0; i < 999; i++) {
            csv.append("cap-").append(i).append(",-1\n");
        }
        post("text/csv", csv.toString(), "?mode=partial", null).statusCode(200)
                .body("rejected", equalTo(999))
                .body("errors", hasSize(100))
                .body("errorsTruncated", equalTo(true));
    }
}
