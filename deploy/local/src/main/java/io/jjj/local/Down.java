package io.jjj.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code ./jjj down}: stops what {@code up} started, whether detached or still in a terminal. */
final class Down {

    private static final Duration LAUNCHER_GRACE = Duration.ofSeconds(150);

    private final Config config;
    private final PrintStream out;
    private final RunState.Store store;

    Down(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.store = new RunState.Store(config.stateDir());
    }

    int run(boolean purge) {
        boolean didSomething = false;
        Optional<StateLock> lock = StateLock.tryAcquire(config.stateDir());
        if (lock.isEmpty()) {
            // an 'up' is running in a terminal (or still starting): ask it to stop, it stops its children in order
            Optional<RunState> state = store.load();
            Optional<ProcessHandle> launcher = state.flatMap(s -> Procs.alive(s.launcherPid(), s.launcherStartMillis()));
            if (launcher.isEmpty()) {
                throw new LauncherException("another ./jjj command holds " + config.stateDir().resolve(StateLock.FILE_NAME)
                        + " and its pid is unknown; wait for it or stop it");
            }
            out.println("asking ./jjj up (pid " + launcher.get().pid() + ") to stop everything...");
            launcher.get().destroy();
            try {
                launcher.get().onExit().get(LAUNCHER_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("  it did not stop within " + LAUNCHER_GRACE.toSeconds() + " s; killing it and stopping its children here");
                launcher.get().destroyForcibly();
            }
            didSomething = true;
            lock = StateLock.tryAcquire(config.stateDir());
            for (int i = 0; i < 50 && lock.isEmpty(); i++) {
                sleep(100);
                lock = StateLock.tryAcquire(config.stateDir());
            }
            if (lock.isEmpty()) {
                throw new LauncherException("the launcher stopped but the state lock is still held; try ./jjj down again");
            }
        }
        try (StateLock held = lock.get()) {
            Optional<RunState> state = store.load();
            if (state.isPresent()) {
                boolean anyAlive = state.get().procs().stream()
                        .anyMatch(p -> Procs.alive(p.pid(), p.startMillis()).isPresent())
                        || (!state.get().postgresData().isEmpty()
                            && EmbeddedPostgres.postmasterPid(Path.of(state.get().postgresData())).isPresent());
                if (anyAlive) {
                    out.println("stopping...");
                    Stopper.stopAll(state.get(), out);
                    didSomething = true;
                }
                store.delete();
            }
            // a PostgreSQL whose record was lost (launcher killed with -9 half way): stop it too
            Path data = new EmbeddedPostgres(config.stateDir(), config.logsDir()).dataDir();
            var pid = EmbeddedPostgres.postmasterPid(data);
            if (pid.isPresent()) {
                out.println("stopping PostgreSQL left running on " + Launcher.display(data) + " (pid " + pid.getAsLong() + ")");
                EmbeddedPostgres.stop(data, null);
                didSomething = true;
            }
            out.println(didSomething ? "all stopped" : "nothing was running");
            if (purge) {
                purge();
            }
        }
        return 0;
    }

    /** Deletes the databases and topics of the embedded servers (everything is stopped, the lock is held). */
    private void purge() {
        Path pgData = new EmbeddedPostgres(config.stateDir(), config.logsDir()).dataDir();
        if (EmbeddedPostgres.postmasterPid(pgData).isPresent()) {
            throw new LauncherException("PostgreSQL still runs on " + Launcher.display(pgData) + "; not deleting its data");
        }
        Path kafkaHome = config.stateDir().resolve("kafka");
        for (Path p : new Path[] {pgData, kafkaHome}) {
            if (!java.nio.file.Files.exists(p)) {
                continue;
            }
            try (var walk = java.nio.file.Files.walk(p)) {
                for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(f);
                }
            } catch (java.io.IOException e) {
                throw new LauncherException("cannot delete " + p + ": " + e.getMessage());
            }
            out.println("deleted " + Launcher.display(p));
        }
        if (config.externalDb().isPresent()) {
            out.println("DB_URL is set: the databases on " + config.dbServer().hosts() + " were left alone");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
