package io.jjj.indicators;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static io.jjj.indicators.TestData.read;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Queries and transforms checked against values computed by hand from deploy/data/observations.csv. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ObservationQueryTest {

    @Inject
    PlatformConfig config;

    @BeforeEach
    void load() {
        TestData.loadDefaults(config);
    }

    private static io.restassured.response.ValidatableResponse get(String query) {
        return read().when().get("/api/observations?" + query).then();
    }

    @Test
    void storedValuesCarryUnitScaleStatusSourceAndCitation() {
        get("indicator=va.tertiary&region=110000&from=2013&to=2013").statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].value", equalTo(new BigDecimal("14986.5")))
                .body("items[0].period", equalTo("2013"))
                .body("items[0].regionName", equalTo("Beijing"))
                .body("items[0].unit", equalTo("CNY 100 million"))
                .body("items[0].scale", TestData.num("100000000"))
                .body("items[0].status", equalTo("published"))
                .body("items[0].source", equalTo("TANG2018"))
                .body("sources.TANG2018", startsWith("Shaoqing Tang et al."))
                .body("items[0].published", equalTo("2018-11-01"))
                .body("items[0].derivation", nullValue());
    }

    @Test
    void severalIndicatorsAndRegionsComeSortedAsRequestedThenByPeriod() {
        get("indicator=va.tertiary.share,va.primary&region=130000,110000&from=2012&to=2013").statusCode(200)
                .body("total", equalTo(8))
                .body("items.indicator", contains("va.tertiary.share", "va.tertiary.share", "va.tertiary.share", "va.tertiary.share",
                        "va.primary", "va.primary", "va.primary", "va.primary"))
                .body("items.region", contains("130000", "130000", "110000", "110000", "130000", "130000", "110000", "110000"))
                .body("items.period", contains("2012", "2013", "2012", "2013", "2012", "2013", "2012", "2013"))
                .body("items[1].value", equalTo(new BigDecimal("35.5")));
    }

    @Test
    void gapToAnotherRegionIsTheDifferenceInPercentagePoints() {
        get("indicator=va.tertiary.share&region=110000&from=2013&to=2013&transform=gap:130000").statusCode(200)
                .body("items[0].value", equalTo(new BigDecimal("41.4")))
                .body("items[0].unit", equalTo("percentage points"))
                .body("items[0].status", equalTo("derived"))
                .body("items[0].derivation.formula", equalTo("76.9 - 35.5"))
                .body("items[0].derivation.inputs.region", contains("110000", "130000"));
        get("indicator=va.tertiary.share&region=110000&from=2013&to=2013&transform=gap:120000").statusCode(200)
                .body("items[0].value", equalTo(new BigDecimal("28.8")));
    }

    @Test
    void yearOnYearGrowthIsInPercentAndAbsentWithAReasonWithoutThePreviousYear() {
        BigDecimal expected = new BigDecimal("14986.5").divide(new BigDecimal("13592.4"), MathContext.DECIMAL64)
                .subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(100), MathContext.DECIMAL64);
        get("indicator=va.tertiary&region=110000&transform=yoy").statusCode(200)
                .body("total", equalTo(5))
                .body("items[0].period", equalTo("2009"))
                .body("items[0].value", nullValue())
                .body("items[0].reason", equalTo("no value for 2008"))
                .body("items[4].period", equalTo("2013"))
                .body("items[4].value", equalTo(expected))
                .body("items[4].value", closeTo(new BigDecimal("10.2565"), new BigDecimal("0.0001")))
                .body("items[4].unit", equalTo("percent"))
                .body("items[4].derivation.formula", equalTo("(14986.5 / 13592.4 - 1) × 100"));
    }

    @Test
    void yearOnYearWithFromReadsThePreviousYearToo() {
        get("indicator=va.tertiary&region=110000&from=2013&transform=yoy").statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].value", closeTo(new BigDecimal("10.2565"), new BigDecimal("0.0001")));
    }

    @Test
    void diffIndexShareAndCagr() {
        get("indicator=va.tertiary&region=110000&from=2013&to=2013&transform=diff").statusCode(200)
                .body("items[0].value", equalTo(new BigDecimal("1394.1")));
        get("indicator=va.tertiary&region=110000&from=2013&to=2013&transform=index:2009").statusCode(200)
                .body("items[0].value", equalTo(new BigDecimal("14986.5").divide(new BigDecimal("9004.5"), MathContext.DECIMAL64)
                        .multiply(BigDecimal.valueOf(100), MathContext.DECIMAL64)))
                .body("items[0].unit", equalTo("index (2009 = 100)"));
        get("indicator=va.primary&region=110000&from=2013&to=2013&transform=share:va.tertiary").statusCode(200)
                .body("items[0].value", closeTo(new BigDecimal("1.0796383"), new BigDecimal("0.0000001")))
                .body("items[0].unit", equalTo("percent of va.tertiary"));
        double cagr = (Math.pow(14986.5 / 9004.5, 1 / 4.0) - 1) * 100;
        get("indicator=va.tertiary&region=110000&transform=cagr").statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].period", equalTo("2009/2013"))
                .body("items[0].value", closeTo(BigDecimal.valueOf(cagr), new BigDecimal("0.000001")))
                .body("items[0].unit", equalTo("percent per year"));
    }

    @Test
    void aShareOfAnIndicatorWithoutValuesIsAbsentWithAReason() {
        get("indicator=va.tertiary&region=110000&from=2013&to=2013&transform=share:gdp").statusCode(200)
                .body("items[0].value", nullValue())
                .body("items[0].reason", equalTo("no value for gdp in 2013"));
    }

    @Test
    void anAdditiveIndicatorSumsOverARegionGroup() {
        get("indicator=va.tertiary&region=JJJ&from=2013&to=2013").statusCode(200)
                .body("items[0].region", equalTo("JJJ"))
                .body("items[0].value", equalTo(new BigDecimal("31930.43")))
                .body("items[0].status", equalTo("derived"))
                .body("items[0].source", equalTo("TANG2018"))
                .body("items[0].derivation.formula", equalTo("14986.5 + 6905.03 + 10038.9"))
                .body("items[0].derivation.inputs.region", contains("110000", "120000", "130000"));
    }

    @Test
    void aGroupSumWithAMissingMemberIsAbsentWithTheMembersNamed() {
        get("indicator=zgc.branches.cum&region=JJJ&from=2024&to=2024").statusCode(200)
                .body("items[0].value", nullValue())
                .body("items[0].reason", containsString("120000 (Tianjin)"))
                .body("items[0].reason", containsString("130000 (Hebei)"));
    }

    @Test
    void aNonAdditiveIndicatorIsRefusedAsAGroupSum() {
        get("indicator=va.tertiary.share&region=JJJ").statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not additive"))
                .body("errors[0].field", equalTo("region"));
    }

    @Test
    void aPublishedGroupValueIsServedEvenForANonAdditiveIndicator() {
        get("indicator=gdp.index2013&region=JJJ").statusCode(200)
                .body("items.value", contains(new BigDecimal("1.8"), new BigDecimal("1.9")))
                .body("items.status", contains("published", "published"));
        get("indicator=gdp&region=JJJ&latest=1").statusCode(200)
                .body("items[0].period", equalTo("2023"))
                .body("items[0].value", TestData.num("104000"))
                .body("items[0].status", equalTo("published"));
    }

    @Test
    void aGapToARegionGroupUsesItsSum() {
        get("indicator=va.tertiary&region=110000&from=2013&to=2013&transform=gap:JJJ").statusCode(200)
                .body("items[0].value", equalTo(new BigDecimal("-16943.93")));
    }

    @Test
    void latestGivesTheMostRecentPeriodsOfEachSeries() {
        get("indicator=va.tertiary&region=110000,120000&latest=2").statusCode(200)
                .body("items.period", contains("2012", "2013", "2012", "2013"))
                .body("items.region", contains("110000", "110000", "120000", "120000"));
    }

    @Test
    void withoutRegionEveryRegionWithDataIsListed() {
        get("indicator=pop.resident").statusCode(200)
                .body("items.region", contains("BJ-CORE6", "BJ-CORE6"))
                .body("items.value", contains(new BigDecimal("1293.5"), new BigDecimal("1094.8")));
    }

    @Test
    void pagesCarryTotalAndLinks() {
        read().when().get("/api/observations?indicator=va.tertiary&region=110000,120000,130000&size=4&page=1").then().statusCode(200)
                .header("X-Total-Count", "15")
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("rel=\"prev\""))
                .body("items", hasSize(4))
                .body("page", equalTo(1))
                .body("items[0].region", equalTo("110000"))
                .body("items[0].period", equalTo("2013"))
                .body("items[1].region", equalTo("120000"));
    }

    @Test
    void csvByFormatOrAcceptHasAHeaderRow() {
        String csv = read().when().get("/api/observations?indicator=va.tertiary&region=110000&from=2012&to=2013&format=csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        org.junit.jupiter.api.Assertions.assertEquals(3, lines.length);
        org.junit.jupiter.api.Assertions.assertTrue(lines[0].startsWith("indicator,region,region_name,period,value,unit,scale,status,source"));
        org.junit.jupiter.api.Assertions.assertTrue(lines[2].startsWith("va.tertiary,110000,Beijing,2013,14986.5,CNY 100 million,100000000,published,TANG2018,2018-11-01,"), lines[2]);
        read().accept("text/csv").when().get("/api/observations?indicator=va.tertiary&region=JJJ&from=2013&to=2013")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString("31930.43")).body(containsString(",sum of the members of JJJ: 14986.5 + 6905.03 + 10038.9,"));
    }

    @Test
    void everyBadParameterIsA400NamingIt() {
        get("region=110000").statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("indicator"));
        get("indicator=nope").statusCode(400).body("errors[0].field", equalTo("indicator")).body("detail", containsString("nope"));
        get("indicator=gdp&region=999999").statusCode(400).body("errors[0].field", equalTo("region"));
        get("indicator=gdp&from=2013-13").statusCode(400).body("errors[0].field", equalTo("from"));
        get("indicator=gdp&from=2014&to=2013").statusCode(400).body("errors.field", contains("from", "to"));
        get("indicator=gdp&asOf=2020-02-30").statusCode(400).body("errors[0].field", equalTo("asOf"));
        get("indicator=gdp&latest=0").statusCode(400).body("errors[0].field", equalTo("latest"));
        get("indicator=gdp&latest=x").statusCode(400).body("errors[0].field", equalTo("latest"));
        get("indicator=gdp&transform=median").statusCode(400).body("errors[0].field", equalTo("transform"));
        get("indicator=gdp&transform=index:20").statusCode(400).body("errors[0].field", equalTo("transform"));
        get("indicator=gdp&transform=share:nope").statusCode(400).body("errors[0].field", equalTo("transform"));
        get("indicator=gdp&transform=gap:nowhere").statusCode(400).body("errors[0].field", equalTo("transform"));
        get("indicator=gdp&size=5000").statusCode(400).body("errors[0].field", equalTo("size"));
        get("indicator=gdp&page=-1").statusCode(400).body("errors[0].field", equalTo("page"));
        get("indicator=gdp&format=xml").statusCode(400).body("errors[0].field", equalTo("format"));
    }
}
