package io.jjj.local;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The child processes of one {@code up}: starts them (each in its own session, output to its log),
 * records each in the run state as soon as it exists, and stops them all exactly once.
 */
final class Supervisor {

    private final RunState state;
    private final RunState.Store store;
    private final PrintStream out;
    private final Map<String, Process> children = new LinkedHashMap<>();
    private final Set<String> reportedExits = ConcurrentHashMap.newKeySet();
    private boolean stopping;

    Supervisor(RunState state, RunState.Store store, PrintStream out) {
        this.state = state;
        this.store = store;
        this.out = out;
    }

    RunState state() {
        return state;
    }

    synchronized boolean stopping() {
        return stopping;
    }

    /** Starts a child with the given command and extra environment, appending its output to {@code log}. */
    synchronized Process start(String name, List<String> command, Map<String, String> env, Path workDir, int port, Path log) {
        if (stopping) {
            throw new LauncherException("stopping: not starting " + name);
        }
        List<String> cmd = new ArrayList<>(Os.newSessionPrefix());
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process p;
        try {
            Files.createDirectories(log.getParent());
            p = pb.start();
        } catch (IOException e) {
            throw new LauncherException("cannot start " + name + ": " + e.getMessage());
        }
        children.put(name, p);
        state.put(new RunState.Proc(name, RunState.Kind.JAVA, p.pid(), Procs.startMillis(p.toHandle()), port, log.toString()));
        store.save(state);
        return p;
    }

    synchronized void recordPostgres(long pid, int port, Path log) {
        long start = ProcessHandle.of(pid).map(Procs::startMillis).orElse(0L);
        state.put(new RunState.Proc("postgres", RunState.Kind.POSTGRES, pid, start, port, log.toString()));
        store.save(state);
    }

    synchronized void save() {
        store.save(state);
    }

    /** Children that died although nobody asked them to, each reported once. */
    List<String> newlyExited() {
        List<String> lines = new ArrayList<>();
        Map<String, Process> snapshot;
        synchronized (this) {
            if (stopping) {
                return lines;
            }
            snapshot = new LinkedHashMap<>(children);
        }
        snapshot.forEach((name, p) -> {
            if (!p.isAlive() && reportedExits.add(name)) {
                String log = state.proc(name).map(RunState.Proc::log).orElse("");
                lines.add(name + " exited with code " + p.exitValue() + "; see " + Launcher.display(Path.of(log)));
            }
        });
        return lines;
    }

    /** Stops everything started so far, once; later calls return at once. */
    void stopAll(String why) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        out.println(why);
        Stopper.stopAll(state, out);
        store.delete();
        out.println("all stopped");
        out.flush();
    }
}
