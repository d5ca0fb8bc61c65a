package io.jjj.platform.security;

import io.jjj.platform.config.PlatformConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WriteGuardTest {

    private static final String PATH = "/api/test/guarded";

    @Inject
    PlatformConfig config;

    private String token(List<String> scopes, Duration lifetime) {
        return GatewayToken.issue(config.security().tokenSecret(), "tester", scopes, lifetime);
    }

    @Test
    void readsNeedNoToken() {
        given().when().get(PATH).then().statusCode(200).body(equalTo("read"));
    }

    @Test
    void aWriteWithoutTheGatewayTokenIs401() {
        given().when().post(PATH).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aForgedOrExpiredTokenIs401() {
        String forged = GatewayToken.issue("another-secret", "tester", List.of("admin"), Duration.ofMinutes(1));
        given().header(GatewayToken.HEADER, forged).when().post(PATH).then().statusCode(401)
                .body("detail", containsString("invalid or expired"));
        given().header(GatewayToken.HEADER, token(List.of("admin"), Duration.ofSeconds(-5))).when().post(PATH).then().statusCode(401);
        given().header(GatewayToken.HEADER, "garbage").when().post(PATH).then().statusCode(401);
    }

    @Test
    void aTokenWithoutTheServiceScopeIs403() {
        given().header(GatewayToken.HEADER, token(List.of("projects:write"), Duration.ofMinutes(1))).when().post(PATH)
                .then().statusCode(403).body("detail", containsString("platformtest:write"));
    }

    @Test
    void theServiceScopeOrAdminOpensWrites() {
        given().header(GatewayToken.HEADER, token(List.of("platformtest:write"), Duration.ofMinutes(1))).when().post(PATH)
                .then().statusCode(200).body(equalTo("written"));
        given().header(GatewayToken.HEADER, token(List.of("admin"), Duration.ofMinutes(1))).when().post(PATH)
                .then().statusCode(200);
    }

    @Test
    void verifyReturnsTheClaims() {
        var claims = GatewayToken.verify(config.security().tokenSecret(), token(List.of("a:write", "b:write"), Duration.ofMinutes(1))).orElseThrow();
        assertTrue(claims.allows("b:write"));
        assertTrue(!claims.allows("c:write"));
    }
}
