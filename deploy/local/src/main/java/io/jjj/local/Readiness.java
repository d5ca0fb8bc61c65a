package io.jjj.local;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits until started processes are ready, failing fast when one dies and naming it. */
final class Readiness {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Something to wait for: ready when {@code ready} says so; failed when {@code exitCode} has one. */
    record Target(String name, BooleanSupplier ready, Supplier<OptionalInt> exitCode, Path log) {
    }

    private Readiness() {
    }

    static Target of(String name, Process p, BooleanSupplier ready, Path log) {
        return new Target(name, ready, () -> p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue()), log);
    }

    /** True when {@code GET http://localhost:port/q/health/ready} answers 200. */
    static boolean httpReady(int port) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for all targets; prints each as it gets ready. */
    static void waitAll(List<Target> targets, Duration timeout, long t0Nanos, PrintStream out, BooleanSupplier cancelled) {
        List<Target> pending = new ArrayList<>(targets);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            for (Target t : new ArrayList<>(pending)) {
                OptionalInt exit = t.exitCode().get();
                if (exit.isPresent()) {
                    throw new LauncherException(t.name() + " exited with code " + exit.getAsInt() + " before it was ready; see "
                            + Launcher.display(t.log()) + System.lineSeparator() + indent(Os.tail(t.log(), 20)));
                }
                if (t.ready().getAsBoolean()) {
                    pending.remove(t);
                    out.printf("  %-10s ready after %.1f s%n", t.name(), (System.nanoTime() - t0Nanos) / 1e9);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                Target t = pending.get(0);
                throw new LauncherException(t.name() + " did not become ready within " + timeout.toSeconds()
                        + " s (JJJ_START_TIMEOUT); see " + Launcher.display(t.log()) + System.lineSeparator()
                        + indent(Os.tail(t.log(), 20)));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }
    }

    static String indent(String text) {
        if (text.isEmpty()) {
            return "    (the log is empty)";
        }
        return "    | " + text.replace(System.lineSeparator(), System.lineSeparator() + "    | ");
    }

    /** Start-up was interrupted (Ctrl-C): the shutdown hook is already stopping everything. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
