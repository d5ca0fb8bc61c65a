package io.jjj.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.platform.config.PlatformConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Publishes events through the transactional outbox: the event is written in the caller's transaction and
 * reaches Kafka only if that transaction commits. Outside a transaction it refuses to run.
 */
@ApplicationScoped
public class EventPublisher {

    /** Channel the relay listens on; the notification is delivered when the transaction commits. */
    public static final String CHANNEL = "jjj_outbox";

    private static final String NOTIFIED = EventPublisher.class.getName() + ".notified";

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
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox_event (id, type, subject, occurred_at, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (CloudEvent e : events) {
                    insert.setObject(1, e.id());
                    insert.setString(2, e.type());
                    insert.setString(3, e.subject());
                    insert.setTimestamp(4, Timestamp.from(e.time().toInstant()));
                    insert.setString(5, EventJson.write(e));
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

    private void requireTransaction() {
        int status = transactions.getTransactionStatus();
        if (status != Status.STATUS_ACTIVE) {
            throw new IllegalStateException(
                    "events are published inside the transaction of the change they describe; no transaction is active");
        }
    }
}
