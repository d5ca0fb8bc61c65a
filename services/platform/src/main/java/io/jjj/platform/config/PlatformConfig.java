package io.jjj.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings every service shares; each service names itself with {@code jjj.service.name}. */
@ConfigMapping(prefix = "jjj")
public interface PlatformConfig {

    Service service();

    Kafka kafka();

    Outbox outbox();

    Consumers consumers();

    Listen listen();

    Feeds feeds();

    Security security();

    interface Service {
        /** Short name: {@code indicators}, {@code projects}, {@code transport}, {@code gateway}. */
        String name();

        /** The topic this service publishes to. */
        default String topic() {
            return "jjj." + name() + ".v1";
        }

        /** The CloudEvents {@code source} of this service's events. */
        default String eventSource() {
            return "/jjj/" + name();
        }
    }

    interface Kafka {
        @WithDefault("localhost:9092")
        String bootstrapServers();

        /** How long a client call may wait for the broker before it counts as down. */
        @WithDefault("5s")
        Duration requestTimeout();

        /** Partitions of the service's topic when the relay has to create it. */
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /**
         * Largest request the producer sends (its {@code max.request.size}); an event that cannot fit is refused when
         * it is written, not found out by the relay.
         */
        @WithDefault("1048576")
        int maxRequestSize();
    }

    interface Outbox {
        /** Whether this instance runs the relay that sends the outbox to Kafka. */
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for a notification before it looks at the outbox anyway. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("200ms")
        Duration minBackoff();

        @WithDefault("15s")
        Duration maxBackoff();

        /** Sent events older than this are deleted from the outbox table. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Consumers {
        /** Failures of one event, with the database reachable, after which it is parked and the stream moves on. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration minBackoff();

        /** Longest pause between retries of an unhandled event, e.g. while the database is down. */
        @WithDefault("10s")
        Duration maxBackoff();
    }

    interface Listen {
        /** How often a LISTEN connection is checked with a round trip and, when it fails, opened again. */
        @WithDefault("5s")
        Duration validateInterval();
    }

    interface Feeds {
        /** Whether this process serves feeds and their runs (the gateway does not); fixed when the application is built. */
        @WithDefault("true")
        boolean enabled();

        /** Largest feed body accepted, in bytes. */
        @WithDefault("536870912")
        long maxBytes();

        /** Most data rows accepted in one feed. */
        @WithDefault("2000000")
        long maxRows();

        /** Rows applied per database round trip. */
        @WithDefault("1000")
        int chunkSize();

        /** Row errors listed in a report; the count of rejected rows stays exact beyond it. */
        @WithDefault("1000")
        int maxReportedErrors();

        /** Feeds with a larger {@code Content-Length} are answered 202 with a run to poll, as with {@code Prefer: respond-async}. */
        @WithDefault("8388608")
        long asyncAboveBytes();

        /** Asynchronous feed runs applied at once by one instance; more wait queued. */
        @WithDefault("2")
        int asyncWorkers();

        /** How often an instance records that its unfinished runs are alive, with their progress. */
        @WithDefault("5s")
        Duration runHeartbeat();

        /** An unfinished run without a heartbeat for this long belongs to a stopped instance and is marked failed. */
        @WithDefault("30s")
        Duration runAbandonedAfter();
    }

    interface Security {
        /** Shared with the gateway, which signs a short-lived token on every call it forwards. */
        @WithDefault("jjj-local-development-secret-change-me")
        String tokenSecret();

        /** Whether writes need the gateway's token; off only for a service run alone on purpose. */
        @WithDefault("true")
        boolean requireGatewayToken();

        @WithDefault("60s")
        Duration tokenLifetime();
    }
}
