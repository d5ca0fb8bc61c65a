package io.jjj.gateway.events;

import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class EventStreamTest {

    @TestHTTPResource("/api/events")
    URL events;

    /** An SSE subscriber reading in the background: the ids and event names it received. */
    private static final class Subscription implements AutoCloseable {
        final List<String> ids = new CopyOnWriteArrayList<>();
        final List<String> types = new CopyOnWriteArrayList<>();
        private final InputStream body;

        Subscription(URL url, String query, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + query)).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            body = response.body();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("id:")) {
                            ids.add(line.substring(3).trim());
                        } else if (line.startsWith("event:")) {
                            types.add(line.substring(6).trim());
                        }
                    }
                } catch (Exception closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    private static String projectEvent(String id, String type, String destination) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/jjj/projects\",\"type\":\"" + type
                + "\",\"subject\":\"P-000002\",\"time\":\"2026-11-22T10:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"id\":\"P-000002\",\"origin\":\"110108\",\"destination\":\"" + destination + "\",\"status\":\"operational\"}}";
    }

    private static String linkEvent(String id) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/jjj/transport\",\"type\":\"jjj.transport.link.opened.v1\","
                + "\"subject\":\"XA-BDE-hsr\",\"time\":\"2026-11-22T10:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"id\":\"XA-BDE-hsr\",\"from\":\"XA\",\"to\":\"BDE\",\"fromRegion\":\"133100\",\"toRegion\":\"130600\",\"minutes\":20}}";
    }

    private static void awaitRelayReady() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'event-relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event-relay' }.data.caughtUp", equalTo(true)));
    }

    @Test
    void relaysEventsFilteredByTypeAndRegion() throws Exception {
        awaitRelayReady();
        String tianjinProject = UUID.randomUUID().toString();
        String hebeiProject = UUID.randomUUID().toString();
        String link = UUID.randomUUID().toString();
        try (Subscription all = new Subscription(events, "", null);
             Subscription tianjin = new Subscription(events, "?region=120000", null);
             Subscription links = new Subscription(events, "?types=jjj.transport.*", null);
             Subscription hebeiProjects = new Subscription(events, "?types=jjj.projects.project.,jjj.indicators.&region=130000", null)) {
            TopicProbe.send("jjj.projects.v1", "P-000002", projectEvent(tianjinProject, "jjj.projects.project.updated.v1", "120115"));
            TopicProbe.send("jjj.projects.v1", "P-000002", projectEvent(hebeiProject, "jjj.projects.project.status-changed.v1", "133100"));
            TopicProbe.send("jjj.transport.v1", "XA-BDE-hsr", linkEvent(link));

            await().atMost(Duration.ofSeconds(30)).until(() -> all.ids.containsAll(List.of(tianjinProject, hebeiProject, link)));
            await().atMost(Duration.ofSeconds(10)).until(() -> hebeiProjects.ids.contains(hebeiProject) && links.ids.contains(link)
                    && tianjin.ids.contains(tianjinProject));
            assertEquals(List.of(tianjinProject), tianjin.ids, "Baodi lies in Tianjin; the others do not");
            assertEquals(List.of(link), links.ids);
            assertEquals(List.of(hebeiProject), hebeiProjects.ids, "Xiong'an lies in Hebei; links are not project events");
            assertTrue(all.types.contains("jjj.projects.project.status-changed.v1"));
        }
    }

    @Test
    void resumesAfterTheLastEventId() throws Exception {
        awaitRelayReady();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        try (Subscription watcher = new Subscription(events, "", null)) {
            try (Subscription before = new Subscription(events, "?types=jjj.projects.", null)) {
                TopicProbe.send("jjj.projects.v1", "P-000003", projectEvent(first, "jjj.projects.project.updated.v1", "131000"));
                await().atMost(Duration.ofSeconds(30)).until(() -> before.ids.contains(first));
            }
            TopicProbe.send("jjj.projects.v1", "P-000003", projectEvent(second, "jjj.projects.project.updated.v1", "131000"));
            TopicProbe.send("jjj.transport.v1", "XA-BDE-hsr", linkEvent(UUID.randomUUID().toString()));
            TopicProbe.send("jjj.projects.v1", "P-000003", projectEvent(third, "jjj.projects.project.updated.v1", "131000"));
            await().atMost(Duration.ofSeconds(30)).until(() -> watcher.ids.contains(third));
        }
        try (Subscription resumed = new Subscription(events, "?types=jjj.projects.", first)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> resumed.ids.size() >= 2);
            assertEquals(List.of(second, third), resumed.ids.subList(0, 2), "the missed events, in order, and nothing older");
        }
    }

    @Test
    void anUnknownRegionIsABadRequest() {
        given().when().get("/api/events?region=999999").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("region"));
    }
}
