package io.jjj.platform.inbox;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Remembers which events a consumer has handled, in the transaction of the handling. */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the event; false when it was recorded before (a redelivery). */
    public boolean record(String consumer, CloudEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO inbox_event (event_id, consumer, type, source, subject)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (consumer, event_id) DO NOTHING""")) {
            s.setObject(1, event.id());
            s.setString(2, consumer);
            s.setString(3, event.type());
            s.setString(4, event.source());
            s.setString(5, event.subject());
            return s.executeUpdate() == 1;
        }
    }

    public boolean contains(String consumer, UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM inbox_event WHERE consumer = ? AND event_id = ?")) {
            s.setString(1, consumer);
            s.setObject(2, eventId);
            return s.executeQuery().next();
        }
    }
}
