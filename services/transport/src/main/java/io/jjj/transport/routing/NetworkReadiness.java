package io.jjj.transport.routing;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Ready once a routing snapshot of the stored network is built: before that no route can be answered. Reports its
 * size, when it was built, how many rebuilds ran and failed (a failing rebuild keeps the previous snapshot serving),
 * and the contraction hierarchies built for it so far with their bytes.
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
        Router router = snapshots.router();
        Network net = router.network();
        List<Hierarchies.Built> hierarchies = router.hierarchies().map(Hierarchies::built).orElse(List.of());
        HealthCheckResponseBuilder b = HealthCheckResponse.named("transport-network").status(snapshots.built())
                .withData("nodes", net.nodeCount())
                .withData("links", net.linkCount())
                .withData("builtAt", net.builtAt().toString())
                .withData("rebuilds", snapshots.rebuilds())
                .withData("failedRebuilds", snapshots.failedRebuilds())
                .withData("graphBytes", net.graphBytes())
                .withData("hierarchies", hierarchies.size())
                .withData("hierarchyBytes", hierarchies.stream().mapToLong(Hierarchies.Built::bytes).sum());
        snapshots.lastError().ifPresent(error -> b.withData("lastError", error));
        return b.build();
    }
}
