package io.jjj.platform.health;

import io.jjj.platform.outbox.OutboxBacklog;
import io.jjj.platform.outbox.OutboxRelay;
import io.jjj.platform.parked.ParkedEvent;
import io.jjj.platform.parked.ParkedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog, the events parked and the relay's state. Always UP: writes stay safe while the relay
 * cannot send, so a relay backing off or an event parked shows as {@code degraded}, never as not ready.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxRelay relay;
    private final ParkedEvents parked;

    public OutboxReadiness(OutboxRelay relay, ParkedEvents parked) {
        this.relay = relay;
        this.parked = parked;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog backlog = relay.backlog();
        long parkedCount = parked.count(ParkedEvent.OUTBOX);
        boolean degraded = relay.state() == OutboxRelay.State.BACKING_OFF || parkedCount > 0;
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox").up()
                .withData("state", degraded ? "degraded" : "available")
                .withData("relay", relay.state().name().toLowerCase())
                .withData("backlog", backlog.count())
                .withData("oldestUnsentSeconds", Math.round(backlog.oldestAgeSeconds()))
                .withData("parked", parkedCount);
        relay.lastError().ifPresent(error -> b.withData("lastError", error));
        return b.build();
    }
}
