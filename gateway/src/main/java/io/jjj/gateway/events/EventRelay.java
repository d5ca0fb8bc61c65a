package io.jjj.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.gateway.config.GatewayConfig;
import io.jjj.platform.outbox.KafkaClients;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Regions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Reads the three topics (no consumer group: every gateway instance sees every event), keeps the most recent events
 * in a buffer bounded by count and bytes so a reconnecting client resumes after its {@code Last-Event-ID}, and hands
 * each event to the subscribers whose filter it matches.
 * <p>
 * The relay remembers, per partition, the offset after the last record it relayed; after a Kafka error it resumes
 * there, so nothing produced meanwhile is skipped. On start it reads back a configured window of each partition, so a
 * client that was subscribed to the previous gateway process finds its {@code Last-Event-ID} again. Partitions are read
 * back at their own pace, so what is read back is put in the order Kafka recorded it (keeping the newest within the
 * buffer's bounds) before it enters the buffer; until then, streams are refused with {@code 503} and
 * {@code Retry-After}.
 */
@ApplicationScoped
public class EventRelay {

    /** What became of an event handed to a subscriber. */
    public enum Delivery {
        ACCEPTED,
        /** The client went away. */
        GONE,
        /** The client read too slowly: its buffer was full and it was closed with a retry hint. */
        FELL_BEHIND
    }

    /** Where a subscriber's events go. */
    public interface Subscriber {
        EventFilter filter();

        /** Hands over a live event without waiting. */
        Delivery deliver(RelayedEvent event);

        /** Hands over a replayed event, waiting a bounded time while the subscriber's buffer is full. */
        Delivery replay(RelayedEvent event);

        /** Closes the stream with a retry hint, so the client resumes with {@code Last-Event-ID}. */
        void fallBehind();

        /** Sends a comment so proxies keep an idle stream open; false when the subscriber is gone. */
        boolean keepAlive();
    }

    /** How far back the replay buffer reaches, for metrics and health details. */
    public record BufferStats(int events, long bytes, String oldestId, Instant oldestRecorded) {
        static final BufferStats EMPTY = new BufferStats(0, 0, null, null);
    }

    public static final List<String> TOPICS = List.of("jjj.indicators.v1", "jjj.projects.v1", "jjj.transport.v1");
    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REGION_FIELDS = List.of("region", "destination", "origin", "fromRegion", "toRegion");

    private final KafkaClients kafka;
    private final Regions regions;
    private final GatewayConfig.Events config;
    private final Vertx vertx;
    private final ReplayBuffer recent;
    private final ReadBack readBack;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /** The next offset to relay, per partition; written by the relay thread only. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Counter fellBehind;
    private final Counter refused;
    private volatile BufferStats stats = BufferStats.EMPTY;
    private volatile boolean running;
    private volatile boolean assigned;
    private volatile boolean caughtUp;
    private volatile String lastError;
    private Map<TopicPartition, Long> endsAtStart;
    private Thread thread;
    private long keepAliveTimer;
    private volatile KafkaConsumer<String, String> consumer;

    public EventRelay(KafkaClients kafka, Regions regions, GatewayConfig config, Vertx vertx, MeterRegistry metrics) {
        this.kafka = kafka;
        this.vertx = vertx;
        this.regions = regions;
        this.config = config.events();
        this.recent = new ReplayBuffer(this.config.bufferSize(), this.config.bufferMaxBytes());
        this.readBack = new ReadBack(this.config.bufferSize(), this.config.bufferMaxBytes());
        Gauge.builder("jjj.gateway.events.buffer.events", this, r -> r.stats.events())
                .description("Events held for Last-Event-ID replay").register(metrics);
        Gauge.builder("jjj.gateway.events.buffer.bytes", this, r -> r.stats.bytes())
                .description("Bytes of the events held for replay").baseUnit("bytes").register(metrics);
        Gauge.builder("jjj.gateway.events.buffer.oldest.timestamp", this,
                        r -> r.stats.oldestRecorded() == null ? Double.NaN : r.stats.oldestRecorded().toEpochMilli() / 1000.0)
                .description("When Kafka recorded the oldest event held for replay (epoch seconds): how far back a client can resume")
                .baseUnit("seconds").register(metrics);
        Gauge.builder("jjj.gateway.events.subscribers", this, EventRelay::subscriberCount)
                .description("Open event streams").register(metrics);
        fellBehind = Counter.builder("jjj.gateway.events.subscribers.fell.behind")
                .description("Streams closed with a retry hint because the client read too slowly").register(metrics);
        refused = Counter.builder("jjj.gateway.events.subscribers.refused")
                .description("Streams refused with 503 because the subscriber cap was reached").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "jjj-gateway-events");
        thread.setDaemon(true);
        thread.start();
        keepAliveTimer = vertx.setPeriodic(config.keepAlive().toMillis(), timer -> subscriptions.removeIf(s -> !s.subscriber.keepAlive()));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        vertx.cancelTimer(keepAliveTimer);
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

    /** Whether the relay has read back everything the topics held when it started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public String lastError() {
        return lastError;
    }

    public int subscriberCount() {
        return subscriptions.size();
    }

    public BufferStats bufferStats() {
        return stats;
    }

    /**
     * Adds the subscriber and, with a {@code lastEventId}, first replays the buffered events after it that match (all
     * buffered ones when that id is no longer held). Only the snapshot of the buffer is taken under the publishing
     * lock; the replay itself is sent from the caller's thread while live events wait in the subscriber's bounded
     * hold, so nothing is missed or doubled and publishing never waits for a slow replay.
     */
    public void subscribe(Subscriber subscriber, String lastEventId) {
        boolean resuming = lastEventId != null && !lastEventId.isBlank();
        if (!caughtUp) {
            throw unavailable("The event relay is still reading back recent events; subscribe a little later");
        }
        Subscription subscription = new Subscription(subscriber, resuming);
        List<RelayedEvent> replay;
        synchronized (this) {
            if (subscriptions.size() >= config.maxSubscribers()) {
                refused.increment();
                throw unavailable("The gateway serves its limit of " + config.maxSubscribers() + " event streams; retry later");
            }
            replay = resuming ? recent.after(lastEventId.trim()) : List.of();
            subscriptions.add(subscription);
        }
        if (!resuming) {
            return;
        }
        for (RelayedEvent e : replay) {
            if (subscriber.filter().matches(e, regions) && !subscription.accepted(subscriber.replay(e))) {
                subscriptions.remove(subscription);
                return;
            }
        }
        if (!subscription.goLive()) {
            subscriptions.remove(subscription);
        }
    }

    public void unsubscribe(Subscriber subscriber) {
        subscriptions.removeIf(s -> s.subscriber == subscriber);
    }

    private ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, null)
                .header("Retry-After", Long.toString(Math.max(1, config.retryAfter().toSeconds())));
    }

    synchronized void publish(RelayedEvent event) {
        recent.add(event);
        RelayedEvent oldest = recent.oldest().orElse(event);
        stats = new BufferStats(recent.size(), recent.bytes(), oldest.id(), oldest.recorded());
        for (Subscription s : subscriptions) {
            if (!s.offer(event)) {
                subscriptions.remove(s);
            }
        }
    }

    /** A subscriber as the relay sees it: while its replay is sent, live events are held here, at most a buffer's worth. */
    private final class Subscription {
        final Subscriber subscriber;
        private List<RelayedEvent> held;

        Subscription(Subscriber subscriber, boolean replaying) {
            this.subscriber = subscriber;
            this.held = replaying ? new ArrayList<>() : null;
        }

        /** False when the subscriber is gone. */
        synchronized boolean offer(RelayedEvent event) {
            if (!subscriber.filter().matches(event, regions)) {
                return true;
            }
            if (held == null) {
                return accepted(subscriber.deliver(event));
            }
            if (held.size() >= config.subscriberBufferEvents()) {
                fellBehind.increment();
                subscriber.fallBehind();
                return false;
            }
            held.add(event);
            return true;
        }

        synchronized boolean goLive() {
            for (RelayedEvent e : held) {
                if (!accepted(subscriber.deliver(e))) {
                    return false;
                }
            }
            held = null;
            return true;
        }

        boolean accepted(Delivery delivery) {
            if (delivery == Delivery.FELL_BEHIND) {
                fellBehind.increment();
            }
            return delivery == Delivery.ACCEPTED;
        }
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
                        parse(record).ifPresent(e -> {
                            if (caughtUp) {
                                publish(e);
                            } else {
                                readBack.add(e);
                            }
                        });
                        positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    }
                    checkCaughtUp();
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                assigned = false;
                lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                LOG.warnf("Event relay paused: %s; resuming from its last positions in %d ms", lastError, backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void checkCaughtUp() {
        if (!caughtUp && endsAtStart != null && endsAtStart.entrySet().stream()
                .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
            readBack.drainOldestFirst(this::publish);
            caughtUp = true;
            LOG.infof("Event relay has read back %d recent events", stats.events());
        }
    }

    /** Events read back on start, ordered by the time Kafka recorded them; the oldest go first over the bounds. */
    private static final class ReadBack {
        private record Entry(RelayedEvent event, long arrival) {
        }

        private final PriorityQueue<Entry> oldestFirst = new PriorityQueue<>(
                Comparator.comparing((Entry e) -> e.event().recorded()).thenComparingLong(Entry::arrival));
        private final int maxEvents;
        private final long maxBytes;
        private long bytes;
        private long arrivals;

        ReadBack(int maxEvents, long maxBytes) {
            this.maxEvents = maxEvents;
            this.maxBytes = maxBytes;
        }

        void add(RelayedEvent event) {
            oldestFirst.add(new Entry(event, arrivals++));
            bytes += event.bytes();
            while (oldestFirst.size() > maxEvents || (bytes > maxBytes && oldestFirst.size() > 1)) {
                bytes -= oldestFirst.poll().event().bytes();
            }
        }

        void drainOldestFirst(Consumer<RelayedEvent> to) {
            for (Entry e = oldestFirst.poll(); e != null; e = oldestFirst.poll()) {
                to.accept(e.event());
            }
            bytes = 0;
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
        List<TopicPartition> unseen = partitions.stream().filter(p -> !positions.containsKey(p)).toList();
        partitions.stream().filter(positions::containsKey).forEach(p -> c.seek(p, positions.get(p)));
        if (endsAtStart == null) {
            readBack(c, unseen);
            endsAtStart = c.endOffsets(partitions);
        } else if (!unseen.isEmpty()) {
            // partitions added while the gateway ran hold nothing it has relayed yet (an empty list would mean all)
            c.seekToBeginning(unseen);
        }
        unseen.forEach(p -> positions.put(p, c.position(p)));
        assigned = true;
        lastError = null;
        checkCaughtUp();
        LOG.infof("Event relay reads %d partitions of %s", partitions.size(), TOPICS);
    }

    /** Starts each partition at its first record of the read-back window, or at its end when the window holds none. */
    private void readBack(KafkaConsumer<String, String> c, List<TopicPartition> partitions) {
        long since = System.currentTimeMillis() - config.readBack().toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(query);
        List<TopicPartition> empty = new ArrayList<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = found.get(p);
            if (at == null) {
                empty.add(p);
            } else {
                c.seek(p, at.offset());
            }
        }
        if (!empty.isEmpty()) {
            // an empty list would mean every partition
            c.seekToEnd(empty);
        }
    }

    private Optional<RelayedEvent> parse(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = JSON.readTree(record.value());
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
                    JSON.writeValueAsString(event), Math.max(0, record.serializedValueSize()), Instant.ofEpochMilli(record.timestamp())));
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
        // a position the broker no longer holds: relay what it still has rather than jump over it
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
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
