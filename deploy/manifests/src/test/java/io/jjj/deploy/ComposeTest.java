package io.jjj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.jjj.deploy.Overlays.APPS;
import static io.jjj.deploy.Overlays.SERVICES;
import static io.jjj.deploy.Overlays.TOPICS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml beyond what `docker-compose config -q` (deploy/compose/check) can see: the
 * services are wired to each other, to their databases and topics, and to the contract's ports.
 */
class ComposeTest {
    static final Set<String> ONE_SHOTS = Set.of("kafka-init", "loader");

    static JsonNode compose() {
        return Yamls.withMergeKeys(Yamls.root().resolve("docker-compose.yml"));
    }

    static JsonNode services() {
        return compose().path("services");
    }

    static Set<String> builtModules() {
        Set<String> modules = new LinkedHashSet<>();
        services().fields().forEachRemaining(e -> {
            if (e.getValue().has("build")) {
                modules.add(e.getValue().path("build").path("args").path("MODULE").asText());
            }
        });
        return modules;
    }

    private static Map<String, String> env(String service) {
        Map<String, String> env = new HashMap<>();
        services().path(service).path("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    @Test
    void theSuiteIsAllThere() {
        Set<String> names = new LinkedHashSet<>();
        services().fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("postgres", "kafka", "kafka-init", "indicators", "projects", "transport", "gateway", "loader"), names);
        assertTrue(services().path("postgres").path("image").asText().matches("postgres:\\d+"), "the official postgres image");
        assertEquals("apache/kafka:" + DockerfileTest.property("kafka.version"), services().path("kafka").path("image").asText(),
                "the official Kafka image, at the version of the clients the services use");
    }

    @Test
    void everyContainerHasAHealthcheckAMemoryLimitAndWaitsForHealthyDependencies() {
        services().fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode s = e.getValue();
            JsonNode test = s.path("healthcheck").path("test");
            assertTrue(test.isArray() && test.size() >= 2, name + ": healthcheck");
            assertFalse(s.path("healthcheck").path("disable").asBoolean(false), name + ": healthcheck disabled");
            assertTrue(s.has("mem_limit") || s.path("deploy").path("resources").path("limits").has("memory"),
                    name + ": memory limit");
            assertEquals(ONE_SHOTS.contains(name) ? "no" : "unless-stopped", s.path("restart").asText(), name + ": restart");
            s.path("depends_on").fields().forEachRemaining(d -> {
                String condition = d.getValue().path("condition").asText();
                JsonNode dependency = services().path(d.getKey());
                assertFalse(dependency.isMissingNode(), name + " depends on unknown " + d.getKey());
                if (ONE_SHOTS.contains(d.getKey())) {
                    assertEquals("service_completed_successfully", condition, name + " → " + d.getKey());
                } else {
                    assertEquals("service_healthy", condition, name + " → " + d.getKey());
                }
            });
            assertTrue(s.path("depends_on").isMissingNode() || s.path("depends_on").isObject(),
                    name + ": depends_on needs the long form with conditions");
            assertFalse(s.has("network_mode"), name + ": network_mode");
        });
        for (String app : APPS) {
            Set<String> deps = new LinkedHashSet<>();
            services().path(app).path("depends_on").fieldNames().forEachRemaining(deps::add);
            assertTrue(deps.containsAll(Set.of("postgres", "kafka-init")), app + " waits for its database and topics: " + deps);
        }
        Set<String> gatewayDeps = new LinkedHashSet<>();
        services().path("gateway").path("depends_on").fieldNames().forEachRemaining(gatewayDeps::add);
        assertTrue(gatewayDeps.containsAll(SERVICES), "the gateway waits for the services: " + gatewayDeps);
    }

    @Test
    void onlyTheGatewayPublishesAPort() {
        services().fields().forEachRemaining(e -> {
            if (!e.getKey().equals("gateway")) {
                assertFalse(e.getValue().has("ports"), e.getKey() + " must not publish ports");
            }
        });
        JsonNode ports = services().path("gateway").path("ports");
        assertEquals(1, ports.size());
        assertTrue(ports.get(0).asText().endsWith(":8080"), ports.toString());
    }

    @Test
    void theAppsAreBuiltFromTheRepositoryAndWiredByTheContract() {
        Map<String, Integer> ports = Map.of("indicators", 8081, "projects", 8082, "transport", 8083, "gateway", 8080);
        for (String app : APPS) {
            JsonNode s = services().path(app);
            assertEquals(".", s.path("build").path("context").asText(), app);
            assertEquals("Dockerfile", s.path("build").path("dockerfile").asText(), app);
            Map<String, String> env = env(app);
            int port = ports.get(app);
            assertEquals(String.valueOf(port), env.get("QUARKUS_HTTP_PORT"), app);
            assertTrue(s.path("healthcheck").path("test").toString().contains("http://localhost:" + port + "/q/health/ready"),
                    app + ": the healthcheck asks the app's readiness");
            assertEquals("jdbc:postgresql://postgres:5432/jjj_" + app, env.get("DB_URL"), app);
            assertEquals("jjj_" + app, env.get("DB_USER"), app + ": the role the init script creates");
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), app);
            for (String secret : List.of("DB_PASSWORD", "JJJ_GATEWAY_TOKEN_SECRET")) {
                assertTrue(env.get(secret).matches("\\$\\{" + (secret.equals("DB_PASSWORD") ? "JJJ_DB_PASSWORD" : secret) + ":\\?.+}"),
                        app + ": " + secret + " must come from .env and be required: " + env.get(secret));
            }
        }
        Map<String, String> gw = env("gateway");
        for (String service : SERVICES) {
            assertEquals("http://" + service + ":" + ports.get(service), gw.get("JJJ_" + service.toUpperCase() + "_URL"));
        }
        assertTrue(gw.get("JJJ_ADMIN_KEY").matches("\\$\\{JJJ_ADMIN_KEY:\\?.+}"), "the admin key comes from .env");
        assertTrue(env("kafka").get("KAFKA_ADVERTISED_LISTENERS").contains("PLAINTEXT://kafka:9092"));
    }

    @Test
    void postgresCreatesOneDatabasePerService() {
        JsonNode pg = services().path("postgres");
        Map<String, String> env = env("postgres");
        List<String> dbs = List.of(env.get("JJJ_DATABASES").split(" "));
        assertEquals(Set.copyOf(APPS), Set.copyOf(dbs));
        boolean dataVolume = false;
        boolean init = false;
        for (JsonNode v : pg.path("volumes")) {
            String[] parts = v.asText().split(":");
            dataVolume |= parts[0].equals("pgdata") && parts[1].equals("/var/lib/postgresql/data");
            if (parts[1].startsWith("/docker-entrypoint-initdb.d/")) {
                init = true;
                Path script = Yamls.root().resolve(parts[0]);
                assertTrue(Files.isRegularFile(script), script + " is missing");
                String text = Yamls.read(script);
                assertTrue(text.contains("CREATE DATABASE") && text.contains("jjj_${service}"), "the init script creates jjj_<service>");
            }
        }
        assertTrue(dataVolume, "PostgreSQL keeps its data in the named volume pgdata");
        assertTrue(init, "an init script creates the databases");
        assertTrue(compose().path("volumes").has("pgdata") && compose().path("volumes").has("kafkadata"), "named volumes");
        assertTrue(services().path("kafka").path("volumes").toString().contains("kafkadata:/var/lib/kafka/data"));
        assertEquals("/var/lib/kafka/data", env("kafka").get("KAFKA_LOG_DIRS"));
    }

    @Test
    void kafkaInitCreatesTheContractTopics() {
        String command = services().path("kafka-init").path("command").toString();
        for (String topic : TOPICS) {
            assertTrue(command.contains(topic), "kafka-init creates " + topic);
        }
        assertEquals("false", env("kafka").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"), "topics are created, not guessed");
    }

    @Test
    void theLoaderFeedsTheDefaultDataSetThroughTheGateway() throws IOException {
        JsonNode loader = services().path("loader");
        assertTrue(loader.path("volumes").toString().contains("./deploy/data:/data:ro"));
        String mounted = null;
        for (JsonNode v : loader.path("volumes")) {
            if (v.asText().endsWith("/load.sh:ro")) {
                mounted = v.asText().split(":")[0];
            }
        }
        assertNotNull(mounted, "the loader script is mounted");
        String script = Yamls.read(Yamls.root().resolve(mounted));
        Map<String, String> feeds = new HashMap<>();
        Matcher m = Pattern.compile("^feed \"?(\\S+?)\"? (\\S+\\.csv)$", Pattern.MULTILINE).matcher(script);
        List<String> order = new ArrayList<>();
        while (m.find()) {
            feeds.put(m.group(1), m.group(2));
            order.add(m.group(2));
        }
        assertEquals(5, feeds.size(), "the loader feeds the five files of deploy/local's FeedRoutes (FeedRoutesTest compares the routes)");
        assertTrue(order.indexOf("indicators.csv") < order.indexOf("observations.csv"), "catalogue first");
        assertTrue(order.indexOf("transport-nodes.csv") < order.indexOf("transport-links.csv"), "nodes before links");
        assertTrue(script.contains("Authorization: Bearer $JJJ_ADMIN_KEY") && script.contains("Content-Type: text/csv")
                && script.contains("Idempotency-Key"), "admin key, CSV, idempotent");
        Path data = Yamls.root().resolve("deploy/data");
        boolean populated;
        try (Stream<Path> s = Files.list(data)) {
            populated = s.anyMatch(p -> p.toString().endsWith(".csv"));
        }
        if (populated) {
            for (String file : feeds.values()) {
                assertTrue(Files.isRegularFile(data.resolve(file)), "deploy/data/" + file + " is missing");
            }
        }
    }

    @Test
    void secretsComeFromAnUncommittedEnvFile() {
        String example = Yamls.read(Yamls.root().resolve(".env.example"));
        String text = Yamls.read(Yamls.root().resolve("docker-compose.yml"));
        Matcher m = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*):\\?").matcher(text);
        Set<String> required = new LinkedHashSet<>();
        while (m.find()) {
            required.add(m.group(1));
        }
        assertTrue(required.containsAll(Set.of("JJJ_ADMIN_KEY", "JJJ_GATEWAY_TOKEN_SECRET", "POSTGRES_PASSWORD", "JJJ_DB_PASSWORD")),
                required.toString());
        for (String name : required) {
            assertTrue(example.lines().anyMatch(l -> l.equals(name + "=")), ".env.example must list " + name + " with no value");
        }
        assertTrue(Yamls.read(Yamls.root().resolve(".gitignore")).lines().anyMatch(l -> l.strip().equals(".env")),
                ".env must be ignored by git");
        assertTrue(new DockerfileTest.DockerIgnore(Yamls.read(Yamls.root().resolve(".dockerignore"))).excludes(".env"),
                ".env must stay out of the build context");
    }
}
