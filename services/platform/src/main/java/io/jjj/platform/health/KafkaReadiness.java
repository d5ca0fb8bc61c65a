package io.jjj.platform.health;

import io.jjj.platform.outbox.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Ready only when the Kafka cluster answers; the answer is kept for a few seconds. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private static final Duration CACHE = Duration.ofSeconds(3);

    private final KafkaClients kafka;
    private volatile HealthCheckResponse last;
    private volatile Instant lastAt = Instant.EPOCH;
    private Admin admin;

    public KafkaReadiness(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (last != null && Duration.between(lastAt, Instant.now()).compareTo(CACHE) < 0) {
            return last;
        }
        HealthCheckResponseBuilder b = HealthCheckResponse.named("kafka").withData("bootstrap", kafka.bootstrapServers());
        try {
            if (admin == null) {
                admin = kafka.admin();
            }
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(2500, TimeUnit.MILLISECONDS).size();
            b.up().withData("brokers", nodes);
        } catch (Exception e) {
            b.down().withData("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        last = b.build();
        lastAt = Instant.now();
        return last;
    }
}
