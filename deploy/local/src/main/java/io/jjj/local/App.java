package io.jjj.local;

import java.nio.file.Path;

/**
 * The Quarkus applications the launcher starts: one table, in start order
 * (the data services first, the gateway once they are ready).
 */
public enum App {
    INDICATORS("indicators", "services/indicators", "JJJ_INDICATORS_PORT", 8081, "jjj_indicators"),
    PROJECTS("projects", "services/projects", "JJJ_PROJECTS_PORT", 8082, "jjj_projects"),
    TRANSPORT("transport", "services/transport", "JJJ_TRANSPORT_PORT", 8083, "jjj_transport"),
    GATEWAY("gateway", "gateway", "JJJ_GATEWAY_PORT", 8080, "jjj_gateway");

    private final String id;
    private final String module;
    private final String portEnv;
    private final int defaultPort;
    private final String database;

    App(String id, String module, String portEnv, int defaultPort, String database) {
        this.id = id;
        this.module = module;
        this.portEnv = portEnv;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String id() {
        return id;
    }

    /** The Maven module, relative to the repository root. */
    public String module() {
        return module;
    }

    public String portEnv() {
        return portEnv;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    public boolean isGateway() {
        return this == GATEWAY;
    }

    /** The Quarkus fast-jar runner of this application. */
    public Path runnerJar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static App byId(String id) {
        for (App a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }
}
