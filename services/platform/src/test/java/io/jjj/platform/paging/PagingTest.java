package io.jjj.platform.paging;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class PagingTest {

    @Test
    void aMiddlePageHasItsItemsTotalAndLinks() {
        given().when().get("/test/widgets/numbers?page=1&size=50").then().statusCode(200)
                .header("X-Total-Count", "120")
                .header("Link", allOf(containsString("page=0&size=50>; rel=\"first\""),
                        containsString("page=0&size=50>; rel=\"prev\""),
                        containsString("page=2&size=50>; rel=\"next\""),
                        containsString("page=2&size=50>; rel=\"last\"")))
                .body("items", hasSize(50)).body("items[0]", equalTo(50)).body("total", equalTo(120));
    }

    @Test
    void theLastPageHasNoNext() {
        given().when().get("/test/widgets/numbers?page=2").then().statusCode(200)
                .header("Link", not(containsString("rel=\"next\""))).body("items", hasSize(20));
    }

    @Test
    void sizeOverTheMaximumOrNotANumberIs400() {
        given().when().get("/test/widgets/numbers?size=1001").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().when().get("/test/widgets/numbers?page=x").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().when().get("/test/widgets/numbers?page=-1").then().statusCode(400);
    }
}
