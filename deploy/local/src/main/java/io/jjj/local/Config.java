package io.jjj.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the launcher reads from the environment, resolved once. Pure: built from a map so
 * tests can pass any environment.
 */
public record Config(
        Path root,
        Path stateDir,
        Path logsDir,
        int pgPort,
        int kafkaPort,
        int kafkaControllerPort,
        Map<App, Integer> appPorts,
        Optional<JdbcServer> externalDb,
        String dbUser,
        String dbPassword,
        Optional<String> externalKafka,
        List<String> appJavaOpts,
        List<String> kafkaJavaOpts,
        Duration startTimeout,
        Optional<String> adminKeyFromEnv,
        Optional<String> tokenSecretFromEnv,
        String gatewayUrl) {

    /**
     * Below Linux's ephemeral range (32768-60999): a port in that range is now and then held by some
     * client connection's local end (seen with 54320), and then no server can bind it.
     */
    public static final int DEFAULT_PG_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final String DEFAULT_APP_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC";
    public static final String DEFAULT_KAFKA_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC";
    public static final int DEFAULT_START_TIMEOUT_SECONDS = 240;
    /** Superuser of the embedded server (authentication there is 'trust' on localhost only). */
    public static final String EMBEDDED_DB_USER = "postgres";
    public static final String EMBEDDED_DB_PASSWORD = "postgres";

    public static Config from(Map<String, String> env, Path root) {
        Path stateDir = Optional.ofNullable(blankToNull(env.get("JJJ_STATE_DIR")))
                .map(p -> root.resolve(p))
                .orElse(root.resolve(".jjj"))
                .normalize();
        int pgPort = port(env, "JJJ_PG_PORT", DEFAULT_PG_PORT);
        int kafkaPort = port(env, "JJJ_KAFKA_PORT", DEFAULT_KAFKA_PORT);
        int controllerPort = port(env, "JJJ_KAFKA_CONTROLLER_PORT", kafkaPort + 1);
        Map<App, Integer> appPorts = new EnumMap<>(App.class);
        for (App app : App.values()) {
            appPorts.put(app, port(env, app.portEnv(), app.defaultPort()));
        }

        Optional<JdbcServer> externalDb = Optional.ofNullable(blankToNull(env.get("DB_URL"))).map(JdbcServer::parse);
        String dbUser;
        String dbPassword;
        if (externalDb.isPresent()) {
            dbUser = blankToNull(env.get("DB_USER"));
            if (dbUser == null) {
                throw new LauncherException("DB_URL is set, so DB_USER (and DB_PASSWORD) must be set too");
            }
            dbPassword = Optional.ofNullable(env.get("DB_PASSWORD")).orElse("");
        } else {
            dbUser = EMBEDDED_DB_USER;
            dbPassword = EMBEDDED_DB_PASSWORD;
        }

        int timeout = positiveInt(env, "JJJ_START_TIMEOUT", DEFAULT_START_TIMEOUT_SECONDS);
        Config c = new Config(
                root, stateDir, stateDir.resolve("logs"),
                pgPort, kafkaPort, controllerPort,
                Collections.unmodifiableMap(appPorts),
                externalDb, dbUser, dbPassword,
                Optional.ofNullable(blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"))),
                splitOpts(Optional.ofNullable(env.get("JJJ_SERVICE_JAVA_OPTS")).orElse(DEFAULT_APP_JAVA_OPTS)),
                splitOpts(Optional.ofNullable(env.get("JJJ_KAFKA_JAVA_OPTS")).orElse(DEFAULT_KAFKA_JAVA_OPTS)),
                Duration.ofSeconds(timeout),
                Optional.ofNullable(blankToNull(env.get("JJJ_ADMIN_KEY"))),
                Optional.ofNullable(blankToNull(env.get("JJJ_GATEWAY_TOKEN_SECRET"))),
                Optional.ofNullable(blankToNull(env.get("JJJ_GATEWAY_URL")))
                        .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                        .orElse("http://localhost:" + appPorts.get(App.GATEWAY)));
        c.checkDistinctPorts();
        return c;
    }

    public int appPort(App app) {
        return appPorts.get(app);
    }

    public boolean embeddedPostgres() {
        return externalDb.isEmpty();
    }

    public boolean embeddedKafka() {
        return externalKafka.isEmpty();
    }

    public String kafkaBootstrap() {
        return externalKafka.orElse("localhost:" + kafkaPort);
    }

    /** The server the services' databases live on. */
    public JdbcServer dbServer() {
        return externalDb.orElseGet(() -> JdbcServer.parse("jdbc:postgresql://localhost:" + pgPort + "/postgres"));
    }

    /** Each port this run will listen on, by the name to report when it is taken. */
    public Map<Integer, String> portsToListen(boolean infraOnly) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        if (embeddedPostgres()) {
            ports.put(pgPort, "postgres");
        }
        if (embeddedKafka()) {
            ports.put(kafkaPort, "kafka");
            ports.put(kafkaControllerPort, "kafka controller");
        }
        if (!infraOnly) {
            for (App app : App.values()) {
                ports.put(appPort(app), app.id());
            }
        }
        return ports;
    }

    private void checkDistinctPorts() {
        Map<Integer, String> seen = new LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        List<Map.Entry<String, Integer>> all = new ArrayList<>();
        if (embeddedPostgres()) {
            all.add(Map.entry("JJJ_PG_PORT", pgPort));
        }
        if (embeddedKafka()) {
            all.add(Map.entry("JJJ_KAFKA_PORT", kafkaPort));
            all.add(Map.entry("JJJ_KAFKA_CONTROLLER_PORT", kafkaControllerPort));
        }
        for (App app : App.values()) {
            all.add(Map.entry(app.portEnv(), appPort(app)));
        }
        for (Map.Entry<String, Integer> e : all) {
            String previous = seen.putIfAbsent(e.getValue(), e.getKey());
            if (previous != null) {
                clashes.add(previous + " and " + e.getKey() + " are both " + e.getValue());
            }
        }
        if (!clashes.isEmpty()) {
            throw new LauncherException("ports must differ: " + String.join("; ", clashes));
        }
    }

    static int port(Map<String, String> env, String name, int defaultValue) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return defaultValue;
        }
        try {
            int p = Integer.parseInt(v.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new LauncherException(name + " must be a port number (1-65535), got '" + v + "'");
    }

    static int positiveInt(Map<String, String> env, String name, int defaultValue) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new LauncherException(name + " must be a positive whole number, got '" + v + "'");
    }

    static List<String> splitOpts(String opts) {
        List<String> out = new ArrayList<>();
        for (String s : opts.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
