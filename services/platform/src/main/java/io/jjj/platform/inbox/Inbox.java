package io.jjj.platform.inbox;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Remembers which events a consumer has handled, in the transaction of the handling. */
@ApplicationScoped
public class Inbox {

    private final Jdbc jdbc;

    public Inbox(AgroalDataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Records the event; false when it was recorded before (a redelivery). */
    public boolean record(String consumer, CloudEvent event) {
        return jdbc.update("""
                INSERT INTO inbox_event (event_id, consumer, type, source, subject)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (consumer, event_id) DO NOTHING""",
                event.id(), consumer, event.type(), event.source(), event.subject()) == 1;
    }

    public boolean contains(String consumer, UUID eventId) {
        return jdbc.one("SELECT 1 FROM inbox_event WHERE consumer = ? AND event_id = ?", row -> true, consumer, eventId)
                .isPresent();
    }
}
