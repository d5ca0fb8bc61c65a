package io.jjj.transport.routing;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports the routing snapshot: its size, when it was built, and how many rebuilds ran. */
@Readiness
@ApplicationScoped
public class NetworkReadiness implements HealthCheck {

    private final NetworkSnapshots snapshots;

    public NetworkReadiness(NetworkSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public HealthCheckResponse call() {
        Network net = snapshots.router().network();
        return HealthCheckResponse.named("transport-network").up()
                .withData("nodes", net.nodeCount())
                .withData("links", net.linkCount())
                .withData("builtAt", net.builtAt().toString())
                .withData("rebuilds", snapshots.rebuilds())
                .withData("graphBytes", net.graphBytes())
                .build();
    }
}
