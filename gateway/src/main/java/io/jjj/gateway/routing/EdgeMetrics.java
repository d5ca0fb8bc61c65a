package io.jjj.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's HTTP metrics, {@code jjj_gateway_requests_seconds{target, status}}: every answer timed by the
 * operation's target (a service, {@code gateway}, or {@code edge} for a path or method the policy table does not
 * list) and status class. The timers are resolved once per target, so recording an answer is a few additions, not
 * a meter lookup by tags (the Quarkus HTTP server binder is off in the gateway for that reason).
 */
@Singleton
public class EdgeMetrics {

    static final String EDGE = "edge";
    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

    public EdgeMetrics(MeterRegistry registry, Upstreams upstreams) {
        this.registry = registry;
        timers(EDGE);
        timers(Policy.GATEWAY);
        upstreams.all().forEach(upstream -> timers(upstream.name()));
    }

    void record(String target, int status, long startNanos) {
        int statusClass = status / 100 - 1;
        if (statusClass >= 0 && statusClass < CLASSES.length) {
            timers(target)[statusClass].record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    private Timer[] timers(String target) {
        Timer[] known = timers.get(target);
        return known != null ? known : timers.computeIfAbsent(target, t -> {
            Timer[] created = new Timer[CLASSES.length];
            for (int i = 0; i < CLASSES.length; i++) {
                created[i] = Timer.builder("jjj.gateway.requests").description("Answers of the gateway, by the operation's target and status class")
                        .tag("target", t).tag("status", CLASSES[i]).register(registry);
            }
            return created;
        });
    }
}
