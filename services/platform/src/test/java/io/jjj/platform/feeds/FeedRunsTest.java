package io.jjj.platform.feeds;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.fixture.Tokens;
import io.jjj.testkit.SignedRequests;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.fixture.Widgets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds answered 202: the run to poll, its report or problem, and what a crash mid-feed leaves behind. */
@QuarkusTest
class FeedRunsTest {

    private static final String RUNS = "/api/platformtest/feeds/runs/";

    @Inject
    PlatformConfig config;
    @Inject
    Widgets widgets;
    @Inject
    FeedRuns runs;
    @Inject
    AgroalDataSource dataSource;

    private SignedRequests writer() {
        return Tokens.signed(config, List.of("platformtest:write"));
    }

    private static String csv(int rows, int nameLength) {
        String prefix = "w" + UUID.randomUUID().toString().substring(0, 8) + "-";
        StringBuilder csv = new StringBuilder("name,weight\n");
        for (int i = 0; i < rows; i++) {
            String name = prefix + i;
            csv.append(name).append("-".repeat(Math.max(0, nameLength - name.length()))).append(',').append(i).append('\n');
        }
        return csv.toString();
    }

    private static ExtractableResponse<Response> post(String body, String prefer, String key, String query) {
        var request = given().contentType("text/csv").body(body.getBytes(StandardCharsets.UTF_8));
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/platformtest/feeds/widgets" + query).then().extract();
    }

    /** Follows the Location of a 202 until the run ends, and returns the run. */
    private JsonPath awaitEnd(ExtractableResponse<Response> accepted) {
        assertEquals(202, accepted.statusCode(), accepted.asString());
        String location = accepted.header("Location");
        assertTrue(location.matches(RUNS + "[0-9a-f-]{36}"), location);
        assertEquals(location.substring(RUNS.length()), accepted.jsonPath().getString("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String state = given().filter(writer()).when().get(location).then().statusCode(200).extract().jsonPath().getString("state");
            return state.equals("succeeded") || state.equals("failed");
        });
        return given().filter(writer()).when().get(location).then().statusCode(200).extract().jsonPath();
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void preferRespondAsyncGets202AndTheRunEndsWithTheReport() {
        long before = widgets.count();
        ExtractableResponse<Response> accepted = post(csv(30, 0), "respond-async", null, "");
        assertTrue(accepted.jsonPath().getString("state").matches("queued|running|succeeded"));
        JsonPath run = awaitEnd(accepted);
        assertEquals("succeeded", run.getString("state"));
        assertEquals(30, run.getInt("rowsRead"));
        assertEquals(30, run.getInt("report.inserted"));
        assertEquals(30, run.getInt("report.events"));
        assertEquals(before + 30, widgets.count());
        given().filter(writer()).when().get(RUNS + run.getString("id")).then().header("Retry-After", (String) null);
    }

    @Test
    void aFeedOverTheConfiguredSizeGets202WithoutAsking() {
        long before = widgets.count();
        String body = csv(500, 50);
        assertTrue(body.length() > 20000);
        JsonPath run = awaitEnd(post(body, null, null, ""));
        assertEquals("succeeded", run.getString("state"));
        assertEquals(500, run.getInt("report.inserted"));
        assertEquals(body.length(), run.getLong("bodyBytes"));
        assertEquals(before + 500, widgets.count());
        assertEquals(200, post(csv(3, 0), null, null, "").statusCode(), "a small feed is still answered at once");
    }

    @Test
    void aRefusedAtomicFeedEndsFailedWithItsProblemAndWritesNothing() {
        long before = widgets.count();
        JsonPath run = awaitEnd(post(csv(5, 0) + "bad,-1\n", "respond-async", null, ""));
        assertEquals("failed", run.getString("state"));
        assertEquals(422, run.getInt("problem.status"));
        assertEquals(7, run.getInt("problem.errors[0].row"));
        assertEquals(false, run.getBoolean("problem.report.applied"));
        assertEquals(before, widgets.count());
    }

    @Test
    void aRunLeftRunningByAStoppedInstanceIsMarkedFailedAndTheSameKeyRunsItAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = csv(12, 0);
        UUID abandoned = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO feed_run (id, feed, mode, idempotency_key, body_sha256, body_bytes, state, instance, started_at, heartbeat_at) "
                        + "VALUES (?, 'widgets', 'atomic', ?, ?, ?, 'running', 'killed-instance', now() - interval '1 hour', now() - interval '1 hour')")) {
            s.setObject(1, abandoned);
            s.setString(2, key);
            s.setString(3, sha256(body));
            s.setLong(4, body.length());
            s.executeUpdate();
        }
        long before = widgets.count();

        assertTrue(runs.failAbandoned() >= 1, "what the service does at start and on every heartbeat");
        given().filter(writer()).when().get(RUNS + abandoned).then().statusCode(200)
                .body("state", equalTo("failed"))
                .body("problem.title", equalTo("Feed abandoned"))
                .body("problem.detail", containsString("Retry with the same Idempotency-Key"));
        assertEquals(before, widgets.count());

        ExtractableResponse<Response> retry = post(body, "respond-async", key, "");
        assertNotEquals(abandoned.toString(), retry.jsonPath().getString("id"), "the retry is a new run");
        JsonPath run = awaitEnd(retry);
        assertEquals("succeeded", run.getString("state"));
        assertEquals(12, run.getInt("report.inserted"));
        assertEquals(before + 12, widgets.count());

        ExtractableResponse<Response> again = post(body, "respond-async", key, "");
        assertEquals(200, again.statusCode(), "the key's report is stored: a third send is a replay");
        assertEquals(true, again.jsonPath().getBoolean("replayed"));
        assertEquals(before + 12, widgets.count());
    }

    @Test
    void aRetryWhileTheKeysRunIsUnfinishedIsPointedAtIt() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = csv(4, 0);
        UUID running = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO feed_run (id, feed, mode, idempotency_key, body_sha256, body_bytes, state, instance) "
                        + "VALUES (?, 'widgets', 'atomic', ?, ?, ?, 'running', 'another-live-instance')")) {
            s.setObject(1, running);
            s.setString(2, key);
            s.setString(3, sha256(body));
            s.setLong(4, body.length());
            s.executeUpdate();
        }
        ExtractableResponse<Response> retry = post(body, "respond-async", key, "");
        assertEquals(202, retry.statusCode());
        assertEquals(RUNS + running, retry.header("Location"));
        assertEquals(422, post(body + "other,1\n", "respond-async", key, "").statusCode(), "the same key with another body");
    }

    @Test
    void unknownRunsAreNotFound() {
        given().filter(writer()).when().get(RUNS + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().filter(writer()).when().get(RUNS + "not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }
}
