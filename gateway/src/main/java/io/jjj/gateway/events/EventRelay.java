package io.jjj.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.gateway.config.GatewayConfig;
import io.jjj.platform.outbox.KafkaClients;
import io.jjj.platform.regions.Regions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads the three topics from their latest offsets (no consumer group: every gateway instance sees every event),
 * keeps the most recent events in a bounded buffer so a reconnecting client resumes after its
 * {@code Last-Event-ID}, and hands each event to the subscribers whose filter it matches.
 */
@ApplicationScoped
public class EventRelay {

    /** Where a subscriber's events go; false when it is gone. */
    public interface Subscriber {
        EventFilter filter();

        boolean deliver(RelayedEvent event);

        /** Sends a comment so proxies keep an idle stream open; false when the subscriber is gone. */
        boolean keepAlive();
    }

    public static final List<String> TOPICS = List.of("jjj.indicators.v1", "jjj.projects.v1", "jjj.transport.v1");
    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REGION_FIELDS = List.of("region", "destination", "origin", "fromRegion", "toRegion");

    private final KafkaClients kafka;
    private final Regions regions;
    private final int bufferSize;
    private final Vertx vertx;
    private final Duration keepAlive;
    private final ArrayDeque<RelayedEvent> recent = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean assigned;
    private volatile String lastError;
    private Thread thread;
    private volatile KafkaConsumer<String, String> consumer;

    public EventRelay(KafkaClients kafka, Regions regions, GatewayConfig config, Vertx vertx) {
        this.kafka = kafka;
        this.vertx = vertx;
        this.keepAlive = config.events().keepAlive();
        this.regions = regions;
        this.bufferSize = config.events().bufferSize();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "jjj-gateway-events");
        thread.setDaemon(true);
        thread.start();
        vertx.setPeriodic(keepAlive.toMillis(), timer -> subscribers.removeIf(s -> !s.keepAlive()));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    /** Whether the relay reads every partition of the three topics. */
    public boolean assigned() {
        return assigned;
    }

    public String lastError() {
        return lastError;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /**
     * Replays the buffered events after {@code lastEventId} that match (all buffered ones when that id is no longer
     * known) and adds the subscriber for what comes next, atomically, so nothing is missed or doubled.
     */
    public synchronized void subscribe(Subscriber subscriber, String lastEventId) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            List<RelayedEvent> replay = after(lastEventId.trim());
            for (RelayedEvent e : replay) {
                if (subscriber.filter().matches(e, regions) && !subscriber.deliver(e)) {
                    return;
                }
            }
        }
        subscribers.add(subscriber);
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }


    synchronized void publish(RelayedEvent event) {
        recent.addLast(event);
        while (recent.size() > bufferSize) {
            recent.removeFirst();
        }
        for (Subscriber s : subscribers) {
            if (s.filter().matches(event, regions) && !s.deliver(event)) {
                subscribers.remove(s);
            }
        }
    }

    private List<RelayedEvent> after(String id) {
        List<RelayedEvent> later = new ArrayList<>();
        for (Iterator<RelayedEvent> it = recent.descendingIterator(); it.hasNext(); ) {
            RelayedEvent e = it.next();
            if (e.id().equals(id)) {
                Collections.reverse(later);
                return later;
            }
            later.add(e);
        }
        Collections.reverse(later);
        return later;
    }

    private void run() {
        long backoff = 200;
        while (running) {
            try (KafkaConsumer<String, String> c = newConsumer()) {
                consumer = c;
                assign(c);
                backoff = 200;
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                        parse(record.value()).ifPresent(this::publish);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                assigned = false;
                lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                LOG.warnf("Event relay paused: %s; retrying in %d ms", lastError, backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** A topic just created may take a moment to show its partitions; assigning none would relay nothing of it. */
    private static List<PartitionInfo> awaitPartitions(KafkaConsumer<String, String> c, String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " shows no partitions");
            }
            sleep(200);
        }
    }

    private void assign(KafkaConsumer<String, String> c) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                try {
                    kafka.ensureTopic(topic);
                } catch (Exception e) {
                    throw new IllegalStateException("topic " + topic + " could not be created: " + e.getMessage(), e);
                }
                infos = awaitPartitions(c, topic);
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        assigned = true;
        lastError = null;
        LOG.infof("Event relay reads %d partitions of %s from their latest offsets", partitions.size(), TOPICS);
    }

    private Optional<RelayedEvent> parse(String value) {
        try {
            JsonNode event = JSON.readTree(value);
            String id = event.path("id").asText("");
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Set<String> mentioned = new LinkedHashSet<>();
            JsonNode data = event.path("data");
            for (String field : REGION_FIELDS) {
                JsonNode v = data.get(field);
                if (v != null && v.isTextual()) {
                    mentioned.add(v.asText());
                }
            }
            return Optional.of(new RelayedEvent(id, event.path("type").asText(""), Set.copyOf(mentioned),
                    JSON.writeValueAsString(event), System.nanoTime()));
        } catch (IOException e) {
            LOG.debugf("Skipped a record that is not a CloudEvent: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "jjj-gateway-events-" + ProcessHandle.current().pid());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
