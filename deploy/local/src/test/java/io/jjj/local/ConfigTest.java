package io.jjj.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsMatchTheContract() {
        Config c = Config.from(Map.of(), ROOT);
        assertEquals(Path.of("/repo/.jjj"), c.stateDir());
        assertEquals(Path.of("/repo/.jjj/logs"), c.logsDir());
        assertEquals(15432, c.pgPort());
        assertEquals(9092, c.kafkaPort());
        assertEquals(9093, c.kafkaControllerPort());
        assertEquals(8080, c.appPort(App.GATEWAY));
        assertEquals(8081, c.appPort(App.INDICATORS));
        assertEquals(8082, c.appPort(App.PROJECTS));
        assertEquals(8083, c.appPort(App.TRANSPORT));
        assertTrue(c.embeddedPostgres());
        assertTrue(c.embeddedKafka());
        assertEquals("localhost:9092", c.kafkaBootstrap());
        assertEquals("jdbc:postgresql://localhost:15432/jjj_projects", c.dbServer().urlFor("jjj_projects"));
        assertEquals("http://localhost:8080", c.gatewayUrl());
        assertEquals(Duration.ofSeconds(Config.DEFAULT_START_TIMEOUT_SECONDS), c.startTimeout());
        assertTrue(c.adminKeyFromEnv().isEmpty());
    }

    @Test
    void defaultPortsAreBelowTheEphemeralRange() {
        for (int port : Config.from(Map.of(), ROOT).portsToListen(false).keySet()) {
            assertTrue(port < 32768, port + " may be taken by a client connection's local end");
        }
    }

    @Test
    void portsComeFromTheEnvironment() {
        Config c = Config.from(Map.of("JJJ_PG_PORT", "6000", "JJJ_KAFKA_PORT", "7000",
                "JJJ_GATEWAY_PORT", "9980", "JJJ_INDICATORS_PORT", "9981"), ROOT);
        assertEquals(6000, c.pgPort());
        assertEquals(7000, c.kafkaPort());
        assertEquals(7001, c.kafkaControllerPort(), "the controller port follows the broker port");
        assertEquals(9980, c.appPort(App.GATEWAY));
        assertEquals(9981, c.appPort(App.INDICATORS));
        assertEquals("http://localhost:9980", c.gatewayUrl());
        assertEquals("localhost:7000", c.kafkaBootstrap());
    }

    @Test
    void aBadPortIsNamedInTheError() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> Config.from(Map.of("JJJ_KAFKA_PORT", "90920"), ROOT));
        assertEquals("JJJ_KAFKA_PORT must be a port number (1-65535), got '90920'", e.getMessage());
        assertThrows(LauncherException.class, () -> Config.from(Map.of("JJJ_PG_PORT", "abc"), ROOT));
    }

    @Test
    void twoThingsOnOnePortAreRefused() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> Config.from(Map.of("JJJ_PROJECTS_PORT", "8081"), ROOT));
        assertTrue(e.getMessage().contains("JJJ_INDICATORS_PORT and JJJ_PROJECTS_PORT are both 8081"), e.getMessage());
    }

    @Test
    void theKafkaControllerMayNotCollideWithAService() {
        assertThrows(LauncherException.class, () -> Config.from(Map.of("JJJ_KAFKA_PORT", "8079"), ROOT));
    }

    @Test
    void anExternalDatabaseReplacesTheEmbeddedOne() {
        Config c = Config.from(Map.of("DB_URL", "jdbc:postgresql://db.example:5433/postgres?sslmode=require",
                "DB_USER", "admin", "DB_PASSWORD", "s3cret", "JJJ_PG_PORT", "8081"), ROOT);
        assertFalse(c.embeddedPostgres());
        assertEquals("admin", c.dbUser());
        assertEquals("s3cret", c.dbPassword());
        assertEquals("jdbc:postgresql://db.example:5433/jjj_gateway?sslmode=require", c.dbServer().urlFor("jjj_gateway"));
        assertFalse(c.portsToListen(false).containsValue("postgres"), "no embedded server, no port to check");
    }

    @Test
    void anExternalDatabaseNeedsAUser() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> Config.from(Map.of("DB_URL", "jdbc:postgresql://db:5432/x"), ROOT));
        assertTrue(e.getMessage().contains("DB_USER"));
    }

    @Test
    void anExternalKafkaReplacesTheBroker() {
        Config c = Config.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092"), ROOT);
        assertFalse(c.embeddedKafka());
        assertEquals("k1:9092,k2:9092", c.kafkaBootstrap());
        assertFalse(c.portsToListen(false).containsValue("kafka"));
    }

    @Test
    void portsToListenNameEachPortAndSkipAppsForInfraOnly() {
        Config c = Config.from(Map.of(), ROOT);
        Map<Integer, String> all = c.portsToListen(false);
        assertEquals("postgres", all.get(15432));
        assertEquals("kafka", all.get(9092));
        assertEquals("kafka controller", all.get(9093));
        assertEquals("indicators", all.get(8081));
        assertEquals("gateway", all.get(8080));
        assertEquals(7, all.size());
        assertEquals(3, c.portsToListen(true).size());
    }

    @Test
    void javaOptionsAreSplitOnWhitespace() {
        Config c = Config.from(Map.of("JJJ_SERVICE_JAVA_OPTS", "  -Xmx512m   -XX:+UseSerialGC "), ROOT);
        assertEquals(List.of("-Xmx512m", "-XX:+UseSerialGC"), c.appJavaOpts());
        assertTrue(Config.from(Map.of(), ROOT).appJavaOpts().stream().anyMatch(o -> o.startsWith("-Xmx")));
    }

    @Test
    void stateDirAndGatewayUrlAndTimeoutAreConfigurable() {
        Config c = Config.from(Map.of("JJJ_STATE_DIR", "tmp/state", "JJJ_GATEWAY_URL", "http://gw:1234/",
                "JJJ_START_TIMEOUT", "30", "JJJ_ADMIN_KEY", "k"), ROOT);
        assertEquals(Path.of("/repo/tmp/state"), c.stateDir());
        assertEquals("http://gw:1234", c.gatewayUrl());
        assertEquals(Duration.ofSeconds(30), c.startTimeout());
        assertEquals("k", c.adminKeyFromEnv().orElseThrow());
        assertThrows(LauncherException.class, () -> Config.from(Map.of("JJJ_START_TIMEOUT", "0"), ROOT));
    }
}
