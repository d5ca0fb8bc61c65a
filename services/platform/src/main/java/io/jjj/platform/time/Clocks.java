package io.jjj.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one {@link Clock} of a service: the system clock in UTC. It is a {@link DefaultBean}, so a test (or a service)
 * that produces its own {@code Clock} replaces it everywhere, {@link Today} included.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
