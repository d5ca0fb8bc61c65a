package io.jjj.indicators;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.jjj.testkit.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.jjj.indicators.TestData.num;
import static io.jjj.indicators.TestData.read;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class CatalogueTest {

    @Inject
    PlatformConfig config;

    @BeforeEach
    void load() {
        TestData.loadDefaults(config);
    }

    @Test
    void theCatalogueKnowsUnitsScalesAndAdditivity() {
        read().when().get("/api/indicators/va.tertiary").then().statusCode(200)
                .header("ETag", startsWith("\""))
                .body("nameZh", equalTo("第三产业增加值"))
                .body("unit", equalTo("CNY 100 million"))
                .body("unitBase", equalTo("CNY"))
                .body("scale", num("100000000"))
                .body("additive", equalTo(true))
                .body("frequency", equalTo("annual"));
        read().when().get("/api/indicators/pop.resident").then().body("scale", num("10000")).body("unitBase", equalTo("persons"))
                .body("additive", equalTo(true));
        read().when().get("/api/indicators/va.tertiary.share").then().body("additive", equalTo(false));
        read().when().get("/api/indicators/pm25.mean").then().body("additive", equalTo(false));
        read().when().get("/api/indicators/gdp.index2013").then().body("additive", equalTo(false));
        read().when().get("/api/indicators/hsr.length").then().body("additive", equalTo(true)).body("derived", equalTo(true));
        read().when().get("/api/indicators/zgc.branches.cum").then().body("additive", equalTo(true));
    }

    @Test
    void theListPagesAndFilters() {
        read().when().get("/api/indicators?size=100").then().statusCode(200)
                .body("items.code", hasItems("va.tertiary", "projects.inbound.count", "hsr.stations"));
        read().when().get("/api/indicators?q=tertiary&size=2").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("items[0].code", equalTo("va.tertiary"));
        read().when().get("/api/indicators?frequency=weekly").then().statusCode(400).body("errors[0].field", equalTo("frequency"));
        read().when().get("/api/indicators/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anExplicitAdditiveColumnOverridesTheUnit() {
        String code = "test.override" + UUID.randomUUID().toString().substring(0, 6);
        TestData.feed(config, "/api/indicators/feeds/catalogue", "code,name_en,unit,frequency,additive\n"
                + code + ",Hospital beds per 1000,count,annual,false\n", "").statusCode(200).body("inserted", equalTo(1));
        read().when().get("/api/indicators/" + code).then().body("additive", equalTo(false));
    }

    @Test
    void catalogueFeedRowsAreValidated() {
        TestData.feed(config, "/api/indicators/feeds/catalogue", "code,name_en,unit,frequency,source,additive\n"
                + "Bad Code,x,count,annual,,\n"
                + "ok.code,,count,weekly,NOPE,maybe\n", "").statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.contains("code", "name_en", "frequency", "source", "additive"))
                .body("errors.row", org.hamcrest.Matchers.contains(2, 3, 3, 3, 3));
    }

    @Test
    void putDefinesThenChangesWithIfMatchAndPublishesTheChange() {
        String code = "test.put" + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"nameEn\":\"Patents granted\",\"unit\":\"count\",\"frequency\":\"annual\",\"source\":\"BR2023\"}";
        read().contentType("application/json").body(body).when().put("/api/indicators/" + code).then().statusCode(401);
        String etag = TestData.write(config).contentType("application/json").body(body).when().put("/api/indicators/" + code).then()
                .statusCode(201).body("version", equalTo(1)).body("additive", equalTo(true)).extract().header("ETag");
        String changed = "{\"nameEn\":\"Patents granted (invention)\",\"unit\":\"count\",\"frequency\":\"annual\"}";
        TestData.write(config).contentType("application/json").body(changed).when().put("/api/indicators/" + code).then()
                .statusCode(428).contentType("application/problem+json");
        TestData.write(config).contentType("application/json").header("If-Match", "\"99\"").body(changed)
                .when().put("/api/indicators/" + code).then().statusCode(412);
        TestData.write(config).contentType("application/json").header("If-Match", etag).body(changed)
                .when().put("/api/indicators/" + code).then().statusCode(200).body("version", equalTo(2))
                .body("nameEn", equalTo("Patents granted (invention)"));
        TestData.write(config).contentType("application/json").header("If-Match", etag).body(changed)
                .when().put("/api/indicators/" + code).then().statusCode(412);
        try (TopicProbe probe = new TopicProbe("jjj.indicators.v1")) {
            var events = probe.awaitAtLeast(2, r -> r.subject().equals(code) && r.type().equals("jjj.indicators.indicator.changed.v1"));
            assertEquals(2, events.size());
            assertEquals("Patents granted (invention)", events.get(1).data().path("nameEn").asText());
        }
    }

    @Test
    void putRefusesBadDefinitionsAndFrequencyChangesOfIndicatorsWithData() {
        TestData.write(config).contentType("application/json").body("{\"unit\":\"count\",\"frequency\":\"daily\"}")
                .when().put("/api/indicators/test.bad").then().statusCode(400)
                .body("errors.field", hasItems("nameEn", "frequency"));
        TestData.write(config).contentType("application/json").body("{\"nameEn\":").when().put("/api/indicators/test.bad")
                .then().statusCode(400).contentType("application/problem+json");
        String etag = read().when().get("/api/indicators/va.tertiary").then().extract().header("ETag");
        TestData.write(config).contentType("application/json").header("If-Match", etag)
                .body("{\"nameEn\":\"Value added of the tertiary industry\",\"unit\":\"CNY 100 million\",\"frequency\":\"quarterly\"}")
                .when().put("/api/indicators/va.tertiary").then().statusCode(409).body("detail", containsString("annual"));
    }

    @Test
    void sourcesAreReferenceDataAndCanBeAdded() {
        read().when().get("/api/indicators/sources").then().statusCode(200)
                .body("id", hasItems("TANG2018", "BR2023", "BR2024", "BLUE2025", "LICHEN", "APPROX"));
        read().when().get("/api/indicators/sources/BR2024").then().statusCode(200).body("citation", containsString("Beijing Review No. 11"));
        read().when().get("/api/indicators/sources/NOPE").then().statusCode(404);
        String id = "T" + UUID.randomUUID().toString().substring(0, 6);
        TestData.write(config).contentType("application/json").body("{\"citation\":\"A yearbook\"}").when()
                .put("/api/indicators/sources/" + id).then().statusCode(201).body("citation", equalTo("A yearbook"));
        TestData.write(config).contentType("application/json").body("{}").when()
                .put("/api/indicators/sources/" + id).then().statusCode(400).body("errors[0].field", equalTo("citation"));
    }
}
