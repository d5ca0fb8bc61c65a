package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts a workload's events by id: those its service produced (its outbox), those on the topic, those an SSE
 * subscriber received. An event is known by what it records: {@code registered:<ref>} or
 * {@code status:<note>}, so each acknowledged write names the one event it must have produced.
 */
final class EventCount {

    /** The outbox events of the workload, by id, each with its key. */
    final Map<String, String> produced = new LinkedHashMap<>();
    /** The topic's records of the workload's projects, as ids in offset order (duplicates kept). */
    final List<String> onTopic = new ArrayList<>();

    EventCount(ProjectWrites writes, Db projectsDb, Faults faults) {
        for (String payload : projectsDb.outboxPayloadsContaining("\"ref\":\"" + writes.prefix())) {
            try {
                JsonNode ce = Http.JSON.readTree(payload);
                produced.put(ce.path("id").asText(), key(ce.path("type").asText(), ce.path("data")));
            } catch (IOException e) {
                throw new AssertionError("an outbox payload that is not JSON", e);
            }
        }
        for (TopicLog.Event e : TopicLog.read(faults.kafkaBootstrap(), "jjj.projects.v1", e -> writes.ours(e.ref()))) {
            onTopic.add(e.id());
        }
    }

    static String key(String type, JsonNode data) {
        return type.equals(ProjectWrites.TYPE_STATUS_CHANGED) ? "status:" + data.path("note").asText() : "registered:" + data.path("ref").asText();
    }

    /** The keys the acknowledged writes of the workload must have produced. */
    static Set<String> expectedKeys(ProjectWrites writes) {
        Set<String> keys = new LinkedHashSet<>();
        writes.registeredRefs().forEach(r -> keys.add("registered:" + r));
        writes.acknowledgedNotes().forEach(n -> keys.add("status:" + n));
        return keys;
    }

    /** Acknowledged writes whose event the service did not produce. */
    List<String> acknowledgedButNotProduced(ProjectWrites writes) {
        Set<String> producedKeys = new LinkedHashSet<>(produced.values());
        return expectedKeys(writes).stream().filter(k -> !producedKeys.contains(k)).toList();
    }

    /** Produced events that are not on the topic. */
    List<String> lostOnTopic() {
        Set<String> seen = new LinkedHashSet<>(onTopic);
        return produced.keySet().stream().filter(id -> !seen.contains(id)).map(id -> id + " (" + produced.get(id) + ")").toList();
    }

    /** Ids that are on the topic more than once, with how often. */
    Map<String, Long> duplicatesOnTopic() {
        return repeated(onTopic);
    }

    /** Produced events an SSE subscriber did not receive. */
    List<String> missedBy(Collection<String> receivedIds) {
        Set<String> seen = new LinkedHashSet<>(receivedIds);
        return produced.keySet().stream().filter(id -> !seen.contains(id)).map(id -> id + " (" + produced.get(id) + ")").toList();
    }

    /** Ids a subscriber received more often than the topic holds them: doubled by the relay, not by the producer. */
    Map<String, Long> doubledBeyondTopic(Collection<String> receivedIds) {
        Map<String, Long> onTopicCounts = onTopic.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return repeated(receivedIds).entrySet().stream()
                .filter(e -> e.getValue() > onTopicCounts.getOrDefault(e.getKey(), 0L))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static Map<String, Long> repeated(Collection<String> ids) {
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static <T> List<T> firstFew(List<T> list) {
        return list.subList(0, Math.min(10, list.size()));
    }
}
