package io.jjj.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed client and the dashboard against the API as it is: the types are generated from the running gateway's
 * merged {@code /openapi.json} (openapi-typescript), then {@code tsc} checks the client and the dashboard's JSDoc-typed
 * modules against them. An API change that breaks a front end fails here. Needs Node and npm; the packages come
 * from the npm registry, pinned by {@code clients/typescript/package-lock.json}.
 */
@Order(3)
class DashboardTypesTest {

    /** A path of each service, so the document is checked with every service in it. */
    static final List<String> SERVICE_PATHS = List.of("\"/api/observations\"", "\"/api/projects/flows\"",
            "\"/api/transport/isochrones\"", "\"/api/regions/{code}/profile\"");

    static Suite suite;
    static Path client;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        client = suite.root.resolve("clients/typescript");
    }

    @Test
    void theClientAndTheDashboardTypeCheckAgainstTheMergedDocument() throws IOException {
        assertEquals(0, suite.run(List.of("npm", "--version"), Map.of()).exit(),
                "the type check needs Node and npm (Debian: apt-get install -y nodejs npm)");
        // the gateway merges the services' documents every 30 s, leaving out a service that was down at the last merge
        Http http = new Http(suite.gateway(), suite.adminKey);
        String document = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> http.get("/openapi.json").body(), d -> SERVICE_PATHS.stream().allMatch(d::contains));
        Path merged = suite.root.resolve("e2e/target/openapi.json");
        Files.writeString(merged, document);

        npm("ci", "--no-audit", "--no-fund", "--prefer-offline");
        npm("exec", "--", "openapi-typescript", merged.toString(), "-o", "src/schema.d.ts");
        assertTrue(Files.readString(client.resolve("src/schema.d.ts")).contains("\"/api/transport/isochrones\""),
                "the generated paths include the isochrones");
        npm("run", "check");
        npm("run", "check:dashboard");
    }

    private static void npm(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "cd \"$0\" && exec npm \"$@\"", client.toString()));
        command.addAll(List.of(args));
        Suite.Result result = suite.run(command, Map.of());
        assertEquals(0, result.exit(), "npm " + String.join(" ", args) + " in clients/typescript:\n" + result.output());
    }
}
