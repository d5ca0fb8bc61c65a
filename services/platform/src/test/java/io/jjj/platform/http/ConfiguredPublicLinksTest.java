package io.jjj.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** With a public base URL configured, every link starts with it, whatever Host or forwarded headers say. */
@QuarkusTest
@TestProfile(ConfiguredPublicLinksTest.PublicBase.class)
class ConfiguredPublicLinksTest {

    public static class PublicBase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jjj.http.public-base-url", "https://observatory.example/");
        }
    }

    @Test
    void locationAndLinkStartWithTheConfiguredBase() {
        String name = "w" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .contentType("application/json").body("{\"name\":\"" + name + "\"}")
                .when().post("/test/widgets/new").then().statusCode(201)
                .header("Location", equalTo("https://observatory.example/test/widgets/" + name));
        given().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .when().get("/test/widgets/numbers?page=1&size=50").then().statusCode(200)
                .header("Link", allOf(startsWith("<https://observatory.example/test/widgets/numbers?"), not(containsString("evil"))));
    }
}
