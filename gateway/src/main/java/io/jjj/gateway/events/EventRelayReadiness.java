package io.jjj.gateway.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether the relay reads all partitions of the three topics. Always UP: the gateway serves its API without
 * Kafka, so a relay waiting for the broker shows as {@code degraded}, never as not ready.
 */
@Readiness
@ApplicationScoped
public class EventRelayReadiness implements HealthCheck {

    private final EventRelay relay;

    public EventRelayReadiness(EventRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("event-relay").up()
                .withData("state", relay.assigned() ? "relaying" : "degraded")
                .withData("subscribers", relay.subscriberCount());
        if (relay.lastError() != null) {
            builder.withData("error", relay.lastError());
        }
        return builder.build();
    }
}
