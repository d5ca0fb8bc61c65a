package io.jjj.platform.inbox;

import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.events.EventJson;
import io.jjj.platform.outbox.KafkaClients;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs consumer loops: each event is handed to the handler inside a transaction that also records its id in the
 * inbox, so a redelivered event has no second effect; offsets are committed after the batch is handled. A handler
 * that keeps failing is retried with backoff, then the event is recorded as failed so the stream moves on.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final int MAX_ATTEMPTS = 5;

    private final KafkaClients kafka;
    private final Inbox inbox;
    private final List<Loop> loops = new CopyOnWriteArrayList<>();

    public EventConsumers(KafkaClients kafka, Inbox inbox) {
        this.kafka = kafka;
        this.inbox = inbox;
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

    /** Handles one event exactly once per event id; public for callers that replay events themselves. */
    public boolean handleOnce(String consumer, CloudEvent event, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.record(consumer, event, null)) {
                return false;
            }
            handler.handle(event);
            return true;
        });
    }

    private final class Loop {
        private final String group;
        private final List<String> topics;
        private final EventHandler handler;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, String> consumer;

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
                    c.subscribe(topics);
                    while (running) {
                        ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                        for (ConsumerRecord<String, String> record : records) {
                            handleWithRetry(record);
                        }
                        if (!records.isEmpty()) {
                            c.commitSync();
                        }
                    }
                } catch (WakeupException e) {
                    return;
                } catch (Exception e) {
                    if (!running) {
                        return;
                    }
                    LOG.warnf("consumer %s: %s; reconnecting", group, e.getMessage());
                    sleep(1000);
                }
            }
        }

        private void handleWithRetry(ConsumerRecord<String, String> record) {
            CloudEvent event;
            try {
                event = EventJson.read(record.value());
            } catch (IllegalArgumentException e) {
                LOG.warnf("consumer %s skips a record that is not a CloudEvent (%s@%d:%d): %s",
                        group, record.topic(), record.partition(), record.offset(), e.getMessage());
                return;
            }
            long backoff = 200;
            for (int attempt = 1; running; attempt++) {
                try {
                    handleOnce(group, event, handler);
                    return;
                } catch (RuntimeException e) {
                    if (attempt >= MAX_ATTEMPTS) {
                        LOG.errorf(e, "consumer %s gives up on event %s (%s) after %d attempts", group, event.id(), event.type(), attempt);
                        recordFailure(event, e);
                        return;
                    }
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5000);
                }
            }
        }

        private void recordFailure(CloudEvent event, Exception e) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    try {
                        inbox.record(group, event, String.valueOf(e.getMessage()));
                    } catch (java.sql.SQLException sql) {
                        throw new IllegalStateException(sql);
                    }
                });
            } catch (RuntimeException recordError) {
                LOG.errorf(recordError, "consumer %s could not record the failure of event %s", group, event.id());
            }
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
