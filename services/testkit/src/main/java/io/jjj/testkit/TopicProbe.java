package io.jjj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Reads everything a topic received, from the beginning, so a test can assert on the CloudEvents a service
 * published. Also sends raw records, to play another service's events into a consumer under test.
 */
public final class TopicProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as received: Kafka key, partition, offset and the parsed CloudEvent JSON. */
    public record Received(String key, int partition, long offset, JsonNode event) {
        public String id() { return event.path("id").asText(); }
        public String type() { return event.path("type").asText(); }
        public String subject() { return event.path("subject").asText(); }
        public JsonNode data() { return event.path("data"); }
    }

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public TopicProbe(String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        assignAllPartitions();
    }

    private void assignAllPartitions() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !partitions().isEmpty());
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        List<TopicPartition> result = new ArrayList<>();
        if (infos != null) {
            infos.forEach(p -> result.add(new TopicPartition(p.topic(), p.partition())));
        }
        return result;
    }

    /** Polls once and returns everything received so far. */
    public synchronized List<Received> poll() {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            try {
                received.add(new Received(r.key(), r.partition(), r.offset(), JSON.readTree(r.value())));
            } catch (IOException e) {
                throw new UncheckedIOException("record at offset " + r.offset() + " is not JSON", e);
            }
        }
        return List.copyOf(received);
    }

    /** Waits until the records matching the predicate number at least {@code count}, and returns them. */
    public List<Received> awaitAtLeast(int count, Predicate<Received> matching, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> poll().stream().filter(matching).count() >= count);
        return poll().stream().filter(matching).toList();
    }

    public List<Received> awaitAtLeast(int count, Predicate<Received> matching) {
        return awaitAtLeast(count, matching, Duration.ofSeconds(30));
    }

    /** Sends one raw record, e.g. a CloudEvent of another service, and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
