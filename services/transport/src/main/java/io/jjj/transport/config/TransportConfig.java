package io.jjj.transport.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the network queries. */
@ConfigMapping(prefix = "jjj.transport")
public interface TransportConfig {

    Matrix matrix();

    Isochrone isochrone();

    Routes routes();

    Routing routing();

    interface Matrix {
        /** Most origins in one matrix request. */
        @WithDefault("200")
        int maxOrigins();

        /** Most destinations in one matrix request. */
        @WithDefault("200")
        int maxDestinations();
    }

    interface Isochrone {
        /** Largest travel-time budget, in minutes. */
        @WithDefault("1440")
        int maxMinutes();

        /** Most bands in one request. */
        @WithDefault("12")
        int maxBands();
    }

    interface Routes {
        /** Largest transfer penalty, in minutes. */
        @WithDefault("180")
        int maxTransferMinutes();
    }

    interface Routing {
        /**
         * Most contraction hierarchies (one per epoch and mode set asked about) kept for the current snapshot; the
         * least recently used is dropped beyond it.
         */
        @WithDefault("8")
        int maxHierarchies();

        /** Landmarks of the A* that answers while no hierarchy is ready for the epoch asked about. */
        @WithDefault("8")
        int landmarks();
    }
}
