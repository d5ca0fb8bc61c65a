package io.jjj.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Process helpers on {@link ProcessHandle}: liveness that survives pid reuse, and stopping a tree. */
public final class Procs {

    /** Two JVMs compute a process' start instant from the same kernel data; allow rounding. */
    static final long START_TOLERANCE_MILLIS = 2000;

    private Procs() {
    }

    public static long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** The live process with that pid, if it is the one that was recorded (same start time). */
    public static Optional<ProcessHandle> alive(long pid, long recordedStartMillis) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> sameStart(recordedStartMillis, startMillis(h)));
    }

    static boolean sameStart(long recorded, long actual) {
        if (recorded <= 0 || actual <= 0) {
            return true; // nothing to compare with
        }
        return Math.abs(recorded - actual) <= START_TOLERANCE_MILLIS;
    }

    /**
     * Asks the process and its descendants to stop (SIGTERM), waits up to {@code grace}, then kills
     * whatever is left. Returns true when it had to kill.
     */
    public static boolean stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        for (ProcessHandle h : all) {
            h.destroy();
        }
        if (waitAll(all, grace)) {
            return false;
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        waitAll(all, Duration.ofSeconds(10));
        return true;
    }

    /** Polls (every 50 ms) until none of the processes is alive; false on timeout. */
    static boolean waitAll(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handles.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Resident memory of a process in KiB (Linux /proc), or -1. */
    public static long rssKib(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux, or gone
        }
        return -1;
    }
}
