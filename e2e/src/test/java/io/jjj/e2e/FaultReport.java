package io.jjj.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * The figures of each fault test: writes acknowledged vs found, events produced vs delivered, the time to
 * recover and the longest a client waited during the fault. Printed, and written one line per test to
 * {@code e2e/target/fault-report.txt} (started afresh by each test run).
 */
final class FaultReport {

    private static boolean started;

    private FaultReport() {
    }

    static synchronized void write(Suite suite, String test, long acknowledged, long found, long produced, long delivered,
                                   Duration recovery, Duration longestWait, String more) {
        String line = String.format(Locale.ROOT,
                "%s: writes acknowledged %d, found %d; events produced %d, delivered %d; recovered in %.1f s; longest wait %.1f s%s",
                test, acknowledged, found, produced, delivered, recovery.toMillis() / 1000.0, longestWait.toMillis() / 1000.0,
                more.isEmpty() ? "" : "; " + more);
        System.out.println("FAULT REPORT " + line);
        Path file = suite.root.resolve("e2e/target/fault-report.txt");
        try {
            Files.createDirectories(file.getParent());
            if (!started) {
                Files.deleteIfExists(file);
                started = true;
            }
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
