package io.jjj.transport.routing;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a routing snapshot of the stored network is built: before that no route can be answered. Reports its
 * size, when it was built, how many rebuilds ran and failed; a failing rebuild keeps the previous snapshot serving.
 */
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
        HealthCheckResponseBuilder b = HealthCheckResponse.named("transport-network").status(snapshots.built())
                .withData("nodes", net.nodeCount())
                .withData("links", net.linkCount())
                .withData("builtAt", net.builtAt().toString())
                .withData("rebuilds", snapshots.rebuilds())
                .withData("failedRebuilds", snapshots.failedRebuilds())
                .withData("graphBytes", net.graphBytes());
        snapshots.lastError().ifPresent(error -> b.withData("lastError", error));
        return b.build();
    }
}
