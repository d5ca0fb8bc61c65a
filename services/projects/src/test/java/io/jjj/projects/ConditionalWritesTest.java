package io.jjj.projects;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jjj.projects.Projects.created;
import static io.jjj.projects.Projects.uniqueRef;
import static io.jjj.projects.Projects.writer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 9110 If-Match on every conditional write of a project: PUT, PATCH and the status move. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ConditionalWritesTest {

    @Inject
    PlatformConfig config;

    /** One conditional write; {@code n} makes each call's change different from the others'. */
    private interface Write {
        Response send(String id, String ifMatch, int n);
    }

    private String body(String ref, int jobs) {
        return """
                {"ref": "%s", "nameEn": "Logistics hub to Langfang", "kind": "industrial-transfer", "origin": "110000",
                 "destination": "131000", "jobs": %d, "signed": "2016-03-01", "status": "signed"}
                """.formatted(ref, jobs);
    }

    private Write put(String ref) {
        return (id, ifMatch, n) -> request(ifMatch).contentType("application/json").body(body(ref, 100 + n))
                .when().put("/api/projects/" + id);
    }

    private Write patch() {
        return (id, ifMatch, n) -> request(ifMatch).contentType("application/merge-patch+json")
                .body("{\"jobs\": " + (200 + n) + "}").when().patch("/api/projects/" + id);
    }

    private Write status() {
        return (id, ifMatch, n) -> request(ifMatch).contentType("application/json")
                .body("{\"status\": \"" + (n % 2 == 0 ? "approved" : "cancelled") + "\", \"note\": \"writer " + n + "\"}")
                .when().post("/api/projects/" + id + "/status");
    }

    private RequestSpecification request(String ifMatch) {
        RequestSpecification r = given().filter(writer(config));
        return ifMatch == null ? r : r.header("If-Match", ifMatch);
    }

    private String project(String ref) {
        return created(config, body(ref, 50));
    }

    @Test
    void putFollowsRfc9110() {
        String ref = uniqueRef("cw-put");
        rules(put(ref), project(ref), true);
    }

    @Test
    void patchFollowsRfc9110() {
        rules(patch(), project(uniqueRef("cw-patch")), true);
    }

    @Test
    void statusMoveFollowsRfc9110WhenIfMatchIsSent() {
        rules(status(), project(uniqueRef("cw-status")), false);
    }

    @Test
    void twoPutsWithOneEtagLetOneThrough() throws Exception {
        String ref = uniqueRef("cw-race-put");
        race(put(ref), project(ref));
    }

    @Test
    void twoPatchesWithOneEtagLetOneThrough() throws Exception {
        race(patch(), project(uniqueRef("cw-race-patch")));
    }

    @Test
    void twoStatusMovesWithOneEtagLetOneThrough() throws Exception {
        race(status(), project(uniqueRef("cw-race-status")));
    }

    /** Against a project at version 1: missing, malformed, stale, weak, a list, and {@code *}. */
    private void rules(Write write, String id, boolean required) {
        if (required) {
            write.send(id, null, 1).then().statusCode(428).contentType("application/problem+json");
        }
        write.send(id, "1", 1).then().statusCode(400).contentType("application/problem+json");
        write.send(id, "\"1", 1).then().statusCode(400).contentType("application/problem+json");
        write.send(id, "\"7\"", 1).then().statusCode(412).contentType("application/problem+json");
        write.send(id, "W/\"1\"", 1).then().statusCode(412).contentType("application/problem+json");
        given().when().get("/api/projects/" + id).then().body("version", equalTo(1));
        write.send(id, "\"9\", \"1\"", 2).then().statusCode(200).header("ETag", "\"2\"");
        write.send(id, "*", 3).then().statusCode(200);
        given().when().get("/api/projects/" + id).then().header("ETag", equalTo("\"3\"")).body("version", equalTo(3));
    }

    /** Two writers with the same ETag released together: one goes through, the other is told its tag is stale. */
    private void race(Write write, String id) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> answers = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            int writer = n;
            answers.add(pool.submit(() -> {
                start.await();
                return write.send(id, "\"1\"", writer);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            statuses.add(answer.get().statusCode());
        }
        pool.shutdown();
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList(), "statuses " + statuses);
        given().when().get("/api/projects/" + id).then().body("version", equalTo(2));
        given().when().get("/api/projects/" + id + "/history").then().body("changes.size()", equalTo(2));
    }
}
