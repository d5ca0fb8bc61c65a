package io.jjj.gateway.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether the relay reads all partitions of the three topics, whether it has read back what they held at
 * start, and how far back replay reaches. Always UP: the gateway serves its API without Kafka, so a relay waiting for
 * the broker shows as {@code degraded}, never as not ready (streams that resume meanwhile are asked to retry).
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
        EventRelay.BufferStats buffer = relay.bufferStats();
        var builder = HealthCheckResponse.named("event-relay").up()
                .withData("state", relay.assigned() && relay.caughtUp() ? "relaying" : "degraded")
                .withData("subscribers", relay.subscriberCount())
                .withData("caughtUp", relay.caughtUp())
                .withData("bufferEvents", buffer.events())
                .withData("bufferBytes", buffer.bytes());
        if (buffer.oldestId() != null) {
            builder.withData("oldestEventId", buffer.oldestId()).withData("oldestEventRecorded", buffer.oldestRecorded().toString());
        }
        if (relay.lastError() != null) {
            builder.withData("error", relay.lastError());
        }
        return builder.build();
    }
}
