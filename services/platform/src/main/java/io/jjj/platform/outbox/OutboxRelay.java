package io.jjj.platform.outbox;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.notify.PgListener;
import io.jjj.platform.parked.ParkedEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the outbox to the service's topic: oldest first, key = subject, marked sent only after the broker
 * acknowledged. Each batch holds at most one event per subject, so a subject's next event goes only once the previous
 * one is acknowledged. A record the broker refuses for good is parked and the others go on; the subject's later events
 * wait until an admin retries or discards it. Records acknowledged are marked sent even when others of the batch fail,
 * so none is sent twice. Wakes on the notification a publishing transaction sends when it commits and otherwise polls;
 * backs off while Kafka is down and never gives an event up. Safe with several instances at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** What the relay is doing, for health details. */
    public enum State { STARTING, RUNNING, BACKING_OFF, STOPPED, DISABLED }

    /** What one batch did; {@code retryLater} is why records were left for the next attempt, if any were. */
    record Outcome(int claimed, int sent, int parked, Exception retryLater) {
        static final Outcome NONE = new Outcome(0, 0, 0, null);
    }

    private final PlatformConfig config;
    private final OutboxRepository outbox;
    private final ParkedEvents parked;
    private final KafkaClients kafka;
    private final PgListener pgListener;
    private final MeterRegistry metrics;

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Object wake = new Object();
    private boolean woken;
    private volatile OutboxBacklog backlog = new OutboxBacklog(0, 0);
    private volatile Instant backlogReadAt = Instant.EPOCH;
    private volatile boolean running;
    private Thread worker;
    private PgListener.Listening listening;
    private KafkaProducer<String, String> producer;
    private Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(PlatformConfig config, OutboxRepository outbox, ParkedEvents parked, KafkaClients kafka,
                       PgListener pgListener, MeterRegistry metrics) {
        this.config = config;
        this.outbox = outbox;
        this.parked = parked;
        this.kafka = kafka;
        this.pgListener = pgListener;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("jjj.outbox.backlog", this, r -> r.backlog().count())
                .description("Events written to the outbox and not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("jjj.outbox.oldest.age", this, r -> r.backlog().oldestAgeSeconds())
                .baseUnit("seconds").description("Age of the oldest unsent event").register(metrics);
        if (!config.outbox().relayEnabled()) {
            state.set(State.DISABLED);
            return;
        }
        running = true;
        listening = pgListener.listen(EventPublisher.CHANNEL, new PgListener.Listener() {
            @Override
            public void connected() {
                wakeUp();
            }

            @Override
            public void notified(List<String> payloads) {
                wakeUp();
            }
        });
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listening != null) {
            listening.close();
        }
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
        state.set(State.STOPPED);
    }

    public State state() {
        return state.get();
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** The backlog, read from the database at most once a second. */
    public OutboxBacklog backlog() {
        if (Duration.between(backlogReadAt, Instant.now()).toMillis() >= 1000) {
            try {
                backlog = outbox.backlog();
                backlogReadAt = Instant.now();
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("could not read the outbox backlog: %s", e.getMessage());
            }
        }
        return backlog;
    }

    private void wakeUp() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    private void loop() {
        Duration backoff = config.outbox().minBackoff();
        while (running) {
            try {
                ensureProducer();
                Outcome outcome = relayBatch();
                if (outcome.retryLater() != null) {
                    throw outcome.retryLater();
                }
                state.set(State.RUNNING);
                lastError.set(null);
                backoff = config.outbox().minBackoff();
                if (outcome.claimed() == 0) {
                    cleanupIfDue();
                    awaitWakeUp(config.outbox().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                state.set(State.BACKING_OFF);
                lastError.set(describe(e));
                LOG.warnf("outbox relay: %s; retrying in %d ms", lastError.get(), backoff.toMillis());
                closeProducer();
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2);
                if (backoff.compareTo(config.outbox().maxBackoff()) > 0) {
                    backoff = config.outbox().maxBackoff();
                }
            }
        }
    }

    /**
     * Sends one batch in one transaction; the rows stay locked (skipped by other relays) until it ends. What the
     * broker acknowledged is marked sent and what it refused for good is parked in that transaction, whatever
     * happened to the rest.
     */
    Outcome relayBatch() {
        String topic = config.service().topic();
        return QuarkusTransaction.requiringNew().timeout((int) Math.max(30, config.kafka().requestTimeout().toSeconds() * 4))
                .call(() -> {
                    List<OutboxRepository.PendingEvent> batch = outbox.claim(config.outbox().batchSize());
                    if (batch.isEmpty()) {
                        return Outcome.NONE;
                    }
                    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
                    for (OutboxRepository.PendingEvent e : batch) {
                        Future<RecordMetadata> ack = producer.send(new ProducerRecord<>(topic, e.subject(), e.payload()));
                        acks.add(ack);
                        if (ack.isDone() && failure(ack).filter(f -> !refusedForGood(f)).isPresent()) {
                            break; // the producer cannot reach the broker: the rest would wait for it just as long
                        }
                    }
                    producer.flush();
                    long deadline = System.nanoTime() + config.kafka().requestTimeout().toNanos() * 3;
                    List<OutboxRepository.PendingEvent> sent = new ArrayList<>(acks.size());
                    int parkedCount = 0;
                    Exception retryLater = null;
                    for (int i = 0; i < acks.size(); i++) {
                        OutboxRepository.PendingEvent e = batch.get(i);
                        try {
                            acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                            sent.add(e);
                        } catch (ExecutionException failed) {
                            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
                            if (refusedForGood(cause)) {
                                parked.parkOutbox(e.seq(), describe(cause));
                                parkedCount++;
                                LOG.errorf("outbox relay parked event %s (subject %s): %s; the subject's later events wait for an admin",
                                        e.id(), e.subject(), describe(cause));
                            } else if (retryLater == null) {
                                retryLater = cause instanceof Exception ex ? ex : failed;
                            }
                        } catch (TimeoutException timedOut) {
                            if (retryLater == null) {
                                retryLater = timedOut;
                            }
                        }
                    }
                    outbox.markSent(sent);
                    backlogReadAt = Instant.EPOCH;
                    return new Outcome(batch.size(), sent.size(), parkedCount, retryLater);
                });
    }

    private static Optional<Throwable> failure(Future<RecordMetadata> ack) {
        try {
            ack.get(0, TimeUnit.NANOSECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Failures that no retry can cure: the record itself is unacceptable. */
    static boolean refusedForGood(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidTopicException || e instanceof InvalidRecordException
                || e instanceof SerializationException;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void ensureProducer() throws Exception {
        if (producer == null) {
            kafka.ensureTopic(config.service().topic());
            producer = kafka.producer();
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // a producer that cannot reach the broker may fail to close cleanly; a new one replaces it
            }
            producer = null;
        }
    }

    private void awaitWakeUp(Duration timeout) throws InterruptedException {
        synchronized (wake) {
            if (!woken) {
                wake.wait(timeout.toMillis());
            }
            woken = false;
        }
    }

    private void cleanupIfDue() throws SQLException {
        if (Duration.between(lastCleanup, Instant.now()).toMinutes() >= 10) {
            lastCleanup = Instant.now();
            int deleted = QuarkusTransaction.requiringNew().call(() -> outbox.deleteSentBefore(Instant.now().minus(config.outbox().retention())));
            if (deleted > 0) {
                LOG.debugf("deleted %d sent outbox events", deleted);
            }
        }
    }
}
