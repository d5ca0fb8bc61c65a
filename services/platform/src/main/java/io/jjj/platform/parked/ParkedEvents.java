package io.jjj.platform.parked;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.jdbc.Jdbc;
import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageRequest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The parked-event table: outbox records the broker refused for good and consumed events a handler kept failing.
 * Counts are metrics ({@code jjj_outbox_parked}, {@code jjj_inbox_parked}) and health details.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    private static final String COLUMNS = """
            id, kind, consumer, event_id, type, subject, occurred_at, error, attempts, octet_length(payload), parked_at""";

    /** A parked event with the event itself, to retry it. */
    public record Entry(ParkedEvent event, String payload) {
    }

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;
    private final MeterRegistry metrics;
    private volatile Map<String, Long> counts = Map.of();
    private volatile Instant countedAt = Instant.EPOCH;

    public ParkedEvents(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.metrics = metrics;
    }

    void registerMetrics(@Observes StartupEvent event) {
        Gauge.builder("jjj.outbox.parked", this, p -> p.count(ParkedEvent.OUTBOX))
                .description("Outbox events the broker refused for good, set aside until an admin retries or discards them").register(metrics);
        Gauge.builder("jjj.inbox.parked", this, p -> p.count(ParkedEvent.INBOX))
                .description("Consumed events a handler kept failing, set aside until an admin retries or discards them").register(metrics);
    }

    /** Parked events of one kind, read from the database at most once a second. */
    public long count(String kind) {
        if (Duration.between(countedAt, Instant.now()).toMillis() >= 1000) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT kind, count(*) FROM parked_event GROUP BY kind")) {
                Map<String, Long> read = new HashMap<>();
                while (rs.next()) {
                    read.put(rs.getString(1), rs.getLong(2));
                }
                counts = read;
                countedAt = Instant.now();
            } catch (SQLException e) {
                LOG.debugf("could not count parked events: %s", e.getMessage());
            }
        }
        return counts.getOrDefault(kind, 0L);
    }

    /** Moves an outbox row to the parked table; runs in the relay's transaction, which holds the row. */
    public void parkOutbox(long seq, String error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH moved AS (DELETE FROM outbox_event WHERE seq = ? RETURNING *)
                INSERT INTO parked_event (kind, event_id, type, subject, occurred_at, payload, error, attempts, outbox_seq)
                SELECT 'outbox', id, type, subject, occurred_at, payload, ?, 1, seq FROM moved""")) {
            s.setLong(1, seq);
            s.setString(2, error);
            s.executeUpdate();
        }
        countedAt = Instant.EPOCH;
    }

    /** Parks a consumed event; parking it twice (a redelivery) keeps the first entry. */
    public void parkInbox(String consumer, UUID eventId, String type, String subject, OffsetDateTime occurredAt,
                          String payload, String error, int attempts) {
        jdbc.update("""
                INSERT INTO parked_event (kind, consumer, event_id, type, subject, occurred_at, payload, error, attempts)
                VALUES ('inbox', ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (consumer, event_id) WHERE kind = 'inbox' DO NOTHING""",
                consumer, eventId, type, subject, occurredAt, payload, error, attempts);
        countedAt = Instant.EPOCH;
    }

    public Page<ParkedEvent> list(PageRequest request) {
        long total = jdbc.one("SELECT count(*) FROM parked_event", rs -> rs.getLong(1)).orElse(0L);
        List<ParkedEvent> items = jdbc.list("SELECT " + COLUMNS + " FROM parked_event ORDER BY id LIMIT ? OFFSET ?",
                ParkedEvents::read, request.size(), request.offset());
        return Page.of(items, request, total);
    }

    /** The entry, locked until the caller's transaction ends so two admins cannot retry it at once. */
    public Optional<Entry> lock(long id) {
        return jdbc.one("SELECT " + COLUMNS + ", payload FROM parked_event WHERE id = ? FOR UPDATE",
                rs -> new Entry(read(rs), rs.getString(12)), id);
    }

    /** Puts an outbox event back where it was in the outbox and wakes the relay. */
    public void returnToOutbox(Entry entry) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO outbox_event (seq, id, type, subject, occurred_at, payload)
                    SELECT outbox_seq, event_id, type, subject, occurred_at, payload FROM parked_event WHERE id = ?""")) {
                s.setLong(1, entry.event().id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, '')")) {
                s.setString(1, EventPublisher.CHANNEL);
                s.execute();
            }
        }
        delete(entry.event().id());
    }

    public boolean delete(long id) {
        boolean deleted = jdbc.update("DELETE FROM parked_event WHERE id = ?", id) == 1;
        countedAt = Instant.EPOCH;
        return deleted;
    }

    public void recordFailedRetry(long id, String error) {
        jdbc.update("UPDATE parked_event SET error = ?, attempts = attempts + 1 WHERE id = ?", error, id);
    }

    /** The innermost cause of a failure, as stored and shown: class and message. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static ParkedEvent read(ResultSet rs) throws SQLException {
        return new ParkedEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getInt(9), rs.getLong(10),
                rs.getObject(11, OffsetDateTime.class));
    }
}
