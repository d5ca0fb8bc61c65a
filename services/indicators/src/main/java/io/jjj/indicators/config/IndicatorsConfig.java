package io.jjj.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the indicators service. */
@ConfigMapping(prefix = "jjj.indicators")
public interface IndicatorsConfig {

    Query query();

    /** Longest unit label of an indicator definition, in characters. */
    @WithDefault("100")
    int maxUnitLength();

    DerivedIndicators derived();

    interface Query {
        /** Most observations one query may read before paging; a broader query is asked to narrow down. */
        @WithDefault("200000")
        int maxObservations();

        /**
         * How long queries may use a catalogue and source list read earlier; a code missing from it is looked up at
         * once, so only changed definitions can be this late. Feeds and catalogue reads never use it.
         */
        @WithDefault("5s")
        java.time.Duration catalogueCacheTtl();
    }

    interface DerivedIndicators {
        /** Whether this instance consumes project and transport events into derived indicators. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("indicators-derived")
        String consumerGroup();

        @WithDefault("jjj.projects.v1")
        String projectsTopic();

        @WithDefault("jjj.transport.v1")
        String transportTopic();
    }
}
