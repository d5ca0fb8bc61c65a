package io.jjj.indicators;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.jjj.indicators.TestData.feed;
import static io.jjj.indicators.TestData.num;
import static io.jjj.indicators.TestData.read;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Codes through time in the observations: feeds refuse a code retired before a row's period, naming the successor;
 * a successor is summed from its predecessors before a pure merge when the indicator is additive, and refused
 * otherwise; Xiong'an's counties count once in the cluster.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RegionChangesTest {

    private static final String HEADER = "indicator,region,period,value\n";
    private static final String FEED = "/api/indicators/feeds/observations";

    @Inject
    PlatformConfig config;

    @Test
    void aFeedRowWithACodeRetiredBeforeItsPeriodNamesTheSuccessor() {
        String code = TestData.newIndicator(config, "CNY 100 million", "annual");
        String csv = HEADER
                + code + ",120107,2009,1\n"
                + code + ",120107,2010,1\n"
                + code + ",110103,2011,1\n"
                + code + ",120116,2008,1\n"
                + code + ",130421,2024,1\n";
        feed(config, FEED, csv, "").statusCode(422)
                .body("errors.row", contains(3, 4, 5, 6))
                .body("errors.field", contains("region", "region", "region", "region"))
                .body("errors[0].message", containsString("120107 (Tanggu District) was retired on 2009-12-31 (C001, merge); use its successor 120116 (Binhai New Area)"))
                .body("errors[1].message", containsString("use its successor 110101 (Dongcheng District)"))
                .body("errors[2].message", containsString("120116 (Binhai New Area) was created on 2009-12-31; before then use 120107 (Tanggu District), 120108 (Hangu District), 120109 (Dagang District)"))
                .body("errors[3].message", containsString("no successor is named; its area lies in 130400 (Handan)"));
    }

    @Test
    void binhaiBeforeItsCreationIsTheSumOfTangguHanguAndDagang() {
        String code = TestData.newIndicator(config, "CNY 100 million", "annual");
        feed(config, FEED, HEADER
                + code + ",120107,2007,1\n" + code + ",120108,2007,2\n"
                + code + ",120107,2008,1\n" + code + ",120108,2008,2\n" + code + ",120109,2008,3\n"
                + code + ",120116,2010,10\n" + code + ",120000,2008,100\n", "").statusCode(200);
        read().when().get("/api/observations?indicator=" + code + "&region=120116&from=2007&to=2010").then().statusCode(200)
                .body("items.period", contains("2007", "2008", "2010"))
                .body("items[0].value", nullValue())
                .body("items[0].reason", containsString("no value for 120109 (Dagang District) in 2007"))
                .body("items[1].value", num("6"))
                .body("items[1].status", equalTo("derived"))
                .body("items[1].derivation.method", equalTo("sum of the predecessors of 120116 before C001 (2009-12-31, merge)"))
                .body("items[1].derivation.inputs.region", contains("120107", "120108", "120109"))
                .body("items[2].value", num("10"));
        read().when().get("/api/observations?indicator=" + code + "&region=120107&from=2008&to=2008").then().statusCode(200)
                .body("items[0].value", num("1"));
    }

    @Test
    void dongchengBeforeTheMergeIsItselfAndChongwenAndTheCoreDistrictsSumAtTodaysExtent() {
        String code = TestData.newIndicator(config, "CNY 100 million", "annual");
        StringBuilder csv = new StringBuilder(HEADER);
        for (String d : new String[] {"110105", "110106", "110107", "110108"}) {
            csv.append(code).append(',').append(d).append(",2009,1\n");
        }
        csv.append(code).append(",110101,2009,5\n").append(code).append(",110103,2009,4\n")
                .append(code).append(",110102,2009,7\n").append(code).append(",110104,2009,3\n")
                .append(code).append(",110101,2011,20\n");
        feed(config, FEED, csv.toString(), "").statusCode(200);
        read().when().get("/api/observations?indicator=" + code + "&region=110101&from=2009&to=2011").then().statusCode(200)
                .body("items.period", contains("2009", "2011"))
                .body("items[0].value", num("9"))
                .body("items[0].derivation.inputs.region", contains("110101", "110103"))
                .body("items[1].value", num("20"));
        read().when().get("/api/observations?indicator=" + code + "&region=BJ-CORE6&from=2009&to=2009").then().statusCode(200)
                .body("items[0].value", num("23"));
    }

    @Test
    void aShareAcrossAMergeIsRefusedWithTheReason() {
        String code = TestData.newIndicator(config, "percent", "annual");
        feed(config, FEED, HEADER + code + ",120107,2008,40\n" + code + ",120116,2010,50\n", "").statusCode(200);
        read().when().get("/api/observations?indicator=" + code + "&region=120116&from=2008").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("is not additive"))
                .body("detail", containsString("ask for those regions before 2009-12-31"))
                .body("errors[0].field", equalTo("from"));
        read().when().get("/api/observations?indicator=" + code + "&region=120116&from=2010").then().statusCode(200)
                .body("items[0].value", num("50"));
    }

    @Test
    void aUnitThatOnlyChangedItsCodeCarriesAnyIndicatorAcross() {
        String code = TestData.newIndicator(config, "percent", "annual");
        feed(config, FEED, HEADER + code + ",110228,2015,40\n" + code + ",110118,2017,45\n", "").statusCode(200);
        read().when().get("/api/observations?indicator=" + code + "&region=110118&from=2015&to=2017").then().statusCode(200)
                .body("items.period", contains("2015", "2017"))
                .body("items[0].value", num("40"))
                .body("items[0].derivation.method", equalTo("the value of 110228, which 110118 replaced in C017 (2016-07-31, recode)"))
                .body("items[1].value", num("45"));
    }

    @Test
    void xionganCountiesCountOnceInTheClusterWhateverTheView() {
        String code = TestData.newIndicator(config, "CNY 100 million", "annual");
        feed(config, FEED, HEADER + code + ",110000,2020,1\n" + code + ",120000,2020,2\n" + code + ",130000,2020,30\n"
                + code + ",130600,2020,10\n" + code + ",133100,2020,4\n", "").statusCode(200);
        read().when().get("/api/observations?indicator=" + code + "&region=JJJ,TWO-WINGS&from=2020&to=2020").then().statusCode(200)
                .body("items[0].value", num("33"))
                .body("items[0].derivation.inputs.region", contains("110000", "120000", "130000"))
                .body("items[1].value", nullValue())
                .body("items[1].reason", containsString("110112"));
    }
}
