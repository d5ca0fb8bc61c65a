package io.jjj.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Without a configured public base URL: links are path-absolute unless a trusted proxy (loopback) forwards a host. */
@QuarkusTest
class PublicLinksTest {

    @Test
    void theClientsHostHeaderNeverReachesALink() {
        String name = "w" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Host", "evil.example").contentType("application/json").body("{\"name\":\"" + name + "\"}")
                .when().post("/test/widgets/new").then().statusCode(201)
                .header("Location", equalTo("/test/widgets/" + name));
        given().header("Host", "evil.example").when().get("/test/widgets/numbers?page=1&size=50").then().statusCode(200)
                .header("Link", allOf(startsWith("</test/widgets/numbers?"), not(containsString("evil"))));
    }

    @Test
    void aTrustedProxysForwardedHostAndSchemeAreUsed() {
        given().header("X-Forwarded-Host", "api.example.org").header("X-Forwarded-Proto", "https")
                .when().get("/test/widgets/numbers?page=1&size=50").then().statusCode(200)
                .header("Link", startsWith("<https://api.example.org/test/widgets/numbers?"));
    }

    @Test
    void aMalformedForwardedHostIsIgnored() {
        given().header("X-Forwarded-Host", "evil.example/path?x=").when().get("/test/widgets/numbers").then().statusCode(200)
                .header("Link", startsWith("</test/widgets/numbers?"));
    }
}
