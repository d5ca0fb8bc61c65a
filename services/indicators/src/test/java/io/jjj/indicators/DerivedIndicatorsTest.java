package io.jjj.indicators;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.events.EventJson;
import io.jjj.indicators.config.IndicatorsConfig;
import io.jjj.platform.inbox.Inbox;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.jjj.indicators.TestData.num;
import static io.jjj.indicators.TestData.read;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Derived indicators from project and transport events played into the topics. Each test uses its own years
 * so the tests do not depend on each other's events.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class DerivedIndicatorsTest {

    @Inject
    PlatformConfig config;

    @Inject
    Inbox inbox;

    @Inject
    IndicatorsConfig indicatorsConfig;

    private static String event(UUID id, String source, String type, String subject, String data) {
        return EventJson.write(new CloudEvent("1.0", id, source, type, subject, OffsetDateTime.now(), "application/json",
                EventJson.read("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"x\",\"source\":\"x\",\"data\":" + data + "}").data()));
    }

    private static String project(String id, String destination, String status, Integer year, String investment) {
        return "{\"id\":\"" + id + "\",\"ref\":\"" + id.toLowerCase() + "\",\"nameEn\":\"Test project\",\"nameZh\":null,"
                + "\"kind\":\"industrial-transfer\",\"sector\":\"test\",\"chain\":null,\"origin\":\"110108\","
                + "\"destination\":\"" + destination + "\",\"status\":\"" + status + "\",\"signed\":" + (year == null ? "null" : "\"" + year + "-01-01\"")
                + ",\"signedYear\":" + year + ",\"operational\":null,\"investment\":null,\"investmentCny100m\":" + investment + ",\"jobs\":null}";
    }

    private static void sendProject(UUID eventId, String type, String id, String data) {
        TopicProbe.send("jjj.projects.v1", id, event(eventId, "/jjj/projects", type, id, data));
    }

    private static BigDecimal value(String indicator, String region, int year) {
        var items = read().when().get("/api/observations?indicator=" + indicator + "&region=" + region + "&from=" + year + "&to=" + year)
                .then().statusCode(200).extract().jsonPath().getList("items.value", BigDecimal.class);
        return items.isEmpty() || items.get(0) == null ? null : items.get(0);
    }

    private static void awaitValue(String indicator, String region, int year, String expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            BigDecimal v = value(indicator, region, year);
            assertEquals(expected == null ? null : new BigDecimal(expected).stripTrailingZeros(),
                    v == null ? null : v.stripTrailingZeros(), indicator + " " + region + " " + year);
        });
    }

    @Test
    void inboundProjectsCountForTheDestinationAndEveryRegionAbove() {
        int year = 1991;
        String a = "P-T" + UUID.randomUUID().toString().substring(0, 6);
        String b = "P-T" + UUID.randomUUID().toString().substring(0, 6);
        sendProject(UUID.randomUUID(), "jjj.projects.project.registered.v1", a, project(a, "130209", "signed", year, "120.5"));
        sendProject(UUID.randomUUID(), "jjj.projects.project.registered.v1", b, project(b, "130200", "operational", year, null));
        awaitValue("projects.inbound.count", "130000", year, "2");
        assertEquals(0, new BigDecimal("2").compareTo(value("projects.inbound.count", "130200", year)));
        assertEquals(0, new BigDecimal("1").compareTo(value("projects.inbound.count", "130209", year)));
        assertEquals(0, new BigDecimal("120.5").compareTo(value("projects.inbound.investment", "130000", year)));
        read().when().get("/api/observations?indicator=projects.inbound.count&region=130209&from=" + year + "&to=" + year).then()
                .body("items[0].status", equalTo("derived"))
                .body("items[0].source", equalTo("JJJ-DERIVED"))
                .body("items[0].unit", equalTo("count"));
        read().when().get("/api/observations?indicator=projects.inbound.count&region=JJJ&from=" + year + "&to=" + year).then()
                .body("items[0].value", org.hamcrest.Matchers.nullValue())
                .body("items[0].reason", org.hamcrest.Matchers.containsString("110000 (Beijing)"));
    }

    @Test
    void aCancelledProjectStopsCountingAndARedeliveredEventChangesNothing() throws Exception {
        int year = 1992;
        String a = "P-T" + UUID.randomUUID().toString().substring(0, 6);
        sendProject(UUID.randomUUID(), "jjj.projects.project.registered.v1", a, project(a, "120115", "signed", year, "10"));
        awaitValue("projects.inbound.count", "120000", year, "1");
        UUID cancelled = UUID.randomUUID();
        sendProject(cancelled, "jjj.projects.project.status-changed.v1", a, project(a, "120115", "cancelled", year, "10"));
        awaitValue("projects.inbound.count", "120000", year, null);
        sendProject(UUID.randomUUID(), "jjj.projects.project.status-changed.v1", a, project(a, "120115", "signed", year, "20"));
        awaitValue("projects.inbound.investment", "120000", year, "20");

        // the cancellation again, then a record the consumer ignores, on the same key so it is read after it
        sendProject(cancelled, "jjj.projects.project.status-changed.v1", a, project(a, "120115", "cancelled", year, "10"));
        UUID marker = UUID.randomUUID();
        sendProject(marker, "jjj.projects.audit.recorded.v1", a, "{}");
        await().atMost(Duration.ofSeconds(60)).until(() -> inbox.contains(indicatorsConfig.derived().consumerGroup(), marker));
        assertEquals(0, BigDecimal.ONE.compareTo(value("projects.inbound.count", "120000", year)));
    }

    @Test
    void highSpeedRailLengthSplitsLinksBetweenTheirEndsAndStationsCountOnce() {
        String link = "L-" + UUID.randomUUID().toString().substring(0, 6);
        String inside = "L-" + UUID.randomUUID().toString().substring(0, 6);
        String from = "S-" + UUID.randomUUID().toString().substring(0, 6);
        String to = "S-" + UUID.randomUUID().toString().substring(0, 6);
        String third = "S-" + UUID.randomUUID().toString().substring(0, 6);
        BigDecimal before110 = orZero(value("hsr.length", "110000", 1999));
        BigDecimal before120 = orZero(value("hsr.length", "120000", 1999));
        BigDecimal stations120 = orZero(value("hsr.stations", "120000", 1999));
        TopicProbe.send("jjj.transport.v1", link, event(UUID.randomUUID(), "/jjj/transport", "jjj.transport.link.opened.v1", link,
                "{\"id\":\"" + link + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"fromRegion\":\"110000\",\"toRegion\":\"120115\","
                        + "\"mode\":\"hsr\",\"line\":\"test\",\"distanceKm\":120,\"minutes\":30,\"opened\":\"1999-08-01\",\"closed\":\"2001-03-01\",\"bidirectional\":true}"));
        TopicProbe.send("jjj.transport.v1", inside, event(UUID.randomUUID(), "/jjj/transport", "jjj.transport.link.opened.v1", inside,
                "{\"id\":\"" + inside + "\",\"from\":\"" + to + "\",\"to\":\"" + third + "\",\"fromRegion\":\"120115\",\"toRegion\":\"120115\","
                        + "\"mode\":\"hsr\",\"line\":\"test\",\"distanceKm\":40,\"minutes\":10,\"opened\":\"1999-01-01\",\"closed\":\"2001-03-01\",\"bidirectional\":true}"));
        awaitValue("hsr.length", "120000", 1999, before120.add(new BigDecimal("100")).toPlainString());
        assertEquals(0, before110.add(new BigDecimal("60")).compareTo(value("hsr.length", "110000", 1999)));
        assertEquals(0, new BigDecimal("100").compareTo(value("hsr.length", "120115", 1999)));
        assertEquals(0, stations120.add(new BigDecimal("2")).compareTo(value("hsr.stations", "120000", 1999)));
        assertEquals(0, new BigDecimal("2").compareTo(value("hsr.stations", "120115", 1999)));
        assertEquals(0, new BigDecimal("100").compareTo(value("hsr.length", "120115", 2000)));
        assertEquals(null, value("hsr.length", "120115", 2001));
    }

    @Test
    void aPublishedValueTakesPrecedenceOverADerivedOne() {
        String link = "L-" + UUID.randomUUID().toString().substring(0, 6);
        TopicProbe.send("jjj.transport.v1", link, event(UUID.randomUUID(), "/jjj/transport", "jjj.transport.link.opened.v1", link,
                "{\"id\":\"" + link + "\",\"from\":\"A" + link + "\",\"to\":\"B" + link + "\",\"fromRegion\":\"130983\",\"toRegion\":\"130983\","
                        + "\"mode\":\"hsr\",\"line\":\"test\",\"distanceKm\":33,\"minutes\":10,\"opened\":\"1985-01-01\",\"closed\":\"1986-06-01\",\"bidirectional\":true}"));
        awaitValue("hsr.length", "130983", 1985, "33");
        TestData.feed(config, "/api/indicators/feeds/observations", "indicator,region,period,value,status,source,published\n"
                + "hsr.length,130983,1985,35,published,APPROX,2020-01-01\n", "").statusCode(200);
        read().when().get("/api/observations?indicator=hsr.length&region=130983&from=1985&to=1985").then()
                .body("items[0].value", num("35")).body("items[0].status", equalTo("published"));
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
