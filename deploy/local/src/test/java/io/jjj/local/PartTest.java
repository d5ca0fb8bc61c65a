package io.jjj.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    private Config config() {
        return Config.from(Map.of("JJJ_STATE_DIR", "state"), root);
    }

    private RunState.Store store() {
        return new RunState.Store(config().stateDir());
    }

    @Test
    void stopsTheRecordedProcessOfADetachedRunAndKeepsItInTheRecord() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        try {
            store().save(new RunState().mode(RunState.Mode.DETACHED)
                    .put(new RunState.Proc("projects", RunState.Kind.JAVA, child.pid(), Procs.startMillis(child.toHandle()), 1, "p.log")));

            assertEquals(0, new Part(config(), "projects", out).stop());

            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the part has stopped");
            assertTrue(output.toString(StandardCharsets.UTF_8).contains("stopped projects"), output.toString(StandardCharsets.UTF_8));
            assertTrue(store().load().orElseThrow().proc("projects").isPresent(), "status still lists it, as down");
            LauncherException again = assertThrows(LauncherException.class, () -> new Part(config(), "projects", out).stop());
            assertTrue(again.getMessage().contains("projects is not running"), again.getMessage());
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void refusesARunInTheForegroundAndAPartThatIsRunning() throws Exception {
        Process child = new ProcessBuilder("sleep", "600").start();
        try {
            RunState state = new RunState().mode(RunState.Mode.FOREGROUND)
                    .put(new RunState.Proc("gateway", RunState.Kind.JAVA, child.pid(), Procs.startMillis(child.toHandle()), 1, "g.log"));
            store().save(state);
            LauncherException foreground = assertThrows(LauncherException.class, () -> new Part(config(), "gateway", out).stop());
            assertTrue(foreground.getMessage().contains("only in a run started with up --detach"), foreground.getMessage());

            store().save(state.mode(RunState.Mode.DETACHED));
            LauncherException running = assertThrows(LauncherException.class, () -> new Part(config(), "gateway", out).start());
            assertTrue(running.getMessage().contains("gateway is already running (pid " + child.pid() + ")"), running.getMessage());
            assertTrue(child.isAlive(), "refusing leaves the part alone");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void nothingToStopWhenNothingRuns() {
        LauncherException e = assertThrows(LauncherException.class, () -> new Part(config(), "kafka", out).stop());
        assertTrue(e.getMessage().contains("nothing runs"), e.getMessage());
    }
}
