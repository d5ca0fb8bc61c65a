package io.jjj.e2e;

import io.jjj.platform.security.GatewayToken;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stops and starts the real processes of the suite: {@code ./jjj down <part>} and {@code ./jjj up <part>} for an
 * orderly stop and a start again, {@code kill -9} of the recorded pid for a crash. A part is {@code postgres},
 * {@code kafka}, {@code indicators}, {@code projects}, {@code transport} or {@code gateway}.
 */
final class Faults {

    /** The applications, by their part names. */
    static final List<String> APPS = List.of("gateway", "indicators", "projects", "transport");

    private final Suite suite;

    Faults(Suite suite) {
        this.suite = suite;
    }

    /** Stops a part the way the launcher stops it (SIGTERM, {@code pg_ctl stop -m fast}). */
    void stop(String part) {
        Suite.Result r = suite.jjj("down", part);
        assertEquals(0, r.exit(), "./jjj down " + part + ":\n" + r.output());
    }

    /** Starts a part again and returns once it is ready. */
    void start(String part) {
        Suite.Result r = suite.jjj("up", part);
        assertEquals(0, r.exit(), "./jjj up " + part + ":\n" + r.output());
    }

    /** {@code kill -9} of the part's recorded process; returns once it is gone. */
    void kill(String part) {
        long pid = pid(part);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(part + " (pid " + pid + ") is not running"));
        assertTrue(process.destroyForcibly(), "SIGKILL sent to " + part);
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(part + " (pid " + pid + ") did not die within 30 s of SIGKILL", e);
        }
    }

    /** The pid the launcher recorded for a part. */
    long pid(String part) {
        Properties run = new Properties();
        try (Reader in = Files.newBufferedReader(suite.state.resolve("run.properties"))) {
            run.load(in);
        } catch (IOException e) {
            throw new AssertionError("no run state in " + suite.state, e);
        }
        String pid = run.getProperty("proc." + part + ".pid");
        assertTrue(pid != null, part + " is recorded in the run state");
        return Long.parseLong(pid);
    }

    /** The direct address of an application (not through the gateway), for its health endpoints. */
    String direct(String app) {
        return "http://localhost:" + suite.port("JJJ_" + app.toUpperCase() + "_PORT");
    }

    /** A token as the gateway signs it for one call to {@code app}, with the admin scope, under the installation's secret. */
    String adminToken(String app, String method, String path) {
        return GatewayToken.issue(suite.tokenSecret(), "fault-tests", List.of("admin"), new GatewayToken.Call(app, method, path),
                Duration.ofMinutes(1));
    }

    String kafkaBootstrap() {
        return "localhost:" + suite.port("JJJ_KAFKA_PORT");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + suite.port("JJJ_PG_PORT") + "/" + database;
    }

    /**
     * Polls {@code condition} until it holds or {@code within} has passed; says which, so that a test can write
     * its figures before it fails. Exceptions count as "not yet".
     */
    static boolean eventually(Duration within, Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Whether {@code condition} holds throughout {@code period} (polled), for a test to report before it fails. */
    static boolean holdsFor(Duration period, Callable<Boolean> condition) {
        try {
            Awaitility.await().during(period).atMost(period.plusSeconds(10)).pollInterval(Duration.ofSeconds(1)).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
