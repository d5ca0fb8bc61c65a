package io.jjj.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    Text text();

    Http http();

    RegionUpdates regions();

    interface RegionUpdates {
        /**
         * Whether this service follows the regions feed: stores each {@code jjj.regions.updated.v1} event and lays it
         * over its reference, at once and again at every start.
         */
        @WithDefault("false")
        boolean followUpdates();

        /** The topic the regions feed publishes to: that of the service serving it. */
        @WithDefault("jjj.indicators.v1")
        String updatesTopic();
    }

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

        /** Longest cell, in characters. */
        @WithDefault("10000")
        int maxFieldLength();

        /** Longest CSV record or NDJSON line, in characters. */
        @WithDefault("100000")
        int maxLineLength();

        /** Most columns in a header or fields in a record. */
        @WithDefault("100")
        int maxColumns();

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
        /**
         * Shared with the gateway, which signs a short-lived token for each call it forwards. No default: see
         * {@link io.jjj.platform.security.TokenSecret}.
         */
        Optional<String> tokenSecret();

        /** How long a token the gateway signs stays valid. */
        @WithDefault("30s")
        Duration tokenLifetime();

        /** Clock difference tolerated between the gateway and a service when a token's times are checked. */
        @WithDefault("5s")
        Duration clockSkew();
    }

    /** Caps on the free text a client may send, in characters. */
    interface Text {
        /** Names, titles, references and other one-line labels. */
        @WithDefault("500")
        int maxNameLength();

        /** Descriptions, notes and other prose. */
        @WithDefault("5000")
        int maxTextLength();
    }

    interface Http {
        /**
         * The address clients reach the API at (the gateway's, e.g. {@code https://api.example.org}); Location and
         * Link headers start with it. Without it they start with the forwarded host of a trusted proxy, or else
         * are path-absolute ({@code /api/...}): never with the client's own Host header.
         */
        Optional<URI> publicBaseUrl();

        /** Addresses (CIDRs) whose {@code X-Forwarded-Host} and {@code X-Forwarded-Proto} are believed. */
        @WithDefault("127.0.0.1/32,::1/128")
        List<String> trustedProxies();

        /** How reads may be cached and compressed. */
        Caching caching();
    }

    interface Caching {
        /** How long a cache may reuse a read of live data before it must revalidate it with its ETag. */
        @WithDefault("5s")
        Duration liveMaxAge();

        /** How long a cache may reuse a read {@code asOf} a past date (later feeds may still add back-dated vintages). */
        @WithDefault("24h")
        Duration pastMaxAge();

        /** Bodies at least this long are compressed when the client accepts it; smaller ones gain less than they cost. */
        @WithDefault("1024")
        int compressFromBytes();

        /**
         * Whether the reads under {@code /api/} are computed from this service's database, so that their tags come from
         * its data version and a conditional read is answered {@code 304} before the resource runs (reads marked
         * {@link io.jjj.platform.http.TaggedByBody} excepted). Off, every read is tagged by a hash of its body.
         */
        @WithDefault("false")
        boolean tagsFromDatabase();
    }
}
