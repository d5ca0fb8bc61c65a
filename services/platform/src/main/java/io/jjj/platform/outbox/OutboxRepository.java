package io.jjj.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL over the outbox table. */
@ApplicationScoped
public class OutboxRepository {

    /** A row due for sending. */
    public record PendingEvent(long seq, UUID id, String subject, String payload) {
    }

    /*
     * Locks a batch of unsent rows that no other relay holds, leaving out subjects with a parked event, and keeps
     * only the earliest unsent event of each subject: a subject's next event is claimed once the previous one is
     * acknowledged, so one subject's events never overtake each other, even when the broker refuses one of them or
     * several relays run.
     */
    private static final String CLAIM = """
            WITH claimed AS (
                SELECT o.seq, o.subject FROM outbox_event o
                WHERE o.sent_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM parked_event p WHERE p.kind = 'outbox' AND p.subject = o.subject)
                ORDER BY o.seq
                LIMIT ?
                FOR UPDATE OF o SKIP LOCKED)
            SELECT o.seq, o.id, o.subject, o.payload
            FROM claimed c JOIN outbox_event o ON o.seq = c.seq
            WHERE NOT EXISTS (
                SELECT 1 FROM outbox_event e
                WHERE e.subject = c.subject AND e.sent_at IS NULL AND e.seq < c.seq)
            ORDER BY o.seq""";

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;

    public OutboxRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    /** Must run inside a transaction, which keeps the rows locked until it ends. */
    public List<PendingEvent> claim(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setInt(1, limit);
            List<PendingEvent> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        }
    }

    public void markSent(List<PendingEvent> events) {
        jdbc.update("UPDATE outbox_event SET sent_at = now() WHERE seq = ANY (?)",
                Jdbc.array("bigint", events.stream().map(PendingEvent::seq).toList()));
    }

    public OutboxBacklog backlog() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), min(occurred_at) FROM outbox_event WHERE sent_at IS NULL")) {
            rs.next();
            long count = rs.getLong(1);
            Timestamp oldest = rs.getTimestamp(2);
            double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0);
            return new OutboxBacklog(count, age);
        }
    }

    public int deleteSentBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM outbox_event WHERE sent_at IS NOT NULL AND sent_at < ?", Timestamp.from(cutoff));
    }
}
