package io.jjj.projects;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jjj.projects.Projects.created;
import static io.jjj.projects.Projects.writer;
import static io.jjj.projects.Projects.uniqueRef;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectWritesTest {

    @Inject
    PlatformConfig config;

    private String body(String ref, String extra) {
        return """
                {"ref": "%s", "nameEn": "Pharmaceutical plant to Cangzhou", "nameZh": "医药基地", "kind": "industrial-transfer",
                 "sector": "pharmaceuticals", "chain": "biomedicine", "origin": "110000", "destination": "130900",
                 "organisations": ["Beijing Pharma Group"], "investment": {"amount": 2, "currency": "USD", "basis": "pledged"},
                 "jobs": 1200, "metrics": {"firms": 90}, "signed": "2015-04-01", "status": "signed", "sources": ["TEST"]%s}
                """.formatted(ref, extra);
    }

    @Test
    void aWriteWithoutTheGatewayTokenIs401() {
        given().contentType("application/json").body(body(uniqueRef("no-token"), ""))
                .when().post("/api/projects").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void createAssignsAnIdAndNormalisesTheInvestment() {
        String ref = uniqueRef("create");
        String id = Projects.create(config, body(ref, "")).statusCode(201)
                .header("Location", matchesPattern("/api/projects/P-\\d{6}"))
                .header("ETag", equalTo("\"1\""))
                .body("id", matchesPattern("P-\\d{6}"))
                .body("investmentCny100m", equalTo(13.8f))
                .body("signedYear", equalTo(2015))
                .body("location.lon", equalTo(116.839f))
                .extract().path("id");
        given().when().get("/api/projects/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("ref", equalTo(ref)).body("status", equalTo("signed")).body("metrics.firms", equalTo(90));
        Projects.create(config, body(ref, "")).statusCode(409).body("detail", containsString(ref));
        given().when().get("/api/projects/P-999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badInputIsA400NamingTheField() {
        record Case(String json, String field) {
        }
        List<Case> cases = List.of(
                new Case(body(uniqueRef("bad"), "").replace("\"130900\"", "\"999999\""), "destination"),
                new Case(body(uniqueRef("bad"), "").replace("\"130900\"", "\"110000\""), "destination"),
                new Case(body(uniqueRef("bad"), "").replace("\"amount\": 2", "\"amount\": -2"), "investment.amount"),
                new Case(body(uniqueRef("bad"), "").replace("\"jobs\": 1200", "\"jobs\": -5"), "jobs"),
                new Case(body(uniqueRef("bad"), "").replace("\"USD\"", "\"XYZ\""), "investment.currency"),
                new Case(body(uniqueRef("bad"), ", \"operational\": \"2014-03-01\""), "operational"),
                new Case(body(uniqueRef("bad"), "").replace("{\"firms\": 90}", "{\"firms\": \"many\"}"), "metrics.firms"),
                new Case(body(uniqueRef("bad"), "").replace("\"signed\": \"2015-04-01\"", "\"signed\": \"April 2015\""), "signed"),
                new Case(body(uniqueRef("bad"), "").replace("\"status\": \"signed\"", "\"status\": \"dreaming\""), "status"),
                new Case(body(uniqueRef("bad"), "").replace("\"industrial-transfer\"", "\"teleport\""), "kind"),
                new Case(body(uniqueRef("bad"), "").replace("\"amount\": 2", "\"amount\": 1e999999"), "investment.amount"),
                new Case(body(uniqueRef("bad"), "").replace("{\"firms\": 90}", "{\"firms\": 1e400}"), "metrics.firms"),
                new Case(body(uniqueRef("bad"), "").replace("\"signed\": \"2015-04-01\"", "\"signed\": \"0001\""), "signed"));
        for (Case c : cases) {
            Projects.create(config, c.json()).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c.field()));
        }
        given().filter(writer(config)).contentType("application/json").body("{\"ref\": ")
                .when().post("/api/projects").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theLifecycleRefusesSkipsAndNamesTheAllowedNextStates() {
        String id = created(config, body(uniqueRef("life"), ""));
        status(id, "operational", null).statusCode(409).contentType("application/problem+json")
                .body("allowed", contains("approved", "suspended", "cancelled"))
                .body("detail", containsString("approved, suspended, cancelled"));
        status(id, "approved", null).statusCode(200).body("status", equalTo("approved"));
        status(id, "suspended", null).statusCode(200).body("suspendedFrom", equalTo("approved"));
        status(id, "under-construction", null).statusCode(409).body("allowed", contains("approved", "cancelled"));
        status(id, "approved", null).statusCode(200).body("status", equalTo("approved")).body("suspendedFrom", nullValue());
        status(id, "cancelled", null).statusCode(200);
        status(id, "approved", null).statusCode(409).body("detail", containsString("final"));
        status(id, "launched", null).statusCode(400).body("errors.field", hasItem("status"));
        status(id, "cancelled", "2999-01-01").statusCode(400).body("errors.field", hasItem("effective"));
    }

    @Test
    void historyRecordsEveryChangeAndAsOfRebuildsThePast() {
        String id = created(config, body(uniqueRef("hist"), ""));
        status(id, "approved", "2016-05-01").statusCode(200);
        status(id, "under-construction", "2018-03-01").statusCode(200);
        status(id, "approved", "2017-01-01").statusCode(409);
        status(id, "suspended", "2017-06-01").statusCode(400).body("errors.field", hasItem("effective"));
        String etag = given().when().get("/api/projects/" + id).then().extract().header("ETag");
        given().filter(writer(config)).header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"jobs\": 1500, \"nameZh\": null}")
                .when().patch("/api/projects/" + id).then().statusCode(200).body("jobs", equalTo(1500)).body("nameZh", nullValue());

        given().when().get("/api/projects/" + id + "/history").then().statusCode(200)
                .body("changes.change", contains("registered", "status-changed", "status-changed", "updated"))
                .body("changes[0].effective", equalTo("2015-04-01"))
                .body("changes[1].fields.status.from", equalTo("signed"))
                .body("changes[1].fields.status.to", equalTo("approved"))
                .body("changes[3].fields.jobs.from", equalTo(1200))
                .body("changes[3].fields.jobs.to", equalTo(1500))
                .body("changes[3].effective", equalTo(LocalDate.now().toString()))
                .body("changes.channel", hasItem("api"));

        given().queryParam("asOf", "2015-01-01").when().get("/api/projects/" + id).then().statusCode(404);
        given().queryParam("asOf", "2015-12-31").when().get("/api/projects/" + id).then().statusCode(200)
                .body("status", equalTo("signed")).body("jobs", equalTo(1200))
                .header("ETag", not(matchesPattern("\"\\d+\""))); // a tag of the body read, never a version for If-Match
        given().queryParam("asOf", "2017-12-31").when().get("/api/projects/" + id).then().statusCode(200)
                .body("status", equalTo("approved")).body("nameZh", equalTo("医药基地"));
        given().queryParam("asOf", LocalDate.now().toString()).when().get("/api/projects/" + id).then().statusCode(200)
                .body("status", equalTo("under-construction")).body("jobs", equalTo(1500)).body("nameZh", nullValue());
        given().queryParam("asOf", "yesterday").when().get("/api/projects/" + id).then().statusCode(400)
                .body("errors.field", hasItem("asOf"));
    }

    @Test
    void writesNeedTheCurrentEtag() {
        String ref = uniqueRef("etag");
        String id = created(config, body(ref, ""));
        String changed = body(ref, "").replace("\"jobs\": 1200", "\"jobs\": 1300");
        given().filter(writer(config)).contentType("application/json").body(changed)
                .when().put("/api/projects/" + id).then().statusCode(428).contentType("application/problem+json");
        given().filter(writer(config)).header("If-Match", "\"7\"").contentType("application/json").body(changed)
                .when().put("/api/projects/" + id).then().statusCode(412).body("detail", containsString("\"1\""));
        given().filter(writer(config)).header("If-Match", "\"1\"").contentType("application/json").body(changed)
                .when().put("/api/projects/" + id).then().statusCode(200).header("ETag", "\"2\"").body("jobs", equalTo(1300));
        given().filter(writer(config)).header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body("{\"jobs\": 1}").when().patch("/api/projects/" + id).then().statusCode(412);
        given().filter(writer(config)).header("If-Match", "\"2\"").contentType("application/json")
                .body(changed.replace("\"status\": \"signed\"", "\"status\": \"operational\""))
                .when().put("/api/projects/" + id).then().statusCode(409).body("allowed", hasItem("approved"));
        given().filter(writer(config)).header("If-Match", "\"2\"").contentType("application/merge-patch+json")
                .body("{\"budget\": 1}").when().patch("/api/projects/" + id).then().statusCode(400)
                .body("errors.field", hasItem("budget"));
    }

    @Test
    void concurrentUpdatesWithOneEtagLetExactlyOneWin() throws Exception {
        String id = created(config, body(uniqueRef("race"), ""));
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int jobs = 2000 + i;
            Callable<Response> write = () -> {
                start.await();
                return given().filter(writer(config)).header("If-Match", "\"1\"")
                        .contentType("application/merge-patch+json").body("{\"jobs\": " + jobs + "}")
                        .when().patch("/api/projects/" + id);
            };
            answers.add(pool.submit(write));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        Integer winner = null;
        for (Future<Response> answer : answers) {
            Response r = answer.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 200) {
                winner = r.path("jobs");
            }
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), "statuses " + statuses);
        given().when().get("/api/projects/" + id).then().body("jobs", equalTo(winner)).body("version", equalTo(2));
        given().when().get("/api/projects/" + id + "/history").then().body("changes.size()", equalTo(2));
    }

    @Test
    void everyChangeIsPublishedWithTheFullState() {
        try (TopicProbe probe = new TopicProbe("jjj.projects.v1")) {
            String id = created(config, body(uniqueRef("events"), ""));
            status(id, "approved", "2016-05-01").statusCode(200);
            String etag = given().when().get("/api/projects/" + id).then().extract().header("ETag");
            given().filter(writer(config)).header("If-Match", etag).contentType("application/merge-patch+json")
                    .body("{\"jobs\": 1700}").when().patch("/api/projects/" + id).then().statusCode(200);

            List<TopicProbe.Received> events = probe.awaitAtLeast(3, r -> r.subject().equals(id));
            assertEquals(List.of("jjj.projects.project.registered.v1", "jjj.projects.project.status-changed.v1",
                    "jjj.projects.project.updated.v1"), events.stream().map(TopicProbe.Received::type).toList());
            TopicProbe.Received registered = events.get(0);
            assertEquals(id, registered.key());
            assertEquals("/jjj/projects", registered.event().path("source").asText());
            assertEquals("130900", registered.data().path("destination").asText());
            assertEquals(2015, registered.data().path("signedYear").asInt());
            assertEquals("USD", registered.data().path("investment").path("currency").asText());
            assertEquals(13.8, registered.data().path("investmentCny100m").asDouble());
            assertEquals(true, registered.data().has("operational"), "absent fields are null, not omitted");
            TopicProbe.Received moved = events.get(1);
            assertEquals("signed", moved.data().path("previousStatus").asText());
            assertEquals("approved", moved.data().path("status").asText());
            assertEquals("2016-05-01", moved.data().path("effective").asText());
            assertEquals(1700, events.get(2).data().path("jobs").asInt());
            assertEquals(false, events.get(2).data().has("previousStatus"));
        }
    }

    private ValidatableResponse status(String id, String status, String effective) {
        String json = effective == null ? "{\"status\": \"%s\", \"note\": \"test\"}".formatted(status)
                : "{\"status\": \"%s\", \"effective\": \"%s\"}".formatted(status, effective);
        return given().filter(writer(config)).contentType("application/json").body(json)
                .when().post("/api/projects/" + id + "/status").then();
    }
}
