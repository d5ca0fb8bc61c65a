package io.jjj.e2e;

import io.jjj.platform.security.GatewayToken;
import io.jjj.testkit.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Going around the gateway: straight to a service's port, as someone on the machine would. Only a token signed with
 * this installation's secret, for exactly this call and with the service's scope, opens a write; and no service
 * starts with a published secret or none.
 */
class ServiceTokensTest {

    private static final String FEED = "/api/indicators/feeds/observations";
    private static final String PUBLISHED_SECRET = "jjj-local-development-secret-change-me";

    private final Suite suite = Suite.get();
    private final Http http = new Http(suite.gateway(), suite.adminKey);

    private String indicators() {
        return "http://localhost:" + suite.env.get("JJJ_INDICATORS_PORT");
    }


    private int postFeed(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(indicators() + FEED))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("indicator,region,period,value\n"));
        if (token != null) {
            request.header(GatewayToken.HEADER, token);
        }
        HttpResponse<String> answer = http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 400) {
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), answer.body());
        }
        return answer.statusCode();
    }

    private static String token(String secret, List<String> scopes, String audience, String method, String path) {
        return GatewayToken.issue(secret, "e2e", scopes, new GatewayToken.Call(audience, method, path), Duration.ofSeconds(30));
    }

    @Test
    void onlyATokenForThisCallSignedWithThisInstallationsSecretOpensAWrite() throws Exception {
        String secret = suite.tokenSecret();
        assertTrue(secret.length() >= 43, "a generated secret of 32 random bytes");
        assertEquals(401, postFeed(null), "no token");
        assertEquals(401, postFeed(token(PUBLISHED_SECRET, List.of("admin"), "indicators", "POST", FEED)), "the old default secret");
        assertEquals(401, postFeed(token(secret, List.of("admin"), "projects", "POST", FEED)), "another service's token");
        assertEquals(401, postFeed(token(secret, List.of("admin"), "indicators", "PUT", FEED)), "another method's token");
        assertEquals(401, postFeed(token(secret, List.of("admin"), "indicators", "POST", "/api/indicators/feeds/catalogue")),
                "another path's token");
        assertEquals(403, postFeed(token(secret, List.of("transport:write"), "indicators", "POST", FEED)), "another scope");
        int accepted = postFeed(token(secret, List.of("indicators:write"), "indicators", "POST", FEED));
        assertTrue(accepted == 200 || accepted == 202, "the exact call: " + accepted);
    }

    /**
     * The gateway adds headers of its own (the token, X-Forwarded-*) to what it forwards. Near the gateway's header limit,
     * a keyed write is either refused by the gateway's own parser (a bare 431 that never reached routing, so it carries
     * no request id) or answered by the service; never refused bare by the service, which would close a pooled
     * connection under the next call.
     */
    @Test
    void whatTheGatewayForwardsTheServiceParses() throws Exception {
        int gatewayLimit = 20 * 1024;
        String body = "indicator,region,period,value\n";
        RawHttp gateway = new RawHttp("localhost", suite.gatewayPort);
        int answeredByTheService = 0;
        for (int padding = gatewayLimit - 1200; padding <= gatewayLimit; padding += 40) {
            RawHttp.Response answer = gateway.send("POST", FEED, Map.of("Authorization", "Bearer " + suite.adminKey,
                    "Content-Type", "text/csv", "X-Padding", "p".repeat(padding)), body);
            if (answer.status() == 431) {
                assertTrue(answer.header("X-Request-Id") == null,
                        "padding " + padding + ": a 431 from behind the gateway, relayed with request id " + answer.header("X-Request-Id"));
            } else {
                assertTrue(answer.status() == 200 || answer.status() == 202, "padding " + padding + ": " + answer.status() + " " + answer.body());
                answeredByTheService++;
            }
        }
        assertTrue(answeredByTheService > 0, "some paddings fit under the gateway's limit");
    }

    @Test
    void aServiceRefusesToStartWithoutASecretOrWithAPublishedOne() throws Exception {
        Path jar = suite.root.resolve("services/indicators/target/quarkus-app/quarkus-run.jar");
        for (String secret : new String[]{null, PUBLISHED_SECRET}) {
            List<String> command = new ArrayList<>(List.of("java", "-Xmx128m", "-jar", jar.toString()));
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "QUARKUS_HTTP_PORT", "0",
                    "DB_URL", "jdbc:postgresql://localhost:" + suite.env.get("JJJ_PG_PORT") + "/jjj_indicators",
                    "DB_USER", "postgres", "DB_PASSWORD", "postgres",
                    "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + suite.env.get("JJJ_KAFKA_PORT"),
                    "JJJ_OUTBOX_RELAY_ENABLED", "false"));
            env.put("JJJ_GATEWAY_TOKEN_SECRET", secret == null ? "" : secret);
            Suite.Result started = suite.run(command, env);
            assertNotEquals(0, started.exit(), started.output());
            assertTrue(started.output().contains("JJJ_GATEWAY_TOKEN_SECRET"), started.output());
        }
    }
}
