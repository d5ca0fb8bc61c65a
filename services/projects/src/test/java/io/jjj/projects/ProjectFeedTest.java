package io.jjj.projects;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.SignedRequests;
import io.jjj.testkit.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.jjj.projects.Projects.writer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectFeedTest {

    private static final String HEADER = "ref,name_en,kind,sector,origin,destination,status,signed,operational,investment_cny_100m,jobs,area_km2,metrics,source\n";

    @Inject
    PlatformConfig config;

    private ValidatableResponse feed(String csv, String mode, String key) {
        var request = given().filter(writer(config)).contentType("text/csv").body(csv);
        if (mode != null) {
            request.queryParam("mode", mode);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/projects/feeds/projects").then();
    }

    private List<String> refsWithSector(String sector) {
        return given().queryParam("sector", sector).queryParam("sort", "ref").when().get("/api/projects")
                .then().statusCode(200).extract().jsonPath().getList("items.ref");
    }

    @Test
    void atomicFeedsWriteNothingWhenARowIsBadAndNameEveryBadRow() {
        String s = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER
                + s + "-a,Good one,science-park," + s + ",110108,130100,operational,2015,,,,,,T\n"
                + s + "-b,Unknown place,science-park," + s + ",110108,999999,operational,,,,,,,T\n"
                + s + "-c,Same place,relocation," + s + ",130100,130100,signed,,,,,,,T\n"
                + s + "-d,Negative,science-park," + s + ",110108,130100,signed,,,-5,-3,,,T\n"
                + s + "-e,Out of order,science-park," + s + ",110108,130100,operational,2016-05-01,2015,,,,,T\n"
                + s + "-f,Bad metrics,science-park," + s + ",110108,130100,operational,,,,,,\"firms=many;broken\",T\n";
        feed(csv, null, null).statusCode(422).contentType("application/problem+json")
                .body("report.rejected", equalTo(5))
                .body("report.inserted", equalTo(0))
                .body("errors.find { it.row == 3 }.field", equalTo("destination"))
                .body("errors.find { it.row == 4 }.field", equalTo("destination"))
                .body("errors.findAll { it.row == 5 }.field", contains("investment_cny_100m", "jobs"))
                .body("errors.find { it.row == 6 }.field", equalTo("operational"))
                .body("errors.findAll { it.row == 7 }.field", contains("metrics", "metrics"))
                .body("errors.findAll { it.row == 7 }.message", hasItem(containsString("'broken' is not key=value")));
        assertEquals(List.of(), refsWithSector(s));

        feed(csv, "partial", null).statusCode(200).body("inserted", equalTo(1)).body("rejected", equalTo(5))
                .body("errors", hasSize(7));
        assertEquals(List.of(s + "-a"), refsWithSector(s));
    }

    @Test
    void aKnownRefUpdatesTheProjectAndRecordsItInHistory() {
        String s = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = new TopicProbe("jjj.projects.v1")) {
            feed(HEADER + s + "-x,Logistics park,market-relocation," + s + ",110106,130684,signed,2016,,10,,,\"traders=100\",T\n", null, null)
                    .statusCode(200).body("inserted", equalTo(1)).body("events", equalTo(1));
            String id = given().queryParam("sector", s).when().get("/api/projects").then().extract().path("items[0].id");

            feed(HEADER + s + "-x,Logistics park,market-relocation," + s + ",110106,130684,approved,,,12,800,,\"traders=150\",T\n", null, null)
                    .statusCode(200).body("updated", equalTo(1)).body("events", equalTo(2));
            given().when().get("/api/projects/" + id).then().statusCode(200)
                    .body("status", equalTo("approved")).body("signed", equalTo("2016-01-01"))
                    .body("investmentCny100m", equalTo(12)).body("jobs", equalTo(800)).body("metrics.traders", equalTo(150));
            given().when().get("/api/projects/" + id + "/history").then().statusCode(200)
                    .body("changes.channel", contains("feed", "feed"))
                    .body("changes[1].change", equalTo("status-changed"))
                    .body("changes[1].fields.jobs.to", equalTo(800))
                    .body("changes[1].fields.investmentCny100m.from", equalTo(10));
            List<TopicProbe.Received> events = probe.awaitAtLeast(3, r -> r.subject().equals(id));
            assertEquals(List.of("jjj.projects.project.registered.v1", "jjj.projects.project.updated.v1",
                    "jjj.projects.project.status-changed.v1"), events.stream().map(TopicProbe.Received::type).toList());
        }

        feed(HEADER + s + "-x,Logistics park,market-relocation," + s + ",110106,130684,completed,,,,,,,T\n", null, null)
                .statusCode(422).body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("allowed next: under-construction, suspended, cancelled"));
    }

    @Test
    void aReplayedFeedAnswersTheFirstReportAndAppliesNothingTwice() {
        String s = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + s + "-r,Replayed,science-park," + s + ",110108,130300,operational,,,,,,,T\n";
        String key = "key-" + s;
        feed(csv, null, key).statusCode(200).body("inserted", equalTo(1)).body("replayed", equalTo(false));
        feed(csv, null, key).statusCode(200).body("inserted", equalTo(1)).body("replayed", equalTo(true));
        feed(csv.replace("Replayed", "Other"), null, key).statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        String id = given().queryParam("sector", s).when().get("/api/projects").then().body("total", equalTo(1))
                .extract().path("items[0].id");
        given().when().get("/api/projects/" + id + "/history").then().body("changes", hasSize(1));
    }

    @Test
    void ndjsonFeedsAndUnknownColumnsAreHandled() {
        String s = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        given().filter(writer(config)).contentType("application/x-ndjson")
                .body(("{\"ref\": \"" + s + "-n\", \"name_en\": \"Campus\", \"kind\": \"public-service\", \"sector\": \"" + s
                        + "\", \"origin\": \"110000\", \"destination\": \"133100\", \"status\": \"planned\", \"organisations\": \"BJFU;Xiong'an Group\"}\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/projects/feeds/projects").then().statusCode(200).body("inserted", equalTo(1));
        given().queryParam("sector", s).when().get("/api/projects").then()
                .body("items[0].status", equalTo("proposed"))
                .body("items[0].organisations", contains("BJFU", "Xiong'an Group"));
        feed("ref,name_en,kind,destination,colour\nx,y,science-park,130100,red\n", null, null).statusCode(422)
                .body("errors[0].field", equalTo("colour"));
        feed("ref,name_en,kind,destination,investment_cny_100m,metrics\n" + s + "-h,y,science-park,130100,1e999999,\"a=1e999999\"\n", null, null)
                .statusCode(422).body("errors.field", containsInAnyOrder("metrics", "investment_cny_100m"));
        given().contentType("text/csv").body(HEADER).when().post("/api/projects/feeds/projects").then().statusCode(401);
    }

    @Test
    void aFeedSentWithPreferRespondAsyncIsPolledAtItsLocationUntilItsReport() {
        String s = "async-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + s + "-a,Async one,science-park," + s + ",110108,130100,operational,2015,,,,,,T\n"
                + s + "-b,Async two,science-park," + s + ",110108,120115,signed,,,,,,,T\n";
        var accepted = given().filter(writer(config)).header("Prefer", "respond-async")
                .contentType("text/csv").body(csv).when().post("/api/projects/feeds/projects").then().statusCode(202).extract();
        String location = accepted.header("Location");
        assertEquals("/api/projects/feeds/runs/" + accepted.jsonPath().getString("id"), location);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                "succeeded".equals(given().filter(writer(config)).when().get(location).then().statusCode(200).extract().jsonPath().getString("state")));
        given().filter(writer(config)).when().get(location).then().statusCode(200)
                .body("feed", equalTo("projects"))
                .body("report.inserted", equalTo(2))
                .body("report.events", equalTo(2));
        assertEquals(List.of(s + "-a", s + "-b"), refsWithSector(s));
    }

    @Test
    void aFeedNeedsTheProjectsWriteScopeAndAKnownKind() {
        given().filter(SignedRequests.header(GatewayToken.HEADER, (method, path) -> GatewayToken.issue(
                        config.security().tokenSecret().orElseThrow(), "test", List.of("transport:write"),
                        new GatewayToken.Call("projects", method, path), Duration.ofMinutes(1))))
                .contentType("text/csv").body(HEADER).when().post("/api/projects/feeds/projects").then().statusCode(403)
                .contentType("application/problem+json");
        given().filter(writer(config)).contentType("text/csv").body(HEADER).when().post("/api/projects/feeds/project")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
