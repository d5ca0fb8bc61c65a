package io.jjj.gateway.config;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * One Vert.x event loop per core for the gateway, rather than Quarkus's two: every request is handled, forwarded and
 * answered on one loop, so a second loop per core only adds switches between threads. Below application.properties
 * and the environment, which may still set {@code quarkus.vertx.event-loops-pool-size}.
 */
public class EventLoopsPerCore implements ConfigSource {

    static final String PROPERTY = "quarkus.vertx.event-loops-pool-size";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, getValue(PROPERTY));
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? Integer.toString(Runtime.getRuntime().availableProcessors()) : null;
    }

    @Override
    public String getName() {
        return "gateway-event-loops-per-core";
    }

    @Override
    public int getOrdinal() {
        return 100;
    }
}
