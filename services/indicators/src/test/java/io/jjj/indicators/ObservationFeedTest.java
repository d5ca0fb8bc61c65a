package io.jjj.indicators;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.SignedRequests;
import io.jjj.testkit.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.jjj.indicators.TestData.feed;
import static io.jjj.indicators.TestData.num;
import static io.jjj.indicators.TestData.read;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The observations feed: validation with line and column, atomic and partial modes, idempotency, vintages and events. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ObservationFeedTest {

    private static final String HEADER = "indicator,region,period,value,status,source,published\n";
    private static final String FEED = "/api/indicators/feeds/observations";

    @Inject
    PlatformConfig config;

    private long count(String indicator) {
        return read().when().get("/api/observations?indicator=" + indicator).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void theRepositorysObservationsFileIsAValidFeedAndASecondLoadChangesNothing() {
        TestData.loadDefaults(config);
        feed(config, FEED, TestData.file("observations.csv"), "").statusCode(200)
                .body("received", equalTo(77))
                .body("rejected", equalTo(0))
                .body("inserted", equalTo(0))
                .body("unchanged", equalTo(77))
                .body("events", equalTo(0));
    }

    @Test
    void everyKindOfBadRowIsNamedWithLineAndColumnAndAnAtomicFeedWritesNothing() {
        String code = TestData.newIndicator(config, "CNY 100 million", "annual");
        String csv = HEADER
                + code + ",110000,2013,1,published,TANG2018,2018-11-01\n"
                + "no.such.indicator,110000,2013,1,published,TANG2018,2018-11-01\n"
                + code + ",990000,2013,1,published,TANG2018,2018-11-01\n"
                + code + ",110000,13,1,published,TANG2018,2018-11-01\n"
                + code + ",110000,2013Q2,1,published,TANG2018,2018-11-01\n"
                + code + ",110000,2014,abc,published,TANG2018,2018-11-01\n"
                + code + ",110000,2015,1,guessed,NOPE,2018-11-31\n";
        feed(config, FEED, csv, "").statusCode(422)
                .contentType("application/problem+json")
                .body("errors.row", contains(3, 4, 5, 6, 7, 8, 8, 8))
                .body("errors.field", contains("indicator", "region", "period", "period", "value", "status", "source", "published"))
                .body("errors[0].message", containsString("unknown indicator 'no.such.indicator'"))
                .body("errors[1].message", containsString("unknown region"))
                .body("errors[2].message", containsString("malformed period '13'"))
                .body("errors[3].message", containsString("is a quarterly period but " + code + " is annual"))
                .body("errors[4].message", containsString("not a number"))
                .body("report.rejected", equalTo(6))
                .body("report.applied", equalTo(false));
        assertEquals(0, count(code));
    }

    @Test
    void aPartialFeedWritesTheGoodRowsAndReportsTheRest() {
        String code = TestData.newIndicator(config, "CNY 100 million", "annual");
        String csv = HEADER
                + code + ",110000,2013,10,published,TANG2018,2018-11-01\n"
                + code + ",110000,2014,x,published,TANG2018,2018-11-01\n"
                + code + ",120000,2013,20,,,\n";
        feed(config, FEED, csv, "?mode=partial").statusCode(200)
                .body("received", equalTo(3))
                .body("inserted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("events", equalTo(2))
                .body("errors[0].row", equalTo(3))
                .body("errors[0].field", equalTo("value"));
        read().when().get("/api/observations?indicator=" + code + "&region=120000").then().statusCode(200)
                .body("items[0].status", equalTo("published"))
                .body("items[0].published", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("items[0].received", notNullValue());
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyReturnsTheFirstReportAndAppliesNothing() {
        String code = TestData.newIndicator(config, "count", "annual");
        String key = UUID.randomUUID().toString();
        String csv = HEADER + code + ",110000,2020,5,published,BR2023,2023-05-25\n";
        TestData.write(config).header("Idempotency-Key", key).contentType("text/csv").body(csv).when().post(FEED).then()
                .statusCode(200).body("inserted", equalTo(1)).body("replayed", equalTo(false));
        TestData.write(config).header("Idempotency-Key", key).contentType("text/csv").body(csv).when().post(FEED).then()
                .statusCode(200).body("inserted", equalTo(1)).body("replayed", equalTo(true));
        TestData.write(config).header("Idempotency-Key", key).contentType("text/csv").body(csv + code + ",110000,2021,6,,,\n")
                .when().post(FEED).then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1, count(code));
    }

    @Test
    void aNewValueBecomesANewVintageAndAsOfReadsTheValueAsItStood() {
        String code = TestData.newIndicator(config, "CNY 100 million", "annual");
        try (TopicProbe probe = new TopicProbe("jjj.indicators.v1")) {
            feed(config, FEED, HEADER + code + ",110000,2013,100,provisional,TANG2018,2019-03-01\n"
                    + code + ",110000,2012,90,published,TANG2018,2019-03-01\n", "").statusCode(200)
                    .body("inserted", equalTo(2)).body("events", equalTo(1));
            feed(config, FEED, HEADER + code + ",110000,2013,105,published,TANG2018,2020-03-01\n"
                    + code + ",110000,2012,90,published,TANG2018,2020-03-01\n", "").statusCode(200)
                    .body("updated", equalTo(1)).body("unchanged", equalTo(1)).body("events", equalTo(1));

            String subject = code + "/110000";
            List<TopicProbe.Received> events = probe.awaitAtLeast(2, r -> r.subject().equals(subject));
            assertEquals(2, events.size());
            TopicProbe.Received upserted = events.get(0);
            assertEquals("jjj.indicators.observation.upserted.v1", upserted.type());
            assertEquals(subject, upserted.key());
            assertEquals(2, upserted.data().path("periods").size());
            assertEquals("2013", upserted.data().path("periods").get(0).path("period").asText());
            assertTrue(upserted.data().path("periods").get(0).path("previous").isNull());
            TopicProbe.Received revised = events.get(1);
            assertEquals("jjj.indicators.observation.revised.v1", revised.type());
            assertEquals(1, revised.data().path("periods").size());
            assertEquals(0, new BigDecimal("105").compareTo(revised.data().path("periods").get(0).path("value").decimalValue()));
            assertEquals(0, new BigDecimal("100").compareTo(revised.data().path("periods").get(0).path("previous").decimalValue()));
            assertEquals("2020-03-01", revised.data().path("periods").get(0).path("published").asText());
        }
        String series = "/api/observations?indicator=" + code + "&region=110000&from=2013&to=2013";
        read().when().get(series).then().statusCode(200)
                .body("items[0].value", num("105")).body("items[0].status", equalTo("published"));
        read().when().get(series + "&asOf=2019-12-31").then().statusCode(200)
                .body("items[0].value", num("100")).body("items[0].status", equalTo("provisional"));
        read().when().get(series + "&asOf=2019-01-01").then().statusCode(200).body("total", equalTo(0));
        read().when().get("/api/observations/" + code + "/110000/2013/history").then().statusCode(200)
                .body("unit", equalTo("CNY 100 million"))
                .body("vintages", hasSize(2))
                .body("vintages.value", contains(num("105"), num("100")))
                .body("vintages.published", contains("2020-03-01", "2019-03-01"))
                .body("vintages[0].citation", containsString("Tang"));
    }

    @Test
    void aSeriesSpanningSeveralChunksIsOneEventPerKindOfChange() {
        String code = TestData.newIndicator(config, "CNY 100 million", "annual");
        StringBuilder first = new StringBuilder(HEADER);
        StringBuilder second = new StringBuilder(HEADER);
        for (int year = 2001; year <= 2010; year++) {
            first.append(code).append(",120000,").append(year).append(",").append(year).append(",published,TANG2018,2019-03-01\n");
            second.append(code).append(",120000,").append(year).append(",").append(year % 2 == 0 ? year + 1 : year)
                    .append(",published,TANG2018,2020-03-01\n");
        }
        second.append(code).append(",120000,2011,2011,published,TANG2018,2020-03-01\n");
        try (TopicProbe probe = new TopicProbe("jjj.indicators.v1")) {
            feed(config, FEED, first.toString(), "").statusCode(200)
                    .body("inserted", equalTo(10)).body("events", equalTo(1));
            feed(config, FEED, second.toString(), "").statusCode(200)
                    .body("inserted", equalTo(1)).body("updated", equalTo(5)).body("unchanged", equalTo(5))
                    .body("events", equalTo(2));
            List<TopicProbe.Received> events = probe.awaitAtLeast(3, r -> r.subject().equals(code + "/120000"));
            assertEquals(3, events.size());
            assertEquals(10, events.get(0).data().path("periods").size());
            assertEquals(List.of("jjj.indicators.observation.upserted.v1", "jjj.indicators.observation.revised.v1"),
                    List.of(events.get(1).type(), events.get(2).type()));
            assertEquals(1, events.get(1).data().path("periods").size());
            assertEquals(5, events.get(2).data().path("periods").size());
        }
    }

    @Test
    void aLateFeedOfAnOlderVintageKeepsTheLatestPublicationCurrent() {
        String code = TestData.newIndicator(config, "CNY 100 million", "annual");
        feed(config, FEED, HEADER + code + ",130000,2013,200,published,,2021-01-01\n", "").statusCode(200);
        feed(config, FEED, HEADER + code + ",130000,2013,180,provisional,,2019-01-01\n", "").statusCode(200).body("updated", equalTo(1));
        read().when().get("/api/observations?indicator=" + code + "&region=130000").then().statusCode(200)
                .body("items[0].value", num("200"));
        read().when().get("/api/observations?indicator=" + code + "&region=130000&asOf=2020-01-01").then().statusCode(200)
                .body("items[0].value", num("180"));
    }

    @Test
    void aRowRepeatedInOneFeedIsARevisionOfTheEarlierRow() {
        String code = TestData.newIndicator(config, "count", "annual");
        feed(config, FEED, HEADER + code + ",110000,2020,1,,,2021-01-01\n" + code + ",110000,2020,2,,,2021-01-01\n", "")
                .statusCode(200).body("inserted", equalTo(1)).body("updated", equalTo(1));
        read().when().get("/api/observations?indicator=" + code + "&region=110000").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].value", num("2"));
    }

    @Test
    void quarterlyAndMonthlyPeriods() {
        String quarterly = TestData.newIndicator(config, "CNY 100 million", "quarterly");
        feed(config, FEED, HEADER + quarterly + ",110000,2012Q4,10,,,\n" + quarterly + ",110000,2013Q4,12,,,\n"
                + quarterly + ",110000,2013Q3,11,,,\n", "").statusCode(200).body("inserted", equalTo(3));
        read().when().get("/api/observations?indicator=" + quarterly + "&region=110000&from=2013&transform=yoy").then().statusCode(200)
                .body("items.period", contains("2013Q3", "2013Q4"))
                .body("items[1].value", num("20"))
                .body("items[0].reason", equalTo("no value for 2012Q3"));
        String monthly = TestData.newIndicator(config, "count", "monthly");
        feed(config, FEED, HEADER + monthly + ",120000,2013-07,5,,,\n" + monthly + ",120000,2013-08,8,,,\n", "").statusCode(200);
        read().when().get("/api/observations?indicator=" + monthly + "&region=120000&transform=diff").then().statusCode(200)
                .body("items.period", contains("2013-07", "2013-08"))
                .body("items[1].value", num("3"));
    }

    @Test
    void historyErrors() {
        TestData.loadDefaults(config);
        read().when().get("/api/observations/no.such/110000/2013/history").then().statusCode(404).contentType("application/problem+json");
        read().when().get("/api/observations/va.tertiary/999999/2013/history").then().statusCode(400).body("errors[0].field", equalTo("region"));
        read().when().get("/api/observations/va.tertiary/110000/2013-01/history").then().statusCode(400).body("errors[0].field", equalTo("period"));
        read().when().get("/api/observations/va.tertiary/110000/1900/history").then().statusCode(404);
    }

    @Test
    void writesWithoutTheGatewayTokenAre401AndOtherContentTypes415() {
        read().contentType("text/csv").body(HEADER).when().post(FEED).then().statusCode(401).contentType("application/problem+json");
        TestData.write(config).contentType("application/xml").body("<a/>").when().post(FEED).then().statusCode(415)
                .contentType("application/problem+json");
        TestData.write(config).contentType("text/csv").body(HEADER).when().post(FEED + "?mode=sometimes").then().statusCode(400)
                .body("errors[0].field", equalTo("mode"));
    }

    @Test
    void notesKeepTabsBackslashesCommasAndLineBreaks() {
        String code = TestData.newIndicator(config, "count", "annual");
        String note = "break\\in series, see\ttable\n2-1";
        feed(config, FEED, "indicator,region,period,value,note\n" + code + ",110000,2020,1,\"" + note + "\"\n", "").statusCode(200);
        read().when().get("/api/observations?indicator=" + code + "&region=110000").then().statusCode(200)
                .body("items[0].note", equalTo(note));
    }

    @Test
    void aBodyOverTheLimitIs413AndWritesNothing() {
        String code = TestData.newIndicator(config, "count", "monthly");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int year = 1900; csv.length() <= 300_000; year++) {
            for (int month = 1; month <= 12; month++) {
                csv.append(code).append(",110000,").append(year).append(String.format("-%02d", month)).append(",1,,,\n");
            }
        }
        feed(config, FEED, csv.toString(), "").statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("300000 bytes"));
        assertEquals(0, count(code));
    }

    @Test
    void ndjsonFeedsWork() {
        String code = TestData.newIndicator(config, "km", "annual");
        TestData.write(config).contentType("application/x-ndjson")
                .body(("{\"indicator\":\"" + code + "\",\"region\":\"130000\",\"period\":\"2020\",\"value\":12.5,\"published\":\"2021-02-03\"}\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post(FEED).then().statusCode(200).body("inserted", equalTo(1));
        read().when().get("/api/observations?indicator=" + code + "&region=130000").then().statusCode(200)
                .body("items[0].value", num("12.5")).body("items[0].unit", equalTo("km"));
    }

    @Test
    void eachFeedNeedsTheIndicatorsWriteScopeAndAnUnknownKindIs404() {
        for (String kind : List.of("catalogue", "observations")) {
            given().filter(SignedRequests.header(GatewayToken.HEADER, (method, path) -> GatewayToken.issue(
                            config.security().tokenSecret().orElseThrow(), "test", List.of("projects:write"),
                            new GatewayToken.Call("indicators", method, path), Duration.ofMinutes(1))))
                    .contentType("text/csv").body(HEADER).when().post("/api/indicators/feeds/" + kind).then().statusCode(403)
                    .contentType("application/problem+json");
            read().contentType("text/csv").body(HEADER).when().post("/api/indicators/feeds/" + kind).then().statusCode(401);
        }
        TestData.write(config).contentType("text/csv").body(HEADER).when().post("/api/indicators/feeds/vintages").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
