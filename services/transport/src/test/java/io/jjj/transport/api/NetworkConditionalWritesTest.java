package io.jjj.transport.api;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.jjj.transport.TestNetwork.signed;
import static io.jjj.transport.TestNetwork.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code If-Match} on every conditional write of the network (PUT of a node, PUT of a link) by RFC 9110: {@code *},
 * lists of tags, weak tags never matching, 428 without and 400 for a malformed header, and two writers with the
 * same ETag of whom exactly one wins. Nodes lie in Gaobeidian (130684) and links open in 2030, as in
 * {@link NetworkWritesTest}.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class NetworkConditionalWritesTest {

    /** The two updatable resources, each with a body that differs by {@code minutes}. */
    enum Kind {
        NODE("/api/transport/nodes/"),
        LINK("/api/transport/links/");

        final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    @Inject
    PlatformConfig config;

    /** The ends of this test's links. */
    private final String from = uniqueId("F");
    private final String to = uniqueId("T");

    private String body(Kind kind, int minutes) {
        return switch (kind) {
            case NODE -> "{\"nameEn\":\"Test node\",\"kind\":\"hsr-station\",\"region\":\"130684\",\"lon\":115.8,"
                    + "\"lat\":" + (39 + minutes / 100.0) + "}";
            case LINK -> "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"mode\":\"hsr\",\"line\":\"Test line\","
                    + "\"distanceKm\":50,\"minutes\":" + minutes + ",\"opened\":\"2030-01-01\"}";
        };
    }

    private ValidatableResponse put(Kind kind, String id, String ifMatch, int minutes) {
        var request = signed(config).contentType("application/json").body(body(kind, minutes));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put(kind.path + id).then();
    }

    private String created(Kind kind) {
        if (kind == Kind.LINK) {
            put(Kind.NODE, from, null, 10).statusCode(201);
            put(Kind.NODE, to, null, 10).statusCode(201);
        }
        String id = uniqueId(kind.name().substring(0, 1));
        put(kind, id, null, 10).statusCode(201).header("ETag", "\"1\"");
        return id;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoWritersWithTheSameETagReleasedTogetherGetOneSuccessAndOne412(Kind kind) throws Exception {
        String id = created(kind);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> writers = new ArrayList<>();
            for (int minutes : new int[] {20, 30}) {
                writers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return put(kind, id, "\"1\"", minutes).extract().statusCode();
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = writers.stream().map(CompletableFuture::join).sorted().toList();
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        given().get(kind.path + id).then().statusCode(200).header("ETag", "\"2\"");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void starMatchesAnExistingResourceButNotAMissingOne(Kind kind) {
        String id = created(kind);
        put(kind, id, "*", 20).statusCode(200).header("ETag", "\"2\"");
        put(kind, uniqueId("M"), "*", 20).statusCode(412).contentType("application/problem+json");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aListOfTagsMatchesWhenOneIsCurrent(Kind kind) {
        String id = created(kind);
        put(kind, id, "\"7\", \"1\"", 20).statusCode(200).header("ETag", "\"2\"");
        put(kind, id, "\"1\", \"3\"", 30).statusCode(412).body("currentETag", equalTo("\"2\""));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWeakTagNeverMatchesAWrite(Kind kind) {
        String id = created(kind);
        put(kind, id, "W/\"1\"", 20).statusCode(412).contentType("application/problem+json");
        given().get(kind.path + id).then().header("ETag", "\"1\"");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMissingIfMatchIs428AndAMalformedOne400(Kind kind) {
        String id = created(kind);
        put(kind, id, null, 20).statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        put(kind, id, "1", 20).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        given().get(kind.path + id).then().header("ETag", "\"1\"");
    }
}
