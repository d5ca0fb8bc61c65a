package io.jjj.platform.outbox;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.events.EventPublisher;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the outbox to the service's topic: oldest first, key = subject, marked sent only after the broker
 * acknowledged. Wakes on the notification a publishing transaction sends when it commits and otherwise polls;
 * backs off while Kafka is down and never gives an event up. Safe with several instances at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** What the relay is doing, for readiness details. */
    public enum State { STARTING, RUNNING, BACKING_OFF, STOPPED, DISABLED }

    private final PlatformConfig config;
    private final OutboxRepository outbox;
    private final KafkaClients kafka;
    private final MeterRegistry metrics;
    private final String jdbcUrl;
    private final Optional<String> jdbcUser;
    private final Optional<String> jdbcPassword;

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile OutboxBacklog backlog = new OutboxBacklog(0, 0);
    private volatile Instant backlogReadAt = Instant.EPOCH;
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private Connection listener;
    private Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(PlatformConfig config, OutboxRepository outbox, KafkaClients kafka, MeterRegistry metrics,
                       @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> jdbcUser,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> jdbcPassword) {
        this.config = config;
        this.outbox = outbox;
        this.kafka = kafka;
        this.metrics = metrics;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
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
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
        closeListener();
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

    private void loop() {
        Duration backoff = config.outbox().minBackoff();
        while (running) {
            try {
                ensureProducer();
                int sent = relayBatch();
                state.set(State.RUNNING);
                lastError.set(null);
                backoff = config.outbox().minBackoff();
                if (sent < config.outbox().batchSize()) {
                    cleanupIfDue();
                    awaitNotification(config.outbox().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                state.set(State.BACKING_OFF);
                lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
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

    /** Sends one batch in one transaction; the rows stay locked (skipped by other relays) until it ends. */
    int relayBatch() {
        String topic = config.service().topic();
        return QuarkusTransaction.requiringNew().timeout((int) Math.max(30, config.kafka().requestTimeout().toSeconds() * 4))
                .call(() -> {
                    List<OutboxRepository.PendingEvent> batch = outbox.claim(config.outbox().batchSize());
                    if (batch.isEmpty()) {
                        return 0;
                    }
                    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
                    for (OutboxRepository.PendingEvent e : batch) {
                        acks.add(producer.send(new ProducerRecord<>(topic, e.subject(), e.payload())));
                    }
                    producer.flush();
                    long deadline = System.nanoTime() + config.kafka().requestTimeout().toNanos() * 3;
                    for (Future<RecordMetadata> ack : acks) {
                        ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    }
                    outbox.markSent(batch);
                    backlogReadAt = Instant.EPOCH;
                    return batch.size();
                });
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

    private void awaitNotification(Duration timeout) throws InterruptedException {
        try {
            if (listener == null || listener.isClosed()) {
                listener = DriverManager.getConnection(jdbcUrl, jdbcUser.orElse(null), jdbcPassword.orElse(null));
                try (Statement s = listener.createStatement()) {
                    s.execute("LISTEN " + EventPublisher.CHANNEL);
                }
            }
            listener.unwrap(PGConnection.class).getNotifications((int) timeout.toMillis());
        } catch (SQLException e) {
            LOG.debugf("outbox relay cannot listen for notifications (%s); polling", e.getMessage());
            closeListener();
            Thread.sleep(timeout.toMillis());
        }
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException ignored) {
                // the connection is being dropped anyway
            }
            listener = null;
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
