package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/** Every record of a topic, read from the start with a plain consumer of no group. */
final class TopicLog {

    /** One record: the CloudEvent it carries (structured mode). */
    record Event(String id, String type, String subject, JsonNode data) {
        String ref() {
            return data.path("ref").asText();
        }
    }

    private TopicLog() {
    }

    /** The events of the topic, in offset order per partition, that pass {@code keep}. */
    static List<Event> read(String bootstrap, String topic, Predicate<Event> keep) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end + " within 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Event e = parse(r.value());
                    if (keep.test(e)) {
                        events.add(e);
                    }
                }
            }
        }
        return events;
    }

    private static Event parse(String value) {
        try {
            JsonNode ce = Http.JSON.readTree(value);
            return new Event(ce.path("id").asText(), ce.path("type").asText(), ce.path("subject").asText(), ce.path("data"));
        } catch (IOException e) {
            throw new AssertionError("a record that is not a CloudEvent: " + value.substring(0, Math.min(200, value.length())), e);
        }
    }
}
