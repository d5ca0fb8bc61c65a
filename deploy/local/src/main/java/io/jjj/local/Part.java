package io.jjj.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./jjj down <part>} and {@code ./jjj up <part>}: stops one part of a detached run, or starts it again
 * with the same command line and environment as {@code up} did, so that an outage of the broker, the database
 * or one application can be tried on the real processes. The part stays in the run state while it is down
 * ({@code status} shows it {@code down}), and a whole {@code down} still stops everything.
 */
final class Part {

    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final List<String> NAMES = List.of(POSTGRES, KAFKA, App.INDICATORS.id(), App.PROJECTS.id(),
            App.TRANSPORT.id(), App.GATEWAY.id());

    private final Config config;
    private final String name;
    private final PrintStream out;
    private final RunState.Store store;

    Part(Config config, String name, PrintStream out) {
        this.config = config;
        this.name = name;
        this.out = out;
        this.store = new RunState.Store(config.stateDir());
    }

    int stop() {
        try (StateLock lock = lockDetachedRun()) {
            RunState state = detachedRun();
            long t0 = System.nanoTime();
            if (name.equals(POSTGRES)) {
                embeddedOnly(config.embeddedPostgres(), "DB_URL");
                Path data = Path.of(state.postgresData());
                if (EmbeddedPostgres.postmasterPid(data).isEmpty()) {
                    throw new LauncherException("postgres is not running");
                }
                EmbeddedPostgres.stop(data, Path.of(state.postgresBin()));
            } else {
                if (name.equals(KAFKA)) {
                    embeddedOnly(config.embeddedKafka(), "KAFKA_BOOTSTRAP_SERVERS");
                }
                RunState.Proc proc = state.proc(name).orElseThrow(() -> new LauncherException(name + " was not started by this run"));
                ProcessHandle handle = Procs.alive(proc.pid(), proc.startMillis())
                        .orElseThrow(() -> new LauncherException(name + " is not running"));
                Procs.stopTree(handle, name.equals(KAFKA) ? Stopper.KAFKA_GRACE : Stopper.APP_GRACE);
            }
            out.printf("stopped %s in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    int start() {
        try (StateLock lock = lockDetachedRun()) {
            RunState state = detachedRun();
            long t0 = System.nanoTime();
            Supervisor sup = new Supervisor(state, store, out);
            if (name.equals(POSTGRES)) {
                embeddedOnly(config.embeddedPostgres(), "DB_URL");
                EmbeddedPostgres pg = new EmbeddedPostgres(config.stateDir(), config.logsDir());
                if (EmbeddedPostgres.postmasterPid(pg.dataDir()).isPresent()) {
                    throw new LauncherException("postgres is already running");
                }
                out.println("starting postgres on port " + config.pgPort());
                long pid = pg.start(Path.of(state.postgresBin()), config.pgPort(), config.startTimeout());
                sup.recordPostgres(pid, config.pgPort(), pg.log());
                out.printf("  %-10s ready after %.1f s%n", POSTGRES, (System.nanoTime() - t0) / 1e9);
                return 0;
            }
            Optional<ProcessHandle> running = state.proc(name).flatMap(p -> Procs.alive(p.pid(), p.startMillis()));
            if (running.isPresent()) {
                throw new LauncherException(name + " is already running (pid " + running.get().pid() + ")");
            }
            Readiness.Target ready;
            if (name.equals(KAFKA)) {
                embeddedOnly(config.embeddedKafka(), "KAFKA_BOOTSTRAP_SERVERS");
                ready = Up.startKafka(config, sup, out);
            } else {
                App app = App.byId(name);
                Map<String, String> extraEnv = app.isGateway() ? Up.gatewayEnv(config, state.adminKey()) : Map.of();
                ready = Up.startApp(config, sup, app, extraEnv, out);
            }
            Readiness.waitAll(List.of(ready), config.startTimeout(), t0, out, () -> false);
            return 0;
        }
    }

    /**
     * The state lock: a foreground {@code up} holds it for its whole run and keeps the run state in memory, so a
     * part can only be stopped or started in a detached run.
     */
    private StateLock lockDetachedRun() {
        return StateLock.tryAcquire(config.stateDir()).orElseThrow(() -> new LauncherException(
                "./jjj up holds " + config.stateDir().resolve(StateLock.FILE_NAME)
                        + "; a part can be stopped or started only in a run started with up --detach"));
    }

    private RunState detachedRun() {
        RunState state = store.load().orElseThrow(() -> new LauncherException("nothing runs (./jjj up --detach starts it)"));
        if (state.mode() != RunState.Mode.DETACHED) {
            throw new LauncherException("a part can be stopped or started only in a run started with up --detach");
        }
        return state;
    }

    private void embeddedOnly(boolean embedded, String variable) {
        if (!embedded) {
            throw new LauncherException(name + " is not the launcher's own (" + variable + " is set)");
        }
    }
}
