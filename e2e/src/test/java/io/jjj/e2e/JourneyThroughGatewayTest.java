package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.local.feed.FeedRoutes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path as users take it, only over HTTP through the gateway: feeds in, events out, queries back.
 * The steps build on each other and run in order.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyThroughGatewayTest {

    /** The default data set's files and their feeds, in load order (reference data first): the launcher's one table. */
    static final List<Map.Entry<String, String>> FEEDS = FeedRoutes.ROUTES.stream()
            .map(route -> Map.entry(route.name() + ".csv", route.path())).toList();

    static Suite suite;
    static Http http;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        http = new Http(suite.gateway(), suite.adminKey);
    }

    static Path data(String file) {
        return suite.root.resolve("deploy/data").resolve(file);
    }

    static long dataRows(String file) throws IOException {
        return Files.readAllLines(data(file)).stream().skip(1).filter(l -> !l.isBlank()).count();
    }

    static double value(Http.Reply reply, String region, String period) {
        assertEquals(200, reply.status(), reply.body());
        for (JsonNode item : reply.json().path("items")) {
            if (item.path("region").asText().equals(region) && item.path("period").asText().equals(period)) {
                assertTrue(item.path("value").isNumber(), "a value for " + region + " " + period + ": " + item);
                return item.path("value").asDouble();
            }
        }
        throw new AssertionError("no value for " + region + " " + period + " in " + reply.body());
    }

    @Test
    @Order(1)
    void theDefaultDataSetLoadsThroughTheFeeds() throws IOException {
        for (Map.Entry<String, String> feed : FEEDS) {
            Http.Reply reply = http.postFile(feed.getValue(), data(feed.getKey()), "text/csv", null);
            assertEquals(200, reply.status(), feed.getKey() + ": " + reply.body());
            JsonNode report = reply.json();
            long rows = dataRows(feed.getKey());
            assertEquals(rows, report.path("received").asLong(), feed.getKey());
            assertEquals(0, report.path("rejected").asLong(), feed.getKey());
            long applied = report.path("inserted").asLong() + report.path("updated").asLong() + report.path("unchanged").asLong();
            assertEquals(rows, applied, feed.getKey() + ": every row applied");
            if (!feed.getKey().equals("indicators.csv")) {
                // the catalogue already defines the derived indicators (hsr.length among them); the data is new
                assertEquals(rows, report.path("inserted").asLong(), feed.getKey() + " inserts every row of a fresh database");
            }
        }
    }

    @Test
    @Order(2)
    void everyObservationAndProjectSaysWhereItCameFrom() {
        Http.Reply observation = http.get("/api/observations?indicator=va.tertiary&region=110000&from=2013&to=2013");
        assertEquals(200, observation.status(), observation.body());
        assertEquals("TANG2018", observation.json().path("items").path(0).path("source").asText());
        assertTrue(observation.body().contains("Shaoqing Tang et al."), "the citation of TANG2018: " + observation.body());

        JsonNode listed = StreamSupport.stream(http.get("/api/projects?q=Xinfadi").json().path("items").spliterator(), false)
                .filter(p -> p.path("ref").asText().equals("xinfadi-gaobeidian")).findFirst()
                .orElseThrow(() -> new AssertionError("the Xinfadi logistics park is listed"));
        JsonNode project = http.get("/api/projects/" + listed.path("id").asText()).json();
        assertEquals("TANG2018", project.path("sources").path(0).asText());
        assertTrue(project.path("citations").path("TANG2018").asText().startsWith("Shaoqing Tang et al."), project.toString());
    }

    @Test
    @Order(3)
    void derivedFiguresMatchThePublication() {
        Http.Reply gaps = http.get("/api/observations?indicator=va.tertiary.share&region=120000,130000&from=2013&to=2013&transform=gap:110000");
        double tianjin = value(gaps, "120000", "2013");
        double hebei = value(gaps, "130000", "2013");
        assertEquals(-28.8, tianjin, 1e-9, "Tianjin's tertiary share 48.1 minus Beijing's 76.9");
        assertEquals(-41.4, hebei, 1e-9, "Hebei's 35.5 minus Beijing's 76.9");
        assertEquals(30, Math.abs(tianjin), 2, "the paper rounds the gap to 30 points");
        assertEquals(40, Math.abs(hebei), 2, "and to 40 points");

        Http.Reply yoy = http.get("/api/observations?indicator=va.tertiary&region=110000&from=2013&to=2013&transform=yoy");
        assertEquals((14986.5 / 13592.4 - 1) * 100, value(yoy, "110000", "2013"), 1e-6);

        Http.Reply index = http.get("/api/observations?indicator=va.tertiary&region=130000&from=2009&to=2013&transform=index:2009");
        assertEquals(100, value(index, "130000", "2009"), 1e-9);
        assertEquals(10038.9 / 5932.8 * 100, value(index, "130000", "2013"), 1e-6);

        Http.Reply cluster = http.get("/api/observations?indicator=va.tertiary&region=JJJ&from=2013&to=2013");
        assertEquals(14986.5 + 6905.03 + 10038.9, value(cluster, "JJJ", "2013"), 1e-6);

        Http.Reply shareAsSum = http.get("/api/observations?indicator=va.tertiary.share&region=JJJ&from=2013&to=2013");
        assertEquals(400, shareAsSum.status(), shareAsSum.body());
        assertEquals("application/problem+json", shareAsSum.header("Content-Type"));
    }

    @Test
    @Order(4)
    void changesArriveAsEventsAndMoveTheDerivedIndicators() {
        JsonNode project = StreamSupport.stream(http.get("/api/projects?q=Yanshan").json().path("items").spliterator(), false)
                .filter(p -> p.path("ref").asText().equals("sinopec-yanshan-caofeidian")).findFirst()
                .orElseThrow(() -> new AssertionError("the Sinopec Yanshan project is listed"));
        String projectId = project.path("id").asText();
        String inbound = "/api/observations?indicator=projects.inbound.count&region=130209&from=2014&to=2014";
        // projects.csv: the Sinopec refinery and the Caofeidian synergy area, both signed in 2014 for Caofeidian
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> http.get(inbound).json().path("items").size() == 1
                && value(http.get(inbound), "130209", "2014") == 2);

        Http.Reply link = http.get("/api/transport/links/TJ-BH-hsr");
        assertEquals(200, link.status(), link.body());
        String hsrLength = "/api/observations?indicator=hsr.length&region=120000&from=2024&to=2024";
        // transport-links.csv, by hand: half of each hsr link to each end's region (all of it inside Tianjin):
        // 60 + 35 + 50 + 20 + 45 + 25 + 37.5 + 55 + 78.5 + 8 = 414 km for Tianjin at the end of 2024
        double lengthBefore = 414;
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> http.get(hsrLength).json().path("items").size() == 1
                && Math.abs(value(http.get(hsrLength), "120000", "2024") - lengthBefore) < 1e-6);

        try (EventStream events = new EventStream(http.client(), http.uri("/api/events"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> events.status() == 200);
            Http.Reply cancelled = http.post("/api/projects/" + projectId + "/status", "application/json",
                    "{\"status\":\"cancelled\",\"effective\":\"2024-06-01\",\"note\":\"end-to-end test\"}", Map.of());
            assertEquals(200, cancelled.status(), cancelled.body());

            JsonNode l = link.json();
            String changed = "{\"from\":\"TJ\",\"to\":\"BH\",\"mode\":\"hsr\",\"line\":\"" + l.path("line").asText()
                    + "\",\"distanceKm\":65,\"minutes\":25,\"opened\":\"" + l.path("opened").asText() + "\"}";
            Http.Reply put = http.put("/api/transport/links/TJ-BH-hsr", changed, Map.of("If-Match", link.header("ETag")));
            assertEquals(200, put.status(), put.body());

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<EventStream.Event> seen = events.events();
                assertTrue(seen.stream().anyMatch(e -> "jjj.projects.project.status-changed.v1".equals(e.type())
                        && projectId.equals(e.cloudEvent().path("subject").asText())), "status change relayed");
                assertTrue(seen.stream().anyMatch(e -> "jjj.transport.link.changed.v1".equals(e.type())
                        && "TJ-BH-hsr".equals(e.cloudEvent().path("subject").asText())), "link change relayed");
            });
        }

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> value(http.get(inbound), "130209", "2014") == 1);
        // the link is now 65 km instead of 45, both ends in Tianjin: Tianjin's network grew by 20 km
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> Math.abs(value(http.get(hsrLength), "120000", "2024") - (lengthBefore + 20)) < 1e-6);
    }

    @Test
    @Order(5)
    void routesAndIsochronesFollowTheNetworkOfTheirDate() {
        Http.Reply before = http.get("/api/transport/routes?from=BJS&to=CZW&asOf=2011-06-29&modes=hsr");
        assertEquals(404, before.status(), before.body());
        assertTrue(before.json().path("detail").asText().contains("2011-06-29"), "the problem names the date");

        Http.Reply after = http.get("/api/transport/routes?from=BJS&to=CZW&asOf=2011-07-01&modes=hsr");
        assertEquals(200, after.status(), after.body());
        assertEquals(21 + 18 + 20, after.json().path("minutes").asDouble(), 1e-9, "via Langfang and Tianjin South");

        Http.Reply early = http.get("/api/transport/isochrones?from=BJS&minutes=60&asOf=2010-01-01");
        Http.Reply late = http.get("/api/transport/isochrones?from=BJS&minutes=60&asOf=2024-01-01");
        assertEquals(200, early.status(), early.body());
        assertEquals(200, late.status(), late.body());
        assertTrue(late.json().path("nodes").size() > early.json().path("nodes").size(),
                "more stations within an hour of Beijing South in 2024 than in 2010");
    }

    @Test
    @Order(6)
    void profilesOfXiongAnAndBeijingHaveEverySection() {
        for (String region : List.of("133100", "110000")) {
            Http.Reply profile = http.get("/api/regions/" + region + "/profile");
            assertEquals(200, profile.status(), profile.body());
            JsonNode p = profile.json();
            assertTrue(p.path("complete").asBoolean(), region + " complete: " + p.path("missing"));
            assertEquals(region, p.path("region").path("code").asText());
            assertEquals("ok", p.path("indicators").path("status").asText());
            assertEquals("ok", p.path("projects").path("status").asText());
            assertEquals("ok", p.path("accessibility").path("status").asText());
        }
        JsonNode xiongan = http.get("/api/regions/133100/profile").json();
        assertTrue(xiongan.path("projects").path("inbound").path("count").asLong() >= 4, "four universities move to Xiong'an");
        assertNotNull(xiongan.path("accessibility").path("minutesTo").get("110000"), "minutes to Beijing");
    }

    @Test
    @Order(7)
    void aFeedWithBadRowsNamesEachAndWritesNothing() throws IOException {
        String body = "indicator,region,period,value,status,source,published\n"
                + "gdp,110000,2030,1,published,BR2024,2024-03-14\n"
                + "no.such.indicator,110000,2013,1,published,BR2024,2024-03-14\n"
                + "gdp,999999,2013,1,published,BR2024,2024-03-14\n"
                + "gdp,110000,2013,abc,published,BR2024,2024-03-14\n";
        Http.Reply reply = http.post("/api/indicators/feeds/observations", "text/csv", body, Map.of());
        assertEquals(422, reply.status(), reply.body());
        JsonNode errors = reply.json().path("errors");
        assertEquals(List.of(3L, 4L, 5L), StreamSupport.stream(errors.spliterator(), false).map(e -> e.path("row").asLong()).distinct().toList());
        Http.Reply written = http.get("/api/observations?indicator=gdp&region=110000&from=2030&to=2030");
        assertEquals(200, written.status(), written.body());
        assertEquals(0, written.json().path("items").size(), "the good row was not written either");
    }

    @Test
    @Order(8)
    void aRetriedFeedWithTheSameKeyIsAppliedOnce() throws IOException {
        String key = "e2e-" + UUID.randomUUID();
        String body = "indicator,region,period,value,status,source,published\n"
                + "pm25.mean,110000,2023,32.5,provisional,BR2024,2024-03-14\n";
        Http.Reply first = http.post("/api/indicators/feeds/observations", "text/csv", body, Map.of("Idempotency-Key", key));
        assertEquals(200, first.status(), first.body());
        Http.Reply second = http.post("/api/indicators/feeds/observations", "text/csv", body, Map.of("Idempotency-Key", key));
        assertEquals(200, second.status(), second.body());
        for (String field : List.of("received", "inserted", "updated", "unchanged", "rejected", "events")) {
            assertEquals(first.json().path(field), second.json().path(field), field);
        }
        assertTrue(second.json().path("replayed").asBoolean());
        Http.Reply history = http.get("/api/observations/pm25.mean/110000/2023/history");
        assertEquals(200, history.status(), history.body());
        assertEquals(1, history.json().path("vintages").size(), "one vintage, not two");
    }
}
