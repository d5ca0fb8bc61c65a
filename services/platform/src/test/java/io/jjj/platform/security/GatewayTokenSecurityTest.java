package io.jjj.platform.security;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.fixture.Tokens;
import io.jjj.testkit.SignedRequests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class GatewayTokenSecurityTest {

    private static final String PATH = "/api/test/guarded";

    @Inject
    PlatformConfig config;

    @Inject
    TokenSecret secret;

    private String token(List<String> scopes, String audience, String method, String path, Instant issued, Duration lifetime) {
        return GatewayToken.issue(secret.value(), "tester", scopes, new GatewayToken.Call(audience, method, path), issued, lifetime);
    }

    private String token(List<String> scopes, String method, String path) {
        return token(scopes, "platformtest", method, path, Instant.now(), Duration.ofSeconds(30));
    }

    private SignedRequests signed(List<String> scopes) {
        return Tokens.signed(config, scopes);
    }

    @Test
    void readsNeedNoToken() {
        given().when().get(PATH).then().statusCode(200).body(equalTo("read"));
    }

    @Test
    void aWriteWithoutATokenIs401Problem() {
        given().when().post(PATH).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).body("detail", containsString("API key"));
    }

    @Test
    void theServiceScopeOrAdminOpensWrites() {
        given().filter(signed(List.of("platformtest:write"))).when().post(PATH).then().statusCode(200).body(equalTo("written"));
        given().filter(signed(List.of("admin"))).when().post(PATH).then().statusCode(200);
    }

    @Test
    void anotherServicesScopeIs403() {
        given().filter(signed(List.of("projects:write"))).when().post(PATH).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void adminOperationsNeedAdminNotJustWrite() {
        given().filter(signed(List.of("platformtest:write"))).when().delete(PATH).then().statusCode(403);
        given().filter(signed(List.of("admin"))).when().delete(PATH).then().statusCode(200).body(equalTo("purged"));
    }

    @Test
    void unannotatedOperationsAreDeniedByDefault() {
        given().when().put("/api/test/unannotated").then().statusCode(401);
        given().when().get("/api/test/unannotated").then().statusCode(401);
        given().filter(signed(List.of("platformtest:write"))).when().put("/api/test/unannotated").then().statusCode(200);
    }

    @Test
    void aTokenForAnotherCallOpensNothing() {
        String forGuardedPost = token(List.of("admin"), "POST", PATH);
        given().header(GatewayToken.HEADER, forGuardedPost).when().delete(PATH).then().statusCode(401)
                .body("detail", containsString("another call"));
        given().header(GatewayToken.HEADER, forGuardedPost).when().put("/api/test/unannotated").then().statusCode(401);
        String otherService = token(List.of("admin"), "projects", "POST", PATH, Instant.now(), Duration.ofSeconds(30));
        given().header(GatewayToken.HEADER, otherService).when().post(PATH).then().statusCode(401);
        given().header(GatewayToken.HEADER, forGuardedPost).when().post(PATH).then().statusCode(200);
    }

    @Test
    void forgedExpiredOrFutureTokensAre401WithoutInternals() {
        String forged = GatewayToken.issue("another-secret-another-secret-another", "mallory", List.of("admin"),
                new GatewayToken.Call("platformtest", "POST", PATH), Instant.now(), Duration.ofSeconds(30));
        given().header(GatewayToken.HEADER, forged).when().post(PATH).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("signature"));
        Duration skew = config.security().clockSkew();
        given().header(GatewayToken.HEADER, token(List.of("admin"), "platformtest", "POST", PATH,
                Instant.now().minus(Duration.ofMinutes(2)), Duration.ofSeconds(30))).when().post(PATH).then().statusCode(401)
                .body("detail", containsString("expired"));
        given().header(GatewayToken.HEADER, token(List.of("admin"), "platformtest", "POST", PATH,
                Instant.now().plus(skew).plusSeconds(60), Duration.ofSeconds(30))).when().post(PATH).then().statusCode(401);
        given().header(GatewayToken.HEADER, "garbage\u0001.x").when().post(PATH).then().statusCode(401)
                .body(not(containsString("Exception")));
    }
}
