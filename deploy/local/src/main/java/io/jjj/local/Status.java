package io.jjj.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ./jjj status}: what runs where. Exit code 0 when everything is up, 3 when nothing runs, else 1. */
final class Status {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Config config;
    private final PrintStream out;

    Status(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    int run() {
        Optional<RunState> loaded = new RunState.Store(config.stateDir()).load();
        Path data = new EmbeddedPostgres(config.stateDir(), config.logsDir()).dataDir();
        if (loaded.isEmpty()) {
            out.println("not running (./jjj up starts it)");
            EmbeddedPostgres.postmasterPid(data).ifPresent(pid ->
                    out.println("but PostgreSQL still runs on " + Launcher.display(data) + " (pid " + pid + "); ./jjj down stops it"));
            return 3;
        }
        RunState state = loaded.get();
        boolean launcherAlive = Procs.alive(state.launcherPid(), state.launcherStartMillis()).isPresent();
        String mode = switch (state.mode()) {
            case STARTING -> launcherAlive ? "starting" : "left by a launcher that was killed while starting";
            case FOREGROUND -> launcherAlive ? "in the foreground" : "left by a launcher that was killed";
            case DETACHED -> "detached";
        };
        out.printf("jjj %s, started %s by launcher pid %d%s%n", mode,
                state.launcherStartMillis() > 0 ? TIME.format(Instant.ofEpochMilli(state.launcherStartMillis())) : "?",
                state.launcherPid(), launcherAlive ? "" : " (exited)");
        out.printf("%-11s %-8s %-6s %-10s %-8s %s%n", "NAME", "PID", "PORT", "STATE", "RSS", "LOG");
        List<String> order = new ArrayList<>(List.of("postgres", "kafka"));
        for (List<String> tier : Stopper.tiers()) {
            for (String n : tier) {
                if (!order.contains(n)) {
                    order.add(n);
                }
            }
        }
        // the gateway last, as it starts last
        order.remove(App.GATEWAY.id());
        order.add(App.GATEWAY.id());
        int up = 0;
        int total = 0;
        for (String name : order) {
            Optional<RunState.Proc> proc = state.proc(name);
            if (proc.isEmpty()) {
                continue;
            }
            total++;
            RunState.Proc p = proc.get();
            boolean alive = Procs.alive(p.pid(), p.startMillis()).isPresent();
            String st;
            if (!alive) {
                st = "down";
            } else if (App.byId(name) != null) {
                st = Readiness.httpReady(p.port()) ? "ready" : "not ready";
            } else {
                st = Ports.listening(p.port()) ? "up" : "no port";
            }
            if (st.equals("ready") || st.equals("up")) {
                up++;
            }
            long rss = alive ? Procs.rssKib(p.pid()) : -1;
            out.printf("%-11s %-8d %-6d %-10s %-8s %s%n", name, p.pid(), p.port(), st,
                    rss > 0 ? (rss / 1024) + " MiB" : "-", Launcher.display(Path.of(p.log())));
        }
        if (state.proc(App.GATEWAY.id()).isPresent()) {
            out.println("Swagger UI: " + config.gatewayUrl() + "/swagger-ui");
        }
        if (total == 0 || up == 0) {
            return 3;
        }
        return up == total ? 0 : 1;
    }
}
