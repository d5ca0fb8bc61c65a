package io.jjj.indicators;

import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RegionsApiTest {

    @Test
    void listsRegionsAndGroupsWithMembers() {
        given().when().get("/api/regions").then().statusCode(200)
                .body("regions", hasSize(28))
                .body("regions.code", hasItems("110000", "133100", "131082"))
                .body("groups.code", contains("JJJ", "BJ-CORE6", "TWO-WINGS", "COASTAL-BELT"))
                .body("groups[0].members.code", contains("110000", "120000", "130000"))
                .body("groups[0].members[2].nameEn", equalTo("Hebei"));
        given().when().get("/api/regions?level=province").then().statusCode(200)
                .body("regions.code", contains("110000", "120000", "130000"));
        given().when().get("/api/regions?parent=130900").then().statusCode(200)
                .body("regions.code", contains("130983")).body("regions.parent", everyItem(equalTo("130900")));
        given().when().get("/api/regions?level=city").then().statusCode(400).body("errors[0].field", equalTo("level"));
    }

    @Test
    void oneRegionWithParentChildrenAndGroups() {
        given().when().get("/api/regions/130209").then().statusCode(200)
                .body("kind", equalTo("region"))
                .body("region.nameZh", equalTo("曹妃甸区"))
                .body("ancestors", contains("130200", "130000"));
        given().when().get("/api/regions/120000").then().statusCode(200)
                .body("region.groups", contains("JJJ", "COASTAL-BELT"))
                .body("region.children", hasItems("120115", "120116"));
        given().when().get("/api/regions/TWO-WINGS").then().statusCode(200)
                .body("kind", equalTo("group"))
                .body("group.members.code", contains("110112", "133100"));
        given().when().get("/api/regions/999999").then().statusCode(404).contentType("application/problem+json");
    }
}
