package io.jjj.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code ./jjj up}: build what is missing, start everything, wait until it is ready. */
final class Up {

    private final Config config;
    private final Cli cli;
    private final PrintStream out;
    private final RunState.Store store;

    Up(Config config, Cli cli, PrintStream out) {
        this.config = config;
        this.cli = cli;
        this.out = out;
        this.store = new RunState.Store(config.stateDir());
    }

    int run() {
        long t0 = System.nanoTime();
        mkdirs(config.stateDir());
        mkdirs(config.logsDir());
        Optional<StateLock> lock = StateLock.tryAcquire(config.stateDir());
        if (lock.isEmpty()) {
            String who = store.load().map(s -> " (launcher pid " + s.launcherPid() + ", " + describe(s.mode()) + ")").orElse("");
            throw new LauncherException("./jjj up is already running" + who
                    + "; ./jjj status shows what runs, ./jjj down stops it");
        }
        checkNothingLeftOver();

        List<String> taken = Ports.taken(config.portsToListen(cli.infraOnly()));
        if (!taken.isEmpty()) {
            throw new LauncherException(String.join(System.lineSeparator(), taken)
                    + System.lineSeparator() + "free it, or choose other ports (see ./jjj help and deploy/local/README.md)");
        }
        if (!cli.infraOnly()) {
            buildIfNeeded();
        }

        String adminKey = AdminKey.forUp(config.adminKeyFromEnv(), config.stateDir());
        ProcessHandle me = ProcessHandle.current();
        RunState state = new RunState()
                .launcher(me.pid(), Procs.startMillis(me))
                .mode(RunState.Mode.STARTING)
                .logsDir(config.logsDir().toString())
                .adminKey(adminKey);
        store.save(state);
        Supervisor sup = new Supervisor(state, store, out);
        Thread hook = new Thread(() -> sup.stopAll(System.lineSeparator() + "stopping everything..."), "jjj-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        try {
            out.println("logs: " + Launcher.display(config.logsDir()) + "/");
            Readiness.Target kafkaReady = startInfrastructure(sup, t0);
            if (cli.infraOnly()) {
                Readiness.waitAll(List.of(kafkaReady), config.startTimeout(), t0, out, sup::stopping);
            } else {
                startApps(sup, adminKey, kafkaReady, t0);
                if (!cli.noLoad()) {
                    new DefaultData(config, adminKey, out).load();
                }
            }
        } catch (Readiness.Cancelled c) {
            waitForHook();
        } catch (RuntimeException e) {
            if (sup.stopping()) {
                waitForHook(); // Ctrl-C while starting: the hook owns the shutdown and its messages
            }
            out.println("start-up failed; stopping what was started");
            removeHook(hook);
            sup.stopAll("stopping...");
            throw e;
        }

        printSummary(adminKey, t0);
        if (cli.detach()) {
            state.mode(RunState.Mode.DETACHED);
            sup.save();
            removeHook(hook);
            lock.get().close();
            out.println("running in the background: ./jjj status shows it, ./jjj down stops it");
            return 0;
        }
        state.mode(RunState.Mode.FOREGROUND);
        sup.save();
        out.println("Ctrl-C stops everything.");
        System.gc(); // give start-up garbage back: this JVM now only watches its children
        while (!sup.stopping()) {
            for (String line : sup.newlyExited()) {
                out.println("!! " + line);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        waitForHook();
        return 0;
    }

    /** Refuses to start over a run that is still (partly) alive. */
    private void checkNothingLeftOver() {
        Optional<RunState> prev = store.load();
        if (prev.isPresent()) {
            List<String> alive = new ArrayList<>();
            for (RunState.Proc p : prev.get().procs()) {
                if (Procs.alive(p.pid(), p.startMillis()).isPresent()) {
                    alive.add(p.name() + " (pid " + p.pid() + ")");
                }
            }
            if (!alive.isEmpty()) {
                boolean launcherAlive = Procs.alive(prev.get().launcherPid(), prev.get().launcherStartMillis()).isPresent();
                String how = prev.get().mode() == RunState.Mode.DETACHED || launcherAlive
                        ? describe(prev.get().mode()) : "left by a launcher that was killed";
                throw new LauncherException("the suite is already running (" + how + "): "
                        + String.join(", ", alive) + "; ./jjj status shows it, ./jjj down stops it");
            }
            store.delete();
        }
        if (config.embeddedPostgres()) {
            Path data = new EmbeddedPostgres(config.stateDir(), config.logsDir()).dataDir();
            var pid = EmbeddedPostgres.postmasterPid(data);
            if (pid.isPresent()) {
                throw new LauncherException("PostgreSQL of an earlier run still runs on " + Launcher.display(data)
                        + " (pid " + pid.getAsLong() + "); ./jjj down stops it");
            }
        }
    }

    private void buildIfNeeded() {
        List<App> apps = List.of(App.values());
        List<String> reasons = Build.reasons(config.root(), apps);
        if (reasons.isEmpty()) {
            return;
        }
        if (cli.noBuild()) {
            List<String> missing = reasons.stream().filter(r -> r.endsWith(" is missing")).toList();
            if (!missing.isEmpty()) {
                throw new LauncherException("--no-build was given but " + String.join(", ", missing)
                        + "; run without --no-build, or build with ./mvnw -DskipTests install");
            }
            for (String r : reasons) {
                out.println("  warning: " + r + " (--no-build: starting it as it is)");
            }
            return;
        }
        for (String r : reasons) {
            out.println("  " + r);
        }
        Build.run(config.root(), apps, out);
        List<String> missing = new ArrayList<>();
        for (App app : apps) {
            if (!Files.isRegularFile(app.runnerJar(config.root()))) {
                missing.add(config.root().relativize(app.runnerJar(config.root())).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new LauncherException("the build finished but made no " + String.join(", ", missing));
        }
        List<String> taken = Ports.taken(config.portsToListen(false));
        if (!taken.isEmpty()) {
            throw new LauncherException(String.join(System.lineSeparator(), taken));
        }
    }

    /**
     * Starts Kafka and PostgreSQL and creates the databases. Returns what to wait for before the
     * gateway: Kafka's readiness is awaited together with the services' (they only need the
     * database to start, and retry Kafka), so the broker's and the services' start-ups overlap.
     */
    private Readiness.Target startInfrastructure(Supervisor sup, long t0) {
        KafkaBroker kafka = new KafkaBroker(config.stateDir(), config.logsDir(), Launcher.libDir(config.root()));
        Readiness.Target kafkaReady;
        if (config.embeddedKafka()) {
            Os.rotate(kafka.log());
            kafkaReady = startKafka(config, sup, out);
        } else {
            out.println("using Kafka at " + config.kafkaBootstrap() + " (KAFKA_BOOTSTRAP_SERVERS)");
            kafkaReady = new Readiness.Target("kafka", () -> KafkaBroker.ready(config.kafkaBootstrap()),
                    java.util.OptionalInt::empty, kafka.log());
        }

        if (config.embeddedPostgres()) {
            EmbeddedPostgres pg = new EmbeddedPostgres(config.stateDir(), config.logsDir());
            Os.rotate(pg.log());
            Path bin = pg.binaries();
            sup.state().postgres(bin.toString(), pg.dataDir().toString());
            sup.save();
            if (pg.initIfNeeded(bin)) {
                out.println("created a new PostgreSQL cluster in " + Launcher.display(pg.dataDir()));
            }
            out.println("starting postgres on port " + config.pgPort());
            long pid = pg.start(bin, config.pgPort(), config.startTimeout());
            sup.recordPostgres(pid, config.pgPort(), pg.log());
            out.printf("  %-10s ready after %.1f s%n", "postgres", (System.nanoTime() - t0) / 1e9);
        } else {
            out.println("using PostgreSQL at " + config.dbServer().hosts() + " (DB_URL)");
        }
        createDatabases();
        return kafkaReady;
    }

    /** Starts the embedded broker; returns what to wait for. */
    static Readiness.Target startKafka(Config config, Supervisor sup, PrintStream out) {
        KafkaBroker kafka = new KafkaBroker(config.stateDir(), config.logsDir(), Launcher.libDir(config.root()));
        kafka.prepare(config.kafkaPort(), config.kafkaControllerPort());
        out.println("starting kafka on port " + config.kafkaPort());
        Process kp = sup.start("kafka", kafka.command(config.kafkaJavaOpts()), Map.of(),
                config.stateDir().resolve("kafka"), config.kafkaPort(), kafka.log());
        return Readiness.of("kafka", kp, () -> KafkaBroker.ready(config.kafkaBootstrap()), kafka.log());
    }

    /** Creates each service's database when it is missing. */
    private void createDatabases() {
        String url = config.dbServer().adminUrl();
        List<String> created = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, config.dbUser(), config.dbPassword())) {
            for (App app : App.values()) {
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, app.database());
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                }
                if (!exists) {
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE DATABASE \"" + app.database() + "\" ENCODING 'UTF8'");
                    }
                    created.add(app.database());
                }
            }
        } catch (SQLException e) {
            throw new LauncherException("cannot create the databases on " + url + " as " + config.dbUser() + ": " + e.getMessage());
        }
        if (!created.isEmpty()) {
            out.println("  created databases " + String.join(", ", created));
        }
    }

    private void startApps(Supervisor sup, String adminKey, Readiness.Target kafkaReady, long t0) {
        List<Readiness.Target> services = new ArrayList<>();
        services.add(kafkaReady);
        for (App app : App.values()) {
            if (!app.isGateway()) {
                services.add(startApp(sup, app, Map.of()));
            }
        }
        Readiness.waitAll(services, config.startTimeout(), t0, out, sup::stopping);
        Readiness.waitAll(List.of(startApp(sup, App.GATEWAY, gatewayEnv(config, adminKey))), config.startTimeout(), t0, out, sup::stopping);
    }

    /** What the gateway needs besides the contract environment: the admin key and where the services are. */
    static Map<String, String> gatewayEnv(Config config, String adminKey) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JJJ_ADMIN_KEY", adminKey);
        for (App app : App.values()) {
            if (!app.isGateway()) {
                env.put("JJJ_" + app.id().toUpperCase() + "_URL", "http://localhost:" + config.appPort(app));
            }
        }
        return env;
    }

    private Readiness.Target startApp(Supervisor sup, App app, Map<String, String> extraEnv) {
        Os.rotate(config.logsDir().resolve(app.id() + ".log"));
        return startApp(config, sup, app, extraEnv, out);
    }

    /** Starts an application, its output appended to its log; returns what to wait for. */
    static Readiness.Target startApp(Config config, Supervisor sup, App app, Map<String, String> extraEnv, PrintStream out) {
        int port = config.appPort(app);
        Map<String, String> env = new LinkedHashMap<>(appEnv(config, app));
        env.putAll(extraEnv);
        Path log = config.logsDir().resolve(app.id() + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Os.javaExecutable());
        cmd.addAll(config.appJavaOpts());
        cmd.add("-jar");
        cmd.add(app.runnerJar(config.root()).toString());
        out.println("starting " + app.id() + " on port " + port);
        Process p = sup.start(app.id(), cmd, env, config.root().resolve(app.module()), port, log);
        return Readiness.of(app.id(), p, () -> Readiness.httpReady(port), log);
    }

    /** The environment contract every application is started with. */
    static Map<String, String> appEnv(Config config, App app) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(config.appPort(app)));
        env.put("DB_URL", config.dbServer().urlFor(app.database()));
        env.put("DB_USER", config.dbUser());
        env.put("DB_PASSWORD", config.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        env.put("JJJ_GATEWAY_TOKEN_SECRET", StoredSecret.GATEWAY_TOKEN_SECRET.forUp(config.tokenSecretFromEnv(), config.stateDir()));
        env.put("JJJ_PUBLIC_BASE_URL", config.gatewayUrl());
        return env;
    }

    private void printSummary(String adminKey, long t0) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder(nl);
        b.append(String.format("Jing-Jin-Ji Observatory is up (%.1f s)%n", (System.nanoTime() - t0) / 1e9));
        if (cli.infraOnly()) {
            b.append("  infrastructure only (--infra-only); run a service with:").append(nl);
            b.append("    DB_URL=").append(config.dbServer().urlFor("<database>"))
                    .append(" DB_USER=").append(config.dbUser()).append(" DB_PASSWORD=").append(config.dbPassword()).append(nl);
            b.append("    KAFKA_BOOTSTRAP_SERVERS=").append(config.kafkaBootstrap()).append(nl);
            b.append("    databases: ");
            List<String> dbs = new ArrayList<>();
            for (App app : App.values()) {
                dbs.add(app.database());
            }
            b.append(String.join(", ", dbs)).append(nl);
        } else {
            b.append("  Swagger UI  ").append(config.gatewayUrl()).append("/swagger-ui").append(nl);
            b.append("  OpenAPI     ").append(config.gatewayUrl()).append("/openapi.json").append(nl);
            b.append("  Admin key   ").append(adminKey).append(config.adminKeyFromEnv().isPresent()
                    ? "  (from JJJ_ADMIN_KEY)" : "  (kept in " + Launcher.display(AdminKey.file(config.stateDir())) + ")").append(nl);
            b.append("              curl -H 'Authorization: Bearer ").append(adminKey).append("' ...").append(nl);
        }
        b.append("  Logs        ").append(Launcher.display(config.logsDir())).append("/").append(nl);
        out.print(b);
    }

    private static String describe(RunState.Mode mode) {
        return switch (mode) {
            case STARTING -> "starting";
            case FOREGROUND -> "in the foreground";
            case DETACHED -> "detached";
        };
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }

    /** Parks this thread while the shutdown hook stops everything and the JVM exits. */
    private static void waitForHook() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep waiting: the JVM is exiting
            }
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new LauncherException("cannot create " + dir + ": " + e.getMessage());
        }
    }
}
