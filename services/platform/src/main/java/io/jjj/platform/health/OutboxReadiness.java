package io.jjj.platform.health;

import io.jjj.platform.outbox.OutboxBacklog;
import io.jjj.platform.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog and the relay's state. A backlog never makes the service unready: writes stay
 * safe while Kafka is away, and the Kafka check says when it is.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog backlog = relay.backlog();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox").up()
                .withData("relay", relay.state().name().toLowerCase())
                .withData("backlog", backlog.count())
                .withData("oldestUnsentSeconds", Math.round(backlog.oldestAgeSeconds()));
        relay.lastError().ifPresent(error -> b.withData("lastError", error));
        return b.build();
    }
}
