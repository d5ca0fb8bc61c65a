package io.jjj.platform.health;

import io.jjj.platform.inbox.EventConsumers;
import io.jjj.platform.parked.ParkedEvent;
import io.jjj.platform.parked.ParkedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each consumer loop and the consumed events parked. Always UP: the API is served whatever the consumers do,
 * so a consumer retrying or an event parked shows as {@code degraded}, never as not ready.
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    private final EventConsumers consumers;
    private final ParkedEvents parked;

    public ConsumersReadiness(EventConsumers consumers, ParkedEvents parked) {
        this.consumers = consumers;
        this.parked = parked;
    }

    @Override
    public HealthCheckResponse call() {
        long parkedCount = parked.count(ParkedEvent.INBOX);
        boolean degraded = parkedCount > 0;
        HealthCheckResponseBuilder b = HealthCheckResponse.named("consumers").up().withData("parked", parkedCount);
        for (EventConsumers.Status s : consumers.status()) {
            b.withData(s.group(), s.state() + s.lastError().map(e -> ": " + e).orElse(""));
            degraded |= !s.state().equals("running");
        }
        return b.withData("state", degraded ? "degraded" : "available").build();
    }
}
