package io.jjj.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UpTest {

    @Test
    void eachAppGetsItsPortItsOwnDatabaseKafkaAndThePublicUrl() {
        Config c = Config.from(Map.of("JJJ_PG_PORT", "6543", "JJJ_TRANSPORT_PORT", "9993"), Path.of("/r"));
        Map<String, String> env = Up.appEnv(c, App.TRANSPORT);
        assertEquals("9993", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("jdbc:postgresql://localhost:6543/jjj_transport", env.get("DB_URL"));
        assertEquals(Config.EMBEDDED_DB_USER, env.get("DB_USER"));
        assertEquals(Config.EMBEDDED_DB_PASSWORD, env.get("DB_PASSWORD"));
        assertEquals("localhost:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("http://localhost:8080", env.get("JJJ_PUBLIC_BASE_URL"), "links point at the gateway, whatever Host said");
        assertEquals("jdbc:postgresql://localhost:6543/jjj_gateway", Up.appEnv(c, App.GATEWAY).get("DB_URL"));
    }

    @Test
    void theRunnerJarIsTheQuarkusFastJarOfTheModule() {
        assertEquals(Path.of("/r/services/projects/target/quarkus-app/quarkus-run.jar"), App.PROJECTS.runnerJar(Path.of("/r")));
        assertEquals(Path.of("/r/gateway/target/quarkus-app/quarkus-run.jar"), App.GATEWAY.runnerJar(Path.of("/r")));
    }
}
