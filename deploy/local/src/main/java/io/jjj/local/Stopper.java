package io.jjj.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stops what a run state records, in dependency order: the gateway, then the services, then Kafka,
 * then PostgreSQL. Used by the launcher itself (Ctrl-C, failed start) and by {@code ./jjj down}.
 */
public final class Stopper {

    static final Duration APP_GRACE = Duration.ofSeconds(30);
    static final Duration KAFKA_GRACE = Duration.ofSeconds(60);

    private Stopper() {
    }

    /** The order to stop in: each inner list is stopped together. */
    static List<List<String>> tiers() {
        List<List<String>> tiers = new ArrayList<>();
        tiers.add(List.of(App.GATEWAY.id()));
        List<String> services = new ArrayList<>();
        for (App a : App.values()) {
            if (!a.isGateway()) {
                services.add(a.id());
            }
        }
        tiers.add(services);
        tiers.add(List.of("kafka"));
        tiers.add(List.of("postgres"));
        return tiers;
    }

    /** Stops everything recorded; returns the names of the processes that had to be killed. */
    public static List<String> stopAll(RunState state, PrintStream out) {
        List<String> killed = new ArrayList<>();
        for (List<String> tier : tiers()) {
            List<RunState.Proc> procs = new ArrayList<>();
            for (String name : tier) {
                state.proc(name).ifPresent(procs::add);
            }
            if (tier.contains("postgres")) {
                stopPostgres(state, out);
                continue;
            }
            List<Thread> threads = new ArrayList<>();
            for (RunState.Proc proc : procs) {
                Optional<ProcessHandle> h = Procs.alive(proc.pid(), proc.startMillis());
                if (h.isEmpty()) {
                    continue;
                }
                Duration grace = proc.name().equals("kafka") ? KAFKA_GRACE : APP_GRACE;
                Thread t = new Thread(() -> {
                    long t0 = System.nanoTime();
                    boolean forced = Procs.stopTree(h.get(), grace);
                    synchronized (killed) {
                        if (forced) {
                            killed.add(proc.name());
                        }
                    }
                    out.printf("  stopped %-10s (pid %d)%s in %.1f s%n", proc.name(), proc.pid(),
                            forced ? ", killed after " + grace.toSeconds() + " s" : "", (System.nanoTime() - t0) / 1e9);
                }, "stop-" + proc.name());
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return killed;
    }

    private static void stopPostgres(RunState state, PrintStream out) {
        if (state.postgresData().isEmpty()) {
            return;
        }
        Path data = Path.of(state.postgresData());
        var pid = EmbeddedPostgres.postmasterPid(data);
        if (pid.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        EmbeddedPostgres.stop(data, state.postgresBin().isEmpty() ? null : Path.of(state.postgresBin()));
        boolean stillUp = EmbeddedPostgres.postmasterPid(data).isPresent();
        out.printf("  %s %-10s (pid %d) in %.1f s%n", stillUp ? "could not stop" : "stopped", "postgres",
                pid.getAsLong(), (System.nanoTime() - t0) / 1e9);
    }
}
