package io.jjj.gateway.api;

import io.jjj.gateway.support.FakeService;
import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.Map;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class ApiKeyAuthTest {

    @TestHTTPResource("/")
    URL gateway;

    private static final String ADMIN = "test-admin-key";
    private static final String PROJECT = "{\"ref\":\"x\",\"destination\":\"120115\"}";

    private record Key(String id, String secret) {
    }

    private static Key createKey(String name, String... scopes) {
        var response = given().header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"scopes\":[" + String.join(",", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList()) + "]}")
                .when().post("/api/keys").then().statusCode(201)
                .header("Location", containsString("/api/keys/"))
                .body("secret", startsWith("jjj_"))
                .body("name", equalTo(name))
                .extract();
        return new Key(response.path("id"), response.path("secret"));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void writesNeedAKeyWithTheScope() {
        given().contentType(ContentType.JSON).body(PROJECT).when().post("/api/projects").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("projects:write"));

        Key indicatorsOnly = createKey(unique("stats-bureau"), "indicators:write");
        given().header("X-API-Key", indicatorsOnly.secret()).contentType(ContentType.JSON).body(PROJECT)
                .when().post("/api/projects").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("lacks the scope projects:write"));

        String name = unique("dev-commission");
        Key projects = createKey(name, "projects:write");
        given().header("Authorization", "Bearer " + projects.secret()).contentType(ContentType.JSON).body(PROJECT)
                .when().post("/api/projects").then().statusCode(201)
                .header("Location", "/api/projects/P-000999")
                .header("ETag", "\"1\"")
                .body("by", equalTo(name));
        FakeService.Received write = FakeServices.PROJECTS.last("/api/projects");
        GatewayToken.Claims claims = FakeServices.verifiedToken(write, "projects", "POST", "/api/projects");
        assertEquals(name, claims.subject());
        assertEquals(List.of("projects:write"), claims.scopes());
    }

    @Test
    void aForwardedTokenIsBoundToItsServiceMethodAndCanonicalPath() throws Exception {
        Key projects = createKey(unique("bound"), "projects:write");
        RawHttp.Response created = new RawHttp("localhost", gateway.getPort()).send("POST", "//api/./%70rojects",
                Map.of("X-API-Key", projects.secret(), "Content-Type", "application/json"), PROJECT);
        assertEquals(201, created.status(), created.body());
        FakeService.Received write = FakeServices.PROJECTS.last("/api/projects");
        String token = write.header(GatewayToken.HEADER);
        FakeServices.verifiedToken(write, "projects", "POST", "/api/projects");
        for (GatewayToken.Call other : List.of(new GatewayToken.Call("transport", "POST", "/api/projects"),
                new GatewayToken.Call("projects", "PUT", "/api/projects"),
                new GatewayToken.Call("projects", "POST", "/api/projects/P-000999/status"))) {
            try {
                GatewayToken.verify(FakeServices.TOKEN_SECRET, token, other, Instant.now(), Duration.ofSeconds(5));
                throw new AssertionError("the token opened " + other);
            } catch (GatewayToken.Refused expected) {
                assertTrue(expected.getMessage().contains("another call"));
            }
        }
    }

    @Test
    void goingAroundTheGatewayDoesNotWork() {
        given().baseUri(FakeServices.PROJECTS.url()).port(FakeServices.PROJECTS.port()).contentType(ContentType.JSON).body(PROJECT)
                .when().post("/api/projects").then().statusCode(401);
        String forged = GatewayToken.issue("not-the-shared-secret", "mallory", List.of("admin"),
                new GatewayToken.Call("projects", "POST", "/api/projects"), Duration.ofMinutes(1));
        given().baseUri(FakeServices.PROJECTS.url()).port(FakeServices.PROJECTS.port()).header(GatewayToken.HEADER, forged)
                .contentType(ContentType.JSON).body(PROJECT).when().post("/api/projects").then().statusCode(401);
    }

    @Test
    void anonymousReadsAreOpenAndCarryNoToken() {
        given().header(GatewayToken.HEADER, "made.up").when().get("/api/projects?origin=110108").then().statusCode(200);
        FakeService.Received read = FakeServices.PROJECTS.last("/api/projects?origin=110108");
        assertNull(read.header(GatewayToken.HEADER));
    }

    @Test
    void unknownAndRevokedKeysAreRefused() {
        given().header("X-API-Key", "jjj_not-a-key").when().get("/api/projects").then().statusCode(401)
                .body("detail", containsString("not valid"));
        Key key = createKey(unique("short-lived"), "transport:write");
        given().header("X-API-Key", key.secret()).when().get("/api/projects").then().statusCode(200);
        String etag = given().header("X-API-Key", ADMIN).when().get("/api/keys/" + key.id()).then().statusCode(200)
                .extract().header("ETag");
        given().header("X-API-Key", ADMIN).header("If-Match", etag).when().delete("/api/keys/" + key.id()).then().statusCode(204);
        given().header("X-API-Key", key.secret()).when().get("/api/projects").then().statusCode(401);
        given().header("X-API-Key", ADMIN).header("If-Match", etag).when().delete("/api/keys/" + key.id()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void revokingAKeyNeedsItsCurrentETag() {
        Key key = createKey(unique("guarded"), "transport:write");
        String etag = given().header("X-API-Key", ADMIN).when().get("/api/keys/" + key.id()).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).extract().header("ETag");
        given().header("X-API-Key", ADMIN).when().delete("/api/keys/" + key.id()).then().statusCode(428)
                .contentType("application/problem+json").body("detail", containsString("If-Match"));
        given().header("X-API-Key", ADMIN).header("If-Match", "\"7\"").when().delete("/api/keys/" + key.id()).then().statusCode(412)
                .contentType("application/problem+json");
        given().header("X-API-Key", key.secret()).when().get("/api/projects").then().statusCode(200);
        given().header("X-API-Key", ADMIN).header("If-Match", etag).when().delete("/api/keys/" + key.id()).then().statusCode(204);
        given().header("X-API-Key", key.secret()).when().get("/api/projects").then().statusCode(401);
    }

    @Test
    void onlyAdminsManageKeysAndSecretsAreNeverListed() {
        Key writer = createKey(unique("writer"), "indicators:write");
        given().when().get("/api/keys").then().statusCode(401);
        given().header("X-API-Key", writer.secret()).when().get("/api/keys").then().statusCode(403)
                .body("detail", containsString("admin"));
        given().header("X-API-Key", writer.secret()).contentType(ContentType.JSON).body("{\"name\":\"x\",\"scopes\":[\"admin\"]}")
                .when().post("/api/keys").then().statusCode(403);
        given().header("X-API-Key", ADMIN).when().get("/api/keys?size=1000").then().statusCode(200)
                .body("items.id", hasItem(writer.id()))
                .body("items.name", hasItem("admin"))
                .body(not(containsString(writer.secret())))
                .body(not(containsString("secret")));
        given().header("X-API-Key", ADMIN).when().get("/api/keys/" + writer.id()).then().statusCode(200)
                .body("scopes", equalTo(List.of("indicators:write")));
    }

    @Test
    void invalidKeyRequestsAreExplained() {
        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON).body("{\"name\":\"bad name!\",\"scopes\":[\"everything\"]}")
                .when().post("/api/keys").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("name", "scopes")))
                .body("errors[1].message", containsString("unknown scope 'everything'"));
        given().header("X-API-Key", ADMIN).when().get("/api/keys/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        String name = unique("twice");
        createKey(name, "admin");
        given().header("X-API-Key", ADMIN).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"scopes\":[\"admin\"]}")
                .when().post("/api/keys").then().statusCode(409);
    }
}
