package io.jjj.projects;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.SignedRequests;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shared moves of the integration tests: a write token, unique refs, and creating a project. */
final class Projects {

    private Projects() {
    }

    static SignedRequests writer(PlatformConfig config) {
        return SignedRequests.header(GatewayToken.HEADER, (method, path) -> GatewayToken.issue(config.security().tokenSecret().orElseThrow(),
                "test", List.of("projects:write"), new GatewayToken.Call("projects", method, path), Duration.ofMinutes(1)));
    }

    static String uniqueRef(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse create(PlatformConfig config, String json) {
        return given().filter(writer(config)).contentType("application/json").body(json)
                .when().post("/api/projects").then();
    }

    /** Creates a project and returns its id. */
    static String created(PlatformConfig config, String json) {
        return create(config, json).statusCode(201).extract().path("id");
    }
}
