package io.jjj.indicators;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jjj.indicators.TestData.read;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** If-Match on every updatable resource of this service, by RFC 9110: strong ETags from the entity's version. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ConditionalWritesTest {

    /** The updatable resources: where they live and a body that gives them the name {@code text}. */
    enum Target {
        INDICATOR("/api/indicators/test.cw", "{\"nameEn\":\"%s\",\"unit\":\"count\",\"frequency\":\"annual\"}"),
        SOURCE("/api/indicators/sources/TCW", "{\"citation\":\"%s\"}");

        final String prefix;
        final String body;

        Target(String prefix, String body) {
            this.prefix = prefix;
            this.body = body;
        }

        String body(String text) {
            return body.formatted(text);
        }
    }

    @Inject
    PlatformConfig config;

    private RequestSpecification put(Target target, String text) {
        return TestData.write(config).contentType("application/json").body(target.body(text));
    }

    /** A new resource of the target kind; its ETag is {@code "1"}. */
    private String create(Target target) {
        String path = target.prefix + UUID.randomUUID().toString().substring(0, 8);
        put(target, "first").when().put(path).then().statusCode(201).header("ETag", "\"1\"");
        read().when().get(path).then().statusCode(200).header("ETag", "\"1\"");
        return path;
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aChangeWithTheCurrentETagIsAppliedAndRaisesIt(Target target) {
        String path = create(target);
        put(target, "second").header("If-Match", "\"1\"").when().put(path).then().statusCode(200).header("ETag", "\"2\"");
        put(target, "third").header("If-Match", "\"1\"").when().put(path).then().statusCode(412)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aChangeWithoutIfMatchIsRefusedWith428(Target target) {
        String path = create(target);
        put(target, "second").when().put(path).then().statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match")).body("currentETag", equalTo("\"1\""));
        read().when().get(path).then().header("ETag", "\"1\"");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aStarMatchesAnExistingResourceOnly(Target target) {
        String path = create(target);
        put(target, "second").header("If-Match", "*").when().put(path).then().statusCode(200).header("ETag", "\"2\"");
        String absent = target.prefix + UUID.randomUUID().toString().substring(0, 8);
        put(target, "first").header("If-Match", "*").when().put(absent).then().statusCode(412);
        read().when().get(absent).then().statusCode(404);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void ifNoneMatchStarDefinesOnlyWhatDoesNotExist(Target target) {
        String path = create(target);
        put(target, "second").header("If-None-Match", "*").when().put(path).then().statusCode(412);
        String absent = target.prefix + UUID.randomUUID().toString().substring(0, 8);
        put(target, "first").header("If-None-Match", "*").when().put(absent).then().statusCode(201).header("ETag", "\"1\"");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aListOfTagsMatchesWhenOneOfThemIsCurrent(Target target) {
        String path = create(target);
        put(target, "second").header("If-Match", "\"7\", \"8\"").when().put(path).then().statusCode(412);
        put(target, "second").header("If-Match", "\"7\", \"1\"").when().put(path).then().statusCode(200).header("ETag", "\"2\"");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aWeakTagNeverMatchesAWrite(Target target) {
        String path = create(target);
        put(target, "second").header("If-Match", "W/\"1\"").when().put(path).then().statusCode(412)
                .contentType("application/problem+json");
        read().when().get(path).then().header("ETag", "\"1\"");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aMalformedIfMatchIsRefusedWith400(Target target) {
        String path = create(target);
        put(target, "second").header("If-Match", "1").when().put(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        put(target, "second").header("If-Match", "\"1").when().put(path).then().statusCode(400);
        read().when().get(path).then().header("ETag", "\"1\"");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void twoWritersWithTheSameETagGetOneSuccessAndOne412(Target target) throws Exception {
        String path = create(target);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (String text : List.of("writer one", "writer two")) {
                writers.add(pool.submit(() -> {
                    start.await();
                    return put(target, text).header("If-Match", "\"1\"").when().put(path).then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> w : writers) {
                statuses.add(w.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        read().when().get(path).then().header("ETag", "\"2\"").body("version", equalTo(2));
    }
}
