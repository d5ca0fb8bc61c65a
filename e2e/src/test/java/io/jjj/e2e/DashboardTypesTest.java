package io.jjj.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        Http.Reply document = new Http(suite.gateway(), suite.adminKey).get("/openapi.json");
        assertEquals(200, document.status(), document.body());
        Path merged = suite.root.resolve("e2e/target/openapi.json");
        Files.writeString(merged, document.body());

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
