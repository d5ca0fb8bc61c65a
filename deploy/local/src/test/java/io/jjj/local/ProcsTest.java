package io.jjj.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcsTest {

    @Test
    void theRecordedProcessIsAliveOnlyWithItsOwnStartTime() {
        ProcessHandle me = ProcessHandle.current();
        long start = Procs.startMillis(me);
        assertTrue(start > 0);
        assertTrue(Procs.alive(me.pid(), start).isPresent());
        assertTrue(Procs.alive(me.pid(), 0).isPresent(), "no recorded start: trust the pid");
        assertFalse(Procs.alive(me.pid(), start - 3_600_000).isPresent(), "a recycled pid is not our process");
        assertFalse(Procs.alive(0, start).isPresent());
        assertFalse(Procs.alive(-5, start).isPresent());
    }

    @Test
    void startTimesWithinTheToleranceAreTheSame() {
        assertTrue(Procs.sameStart(10_000, 10_000 + Procs.START_TOLERANCE_MILLIS));
        assertFalse(Procs.sameStart(10_000, 10_001 + Procs.START_TOLERANCE_MILLIS));
        assertTrue(Procs.sameStart(0, 123));
    }

    @Test
    void stopTreeEndsAChildThatHonoursTerm() throws Exception {
        Process p = new ProcessBuilder("sleep", "600").start();
        boolean forced = Procs.stopTree(p.toHandle(), java.time.Duration.ofSeconds(20));
        assertFalse(forced, "sleep ends on SIGTERM, no kill needed");
        // Process.isAlive can lag ProcessHandle by the reaper thread: wait for the exit it records
        assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the child has ended");
        assertEquals(143, p.waitFor(), "terminated by SIGTERM");
    }

    @Test
    void stopTreeKillsAChildThatIgnoresTerm() throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "trap '' TERM; echo ready; while :; do sleep 0.1; done")
                .redirectErrorStream(true).start();
        // wait until the trap is installed: the child says so
        assertEquals("ready", new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine());
        boolean forced = Procs.stopTree(p.toHandle(), java.time.Duration.ofMillis(300));
        assertTrue(forced);
        // as above, Process.isAlive can lag ProcessHandle by the reaper thread
        assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the child has ended");
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
    }
}
