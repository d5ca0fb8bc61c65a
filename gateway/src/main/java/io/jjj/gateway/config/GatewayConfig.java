package io.jjj.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the gateway routes where, and the limits it applies on the way. */
@ConfigMapping(prefix = "jjj.gateway")
public interface GatewayConfig {

    /** The services behind the gateway by name ({@code indicators}, {@code projects}, {@code transport}). */
    Map<String, Service> services();

    Upstream upstream();

    Keys keys();

    RateLimit rateLimit();

    Limits limits();

    Cors cors();

    Events events();

    OpenApi openapi();

    /**
     * Proxies in front of the gateway (IP addresses or CIDR ranges) whose {@code X-Forwarded-For}, {@code -Host} and
     * {@code -Proto} are believed; none by default. (The services' own {@code jjj.http.trusted-proxies} is the
     * next hop's: who may vouch for a forwarded host to them, the gateway.)
     */
    Optional<List<String>> trustedProxies();

    interface Service {
        /** Base URL, e.g. {@code http://localhost:8081}; what is routed to it is in the policy table. */
        String url();
    }

    interface Upstream {
        /** How long to wait for a connection to a service before answering 503. */
        @WithDefault("1s")
        Duration connectTimeout();

        /** How long a service may stay silent (no response bytes) before the gateway answers 504. */
        @WithDefault("30s")
        Duration responseTimeout();

        /** Pooled connections per service and event loop (each event loop has its own client). */
        @WithDefault("256")
        int maxConnections();
    }

    interface Keys {
        /** The admin key ensured at start (only its hash is stored); none when unset. */
        Optional<String> adminKey();

        /** How long a looked-up key (or its absence) is trusted before the database is asked again. */
        @WithDefault("10s")
        Duration cacheTtl();
    }

    interface RateLimit {
        /** Requests with a key draw from the key's bucket. */
        Bucket perKey();

        /** Requests without a key draw from the client address's bucket. */
        Bucket perAddress();

    }

    interface Bucket {
        /** Burst size: the most requests allowed at once. */
        int capacity();

        /** Tokens added back per second. */
        double refillPerSecond();
    }

    interface Limits {
        /** Largest request body for ordinary routes, in bytes. */
        @WithDefault("1048576")
        long maxBodyBytes();

        /** Largest request body for feed routes ({@code /api/<service>/feeds}), in bytes. */
        @WithDefault("536870912")
        long maxFeedBytes();
    }

    interface Cors {
        /** Origins allowed to call from a browser; never {@code *} by default. */
        Optional<List<String>> origins();

        @WithDefault("1h")
        Duration maxAge();
    }

    interface Events {
        /** Recent events kept in memory so a reconnecting client resumes with {@code Last-Event-ID}. */
        @WithDefault("10000")
        int bufferSize();

        /** The same buffer's bound in bytes (of the events as read from Kafka); the oldest events go first. */
        @WithDefault("33554432")
        long bufferMaxBytes();

        /** How far back in the topics the relay reads on start, so clients of the previous process can resume. */
        @WithDefault("10m")
        Duration readBack();

        /** Open event streams at most; more are answered 503 with {@code Retry-After}. */
        @WithDefault("1000")
        int maxSubscribers();

        /** Events handed to one stream and not yet written to its connection, at most. */
        @WithDefault("1000")
        int subscriberBufferEvents();

        /** The same per-stream buffer's bound in bytes. */
        @WithDefault("4194304")
        long subscriberBufferBytes();

        /** How long a replay may wait for a stream's full buffer to drain before the stream is closed. */
        @WithDefault("10s")
        Duration subscriberStall();

        /** The reconnect delay sent in the {@code retry} field to a stream closed for falling behind. */
        @WithDefault("1s")
        Duration retry();

        /** The {@code Retry-After} of a refused stream. */
        @WithDefault("5s")
        Duration retryAfter();

        /** Interval of the keep-alive comment sent to idle subscribers. */
        @WithDefault("15s")
        Duration keepAlive();
    }

    interface OpenApi {
        /** How often the services' documents are fetched again (a service that comes back is picked up). */
        @WithDefault("30s")
        Duration refreshInterval();
    }
}
