package io.jjj.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes events through the transactional outbox: the event is written in the caller's transaction and
 * reaches Kafka only if that transaction commits. Outside a transaction it refuses to run. An event larger than the
 * producer may send is refused here with a {@code 413} problem, so the change it describes is not made either.
 */
@ApplicationScoped
public class EventPublisher {

    /** Channel the relay listens on; the notification is delivered when the transaction commits. */
    public static final String CHANNEL = "jjj_outbox";

    private static final String NOTIFIED = EventPublisher.class.getName() + ".notified";

    /** Upper bound of what a record adds to its key and value: the batch header, record header and varints. */
    static final int RECORD_OVERHEAD_BYTES = 128;

    /** An event to publish: type, subject and data. */
    public record Draft(String type, String subject, Object data) {
    }

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final PlatformConfig config;

    public EventPublisher(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, PlatformConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.config = config;
    }

    public CloudEvent publish(String type, String subject, Object data) {
        return publishAll(List.of(new Draft(type, subject, data))).get(0);
    }

    /** Writes several events in one round trip, in the order given. */
    public List<CloudEvent> publishAll(List<Draft> drafts) {
        requireTransaction();
        if (drafts.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<CloudEvent> events = drafts.stream().map(d -> new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(),
                config.service().eventSource(), d.type(), d.subject(), now, CloudEvent.DATA_CONTENT_TYPE,
                d.data() instanceof JsonNode node ? node : EventJson.MAPPER.valueToTree(d.data()))).toList();
        List<String> payloads = events.stream().map(this::serialized).toList();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox_event (id, type, subject, occurred_at, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    CloudEvent e = events.get(i);
                    insert.setObject(1, e.id());
                    insert.setString(2, e.type());
                    insert.setString(3, e.subject());
                    insert.setTimestamp(4, Timestamp.from(e.time().toInstant()));
                    insert.setString(5, payloads.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (transactions.getResource(NOTIFIED) == null) {
                try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
                    notify.setString(1, CHANNEL);
                    notify.execute();
                }
                transactions.putResource(NOTIFIED, Boolean.TRUE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
        return events;
    }

    /** The event as it goes on the wire, or a {@code 413} naming its largest field when the producer could not send it. */
    private String serialized(CloudEvent event) {
        String json = EventJson.write(event);
        long size = json.getBytes(StandardCharsets.UTF_8).length + utf8Length(event.subject()) + RECORD_OVERHEAD_BYTES;
        int limit = config.kafka().maxRequestSize();
        if (size <= limit) {
            return json;
        }
        Map.Entry<String, Long> largest = largestField("", event.data(), Map.entry("data", 0L));
        String message = "makes the event " + size + " bytes, over the " + limit + " bytes an event may have";
        throw new ProblemException(413, "too-large", "Content too large", "The change is too large to publish as an event: the field '"
                + largest.getKey() + "' (" + largest.getValue() + " bytes) " + message,
                List.of(FieldError.field(largest.getKey(), largest.getValue() + " bytes " + message)))
                .with("limitBytes", limit)
                .with("eventBytes", size);
    }

    /** The dotted path and serialized size of the largest value in {@code node}, e.g. {@code note}. */
    private static Map.Entry<String, Long> largestField(String path, JsonNode node, Map.Entry<String, Long> best) {
        if (node == null) {
            return best;
        }
        if (node.isContainerNode()) {
            Map.Entry<String, Long> result = best;
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    result = largestField(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), result);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    result = largestField(path + "[" + i + "]", node.get(i), result);
                }
            }
            return result;
        }
        long size = utf8Length(node.isTextual() ? node.textValue() : node.toString());
        return size > best.getValue() && !path.isEmpty() ? Map.entry(path, size) : best;
    }

    private static long utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private void requireTransaction() {
        int status = transactions.getTransactionStatus();
        if (status != Status.STATUS_ACTIVE) {
            throw new IllegalStateException(
                    "events are published inside the transaction of the change they describe; no transaction is active");
        }
    }
}
