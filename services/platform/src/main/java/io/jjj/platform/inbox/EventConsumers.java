package io.jjj.platform.inbox;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.events.EventJson;
import io.jjj.platform.outbox.KafkaClients;
import io.jjj.platform.parked.ParkedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs consumer loops: each event is handed to the handler inside a transaction that also records its id in the
 * inbox, so a redelivered event has no second effect. Offsets are committed only up to the last event handled: an
 * event that could not be handled is read again after a backoff, with the partitions paused meanwhile. While the
 * database is unreachable that goes on for as long as it takes; a handler that fails the same event
 * {@code jjj.consumers.max-attempts} times with the database up has the event parked, and the stream moves on.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    /** One consumer loop, for health details. */
    public record Status(String group, String state, Optional<String> lastError) {
    }

    private final KafkaClients kafka;
    private final Inbox inbox;
    private final ParkedEvents parked;
    private final AgroalDataSource dataSource;
    private final PlatformConfig config;
    private final List<Loop> loops = new CopyOnWriteArrayList<>();

    public EventConsumers(KafkaClients kafka, Inbox inbox, ParkedEvents parked, AgroalDataSource dataSource, PlatformConfig config) {
        this.kafka = kafka;
        this.inbox = inbox;
        this.parked = parked;
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Starts a loop in consumer group {@code group} over {@code topics}. */
    public void start(String group, List<String> topics, EventHandler handler) {
        Loop loop = new Loop(group, topics, handler);
        loops.add(loop);
        loop.thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(Loop::stop);
    }

    public List<Status> status() {
        return loops.stream().map(l -> new Status(l.group, l.state, Optional.ofNullable(l.lastError))).toList();
    }

    /** Handles one event exactly once per event id; public for callers that replay events themselves. */
    public boolean handleOnce(String consumer, CloudEvent event, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.record(consumer, event)) {
                return false;
            }
            handler.handle(event);
            return true;
        });
    }

    /**
     * Hands a parked event to the handler of its consumer again; empty when that consumer does not run in this
     * instance. Throws what the handler throws.
     */
    public Optional<Boolean> retry(String consumer, CloudEvent event) {
        return loops.stream().filter(l -> l.group.equals(consumer)).findFirst()
                .map(l -> handleOnce(consumer, event, l.handler));
    }

    private boolean databaseReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private final class Loop {
        private final String group;
        private final List<String> topics;
        private final EventHandler handler;
        private final Thread thread;
        private final Map<UUID, Integer> failures = new HashMap<>();
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, String> consumer;
        private volatile String state = "starting";
        private volatile String lastError;

        Loop(String group, List<String> topics, EventHandler handler) {
            this.group = group;
            this.topics = topics;
            this.handler = handler;
            this.thread = new Thread(this::run, "consumer-" + group);
            this.thread.setDaemon(true);
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> c = consumer;
            if (c != null) {
                c.wakeup();
            }
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            while (running) {
                try (KafkaConsumer<String, String> c = kafka.consumer(group)) {
                    consumer = c;
                    failures.clear();
                    c.subscribe(topics);
                    Duration backoff = config.consumers().minBackoff();
                    while (running) {
                        if (consumeOnce(c)) {
                            state = "running";
                            backoff = config.consumers().minBackoff();
                        } else {
                            state = "retrying";
                            waitPaused(c, backoff);
                            backoff = backoff.multipliedBy(2);
                            if (backoff.compareTo(config.consumers().maxBackoff()) > 0) {
                                backoff = config.consumers().maxBackoff();
                            }
                        }
                    }
                } catch (WakeupException e) {
                    return;
                } catch (Exception e) {
                    if (!running) {
                        return;
                    }
                    state = "reconnecting";
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    LOG.warnf("consumer %s: %s; reconnecting", group, lastError);
                    sleep(1000);
                }
            }
        }

        /**
         * Polls once and handles the records in order, partition by partition; commits what was handled. False when
         * an event was left unhandled: its partition is set back to it.
         */
        private boolean consumeOnce(KafkaConsumer<String, String> c) {
            ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
            Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
            boolean all = true;
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, String> record : records.records(partition)) {
                    if (!handle(record)) {
                        c.seek(partition, record.offset());
                        all = false;
                        break;
                    }
                    handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            if (!handled.isEmpty()) {
                c.commitSync(handled);
            }
            return all;
        }

        /** Waits with every partition paused, staying in the group; whatever a rebalance delivers meanwhile is read again later. */
        private void waitPaused(KafkaConsumer<String, String> c, Duration backoff) {
            c.pause(c.assignment());
            ConsumerRecords<String, String> stray = c.poll(backoff);
            for (TopicPartition partition : stray.partitions()) {
                c.seek(partition, stray.records(partition).get(0).offset());
            }
            c.resume(c.assignment());
        }

        /** True when the record needs nothing more: handled now or before, parked, or not an event at all. */
        private boolean handle(ConsumerRecord<String, String> record) {
            CloudEvent event;
            try {
                event = EventJson.read(record.value());
            } catch (IllegalArgumentException e) {
                LOG.warnf("consumer %s skips a record that is not a CloudEvent (%s@%d:%d): %s",
                        group, record.topic(), record.partition(), record.offset(), e.getMessage());
                return true;
            }
            try {
                handleOnce(group, event, handler);
                failures.remove(event.id());
                return true;
            } catch (RuntimeException e) {
                String error = ParkedEvents.describe(e);
                if (!databaseReachable()) {
                    lastError = "database unreachable: " + error;
                    LOG.warnf("consumer %s waits for the database to handle event %s: %s", group, event.id(), error);
                    return false;
                }
                int attempts = failures.merge(event.id(), 1, Integer::sum);
                lastError = "event " + event.id() + " failed " + attempts + " time(s): " + error;
                if (attempts < config.consumers().maxAttempts()) {
                    LOG.warnf("consumer %s: %s; retrying", group, lastError);
                    return false;
                }
                return park(record, event, error, attempts);
            }
        }

        private boolean park(ConsumerRecord<String, String> record, CloudEvent event, String error, int attempts) {
            try {
                QuarkusTransaction.requiringNew().run(() ->
                        parked.parkInbox(group, event.id(), event.type(), event.subject(), event.time(), record.value(), error, attempts));
            } catch (RuntimeException e) {
                LOG.warnf("consumer %s could not park event %s (%s); trying it again", group, event.id(), ParkedEvents.describe(e));
                return false;
            }
            failures.remove(event.id());
            LOG.errorf("consumer %s parked event %s (%s) after %d failures: %s", group, event.id(), event.type(), attempts, error);
            return true;
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
