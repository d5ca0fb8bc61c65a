package io.jjj.transport;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.SignedRequests;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The real network of deploy/data loaded through the feeds, and requests signed like the gateway's. */
public final class TestNetwork {

    private static final Path DATA = Path.of("../../deploy/data");

    private TestNetwork() {
    }

    public static RequestSpecification signed(PlatformConfig config) {
        return given().filter(SignedRequests.header(GatewayToken.HEADER, (method, path) -> GatewayToken.issue(
                config.security().tokenSecret().orElseThrow(), "test", List.of("transport:write"),
                new GatewayToken.Call("transport", method, path), Duration.ofMinutes(1))));
    }

    public static String file(String name) {
        try {
            return Files.readString(DATA.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the two CSV files as they are (again is harmless: rows come back unchanged) and waits for the snapshot. */
    public static void loadReal(PlatformConfig config) {
        signed(config).contentType("text/csv").body(file("transport-nodes.csv"))
                .post("/api/transport/feeds/nodes").then().statusCode(200).body("rejected", equalTo(0));
        signed(config).contentType("text/csv").body(file("transport-links.csv"))
                .post("/api/transport/feeds/links").then().statusCode(200).body("rejected", equalTo(0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/transport/routes?from=BJS&to=TS&asOf=2024-01-01&modes=hsr").then().statusCode(200));
    }

    /** A fresh id, so tests sharing the database never meet each other's data. */
    public static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
