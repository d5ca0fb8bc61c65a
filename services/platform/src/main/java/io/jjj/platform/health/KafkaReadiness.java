package io.jjj.platform.health;

import io.jjj.platform.outbox.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports whether the Kafka cluster answers. Always UP: the service serves its API without Kafka (writes wait in the
 * outbox), so a broker outage shows as {@code degraded}, never as not ready. The cluster is asked in the background
 * at most every few seconds, so a probe never waits for a broker that does not answer.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private static final Duration REFRESH = Duration.ofSeconds(3);

    private final KafkaClients kafka;
    private final AtomicBoolean asking = new AtomicBoolean();
    private volatile HealthCheckResponse last;
    private volatile Instant askedAt = Instant.EPOCH;
    private Admin admin;

    public KafkaReadiness(KafkaClients kafka) {
        this.kafka = kafka;
        this.last = response("unknown").build();
    }

    @Override
    public HealthCheckResponse call() {
        if (Duration.between(askedAt, Instant.now()).compareTo(REFRESH) >= 0 && asking.compareAndSet(false, true)) {
            askedAt = Instant.now();
            try {
                admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) REFRESH.toMillis())).nodes()
                        .whenComplete((nodes, error) -> {
                            last = error == null
                                    ? response("available").withData("brokers", nodes.size()).build()
                                    : response("degraded").withData("error", describe(error)).build();
                            asking.set(false);
                        });
            } catch (RuntimeException e) {
                last = response("degraded").withData("error", describe(e)).build();
                asking.set(false);
            }
        }
        return last;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = kafka.admin();
        }
        return admin;
    }

    private HealthCheckResponseBuilder response(String state) {
        return HealthCheckResponse.named("kafka").up().withData("bootstrap", kafka.bootstrapServers()).withData("state", state);
    }

    private static String describe(Throwable error) {
        Throwable e = error.getCause() != null && error instanceof CompletionException ? error.getCause() : error;
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
