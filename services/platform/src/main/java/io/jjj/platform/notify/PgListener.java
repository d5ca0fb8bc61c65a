package io.jjj.platform.notify;

import io.jjj.platform.config.PlatformConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL {@code LISTEN} on a connection of its own, kept alive: the connection is checked with a round trip on
 * a timer, so a connection the server or the network dropped without a word is noticed, and it is opened again
 * until that works. Each time it is (re)established the listener hears {@code connected()}: notifications sent while
 * it was away are lost, so whoever listens looks at the state itself then.
 */
@ApplicationScoped
public class PgListener {

    private static final Logger LOG = Logger.getLogger(PgListener.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

    /** What a listener hears. */
    public interface Listener {
        /** The connection listens (again); anything notified before may have been missed. */
        void connected();

        /** Notifications arrived, with their payloads. */
        void notified(List<String> payloads);
    }

    private final PlatformConfig config;
    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private final List<Listening> listenings = new CopyOnWriteArrayList<>();

    public PgListener(PlatformConfig config,
                      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Starts listening on {@code channel} in a thread of its own, until closed or the application stops. */
    public Listening listen(String channel, Listener listener) {
        Listening listening = new Listening(channel, listener);
        listenings.add(listening);
        listening.thread.start();
        return listening;
    }

    void stop(@Observes ShutdownEvent event) {
        listenings.forEach(Listening::close);
    }

    /** The connection's {@code application_name}, so an operator can find it in {@code pg_stat_activity}. */
    public static String applicationName(String channel) {
        return "jjj-listen-" + channel;
    }

    /** One channel listened to. */
    public final class Listening implements AutoCloseable {
        private final String channel;
        private final Listener listener;
        private final Thread thread;
        private final AtomicLong connections = new AtomicLong();
        private volatile boolean running = true;

        private Listening(String channel, Listener listener) {
            if (!channel.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain channel name: " + channel);
            }
            this.channel = channel;
            this.listener = listener;
            this.thread = new Thread(this::run, "pg-listen-" + channel);
            this.thread.setDaemon(true);
        }

        /** How many times the connection was established, the first time included. */
        public long connections() {
            return connections.get();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            listenings.remove(this);
        }

        private void run() {
            Duration retryDelay = Duration.ofMillis(200);
            Duration validateEvery = config.listen().validateInterval();
            int waitMillis = (int) Math.max(1, Math.min(1000, validateEvery.toMillis()));
            while (running) {
                try (Connection connection = open()) {
                    connections.incrementAndGet();
                    retryDelay = Duration.ofMillis(200);
                    call(listener::connected);
                    Instant validatedAt = Instant.now();
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(waitMillis);
                        if (notifications != null && notifications.length > 0) {
                            List<String> payloads = Arrays.stream(notifications).map(PGNotification::getParameter).toList();
                            call(() -> listener.notified(payloads));
                        }
                        if (Duration.between(validatedAt, Instant.now()).compareTo(validateEvery) >= 0) {
                            if (!connection.isValid((int) Math.max(1, validateEvery.toSeconds()))) {
                                throw new SQLException("the connection did not answer a round trip");
                            }
                            validatedAt = Instant.now();
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    LOG.warnf("LISTEN %s lost (%s); listening again in %d ms", channel, e.getMessage(), retryDelay.toMillis());
                    try {
                        Thread.sleep(retryDelay.toMillis());
                    } catch (InterruptedException ie) {
                        return;
                    }
                    retryDelay = retryDelay.multipliedBy(2);
                    if (retryDelay.compareTo(MAX_RETRY_DELAY) > 0) {
                        retryDelay = MAX_RETRY_DELAY;
                    }
                }
            }
        }

        private Connection open() throws SQLException {
            Properties props = new Properties();
            user.ifPresent(u -> props.setProperty("user", u));
            password.ifPresent(p -> props.setProperty("password", p));
            props.setProperty("ApplicationName", applicationName(channel));
            props.setProperty("connectTimeout", "5");
            props.setProperty("tcpKeepAlive", "true");
            Connection connection = DriverManager.getConnection(jdbcUrl, props);
            try (Statement s = connection.createStatement()) {
                s.execute("LISTEN " + channel);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }

        private void call(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "listener of %s failed", channel);
            }
        }
    }
}
