package io.jjj.platform.feeds;

import io.jjj.platform.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FeedEndpointTest {

    private static final String WIDGETS = "paths.'/api/platformtest/feeds/widgets'.post";

    @Inject
    FeedService feeds;

    @Test
    void aKindTheServiceDoesNotTakeIsA404Problem() {
        given().contentType("text/csv").body("name\nx\n").when().post("/api/platformtest/feeds/gadgets")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void theFeedServiceRefusesAKindWithoutAHandlerBean() {
        ProblemException e = assertThrows(ProblemException.class, () -> feeds.submit("gadgets",
                new ByteArrayInputStream("name\nx\n".getBytes(StandardCharsets.UTF_8)), new FeedParameters()));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("gadgets"), e.getMessage());
    }

    @Test
    void everyFeedOperationIsDocumentedWithItsOwnRequestAndTheAnswersAllFeedsShare() {
        given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .body(WIDGETS + ".operationId", equalTo("feedWidgets"))
                .body(WIDGETS + ".requestBody.content.'text/csv'.examples.csv.value", containsString("name,weight"))
                .body(WIDGETS + ".requestBody.content.'application/x-ndjson'.examples.ndjson.value.name", equalTo("sprocket"))
                .body(WIDGETS + ".parameters.name", hasItems("mode", "Idempotency-Key", "Prefer"))
                .body(WIDGETS + ".parameters.name", not(hasItems("Content-Type")))
                .body(WIDGETS + ".responses.keySet()", hasItems("200", "202", "400", "401", "403", "413", "415", "422"))
                .body(WIDGETS + ".responses.'200'.content.'application/json'.schema.$ref", equalTo("#/components/schemas/FeedReport"))
                .body(WIDGETS + ".responses.'202'.headers.Location", notNullValue())
                .body(WIDGETS + ".responses.'422'.content.'application/problem+json'.schema.$ref", equalTo("#/components/schemas/Problem"))
                .body("components.schemas.FeedReport", notNullValue())
                .body("components.schemas.FeedRun", notNullValue())
                .body("paths.'/api/platformtest/feeds/runs/{id}'.get.operationId", equalTo("getFeedRun"));
    }
}
