package io.jjj.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A client that repeats one operation, paced, on a thread of its own, until closed; keeps what it threw. */
final class Load implements AutoCloseable {

    private final ScheduledExecutorService executor;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    Load(String name, Duration pause, Runnable operation) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                operation.run();
            } catch (RuntimeException | AssertionError e) {
                failures.add(e);
            }
        }, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(150, TimeUnit.SECONDS)) {
                throw new AssertionError("a client call did not end within 150 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
