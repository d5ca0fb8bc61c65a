package io.jjj.transport.routing;

import io.agroal.api.AgroalDataSource;
import io.jjj.transport.domain.NetworkData;
import io.jjj.transport.domain.NetworkRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds the current routing snapshot and replaces it when the network changes. A write marks its transaction; when
 * it commits, a background thread reads the whole network and swaps the new snapshot in atomically, so queries
 * never wait for a rebuild and changes arriving during one coalesce into the next. The same transaction sends a
 * PostgreSQL notification, delivered only on commit, so every other instance rebuilds too.
 */
@ApplicationScoped
public class NetworkSnapshots {

    public static final String CHANNEL = "jjj_transport_network";

    private static final Logger LOG = Logger.getLogger(NetworkSnapshots.class);
    private static final String MARKED = NetworkSnapshots.class.getName() + ".marked";
    private static final int LISTEN_TIMEOUT_MILLIS = 5000;

    private final NetworkRepository repository;
    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final String jdbcUrl;
    private final Optional<String> jdbcUser;
    private final Optional<String> jdbcPassword;
    /** Names this instance in notifications, so it does not rebuild twice for its own writes. */
    private final String instance = UUID.randomUUID().toString();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Object signal = new Object();
    private volatile Router current = new Router(Network.empty());
    private volatile boolean running = true;
    private volatile long rebuilds;
    private Thread rebuilder;
    private Thread listener;

    public NetworkSnapshots(NetworkRepository repository, AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
                            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> jdbcUser,
                            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> jdbcPassword) {
        this.repository = repository;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
    }

    void start(@Observes StartupEvent event) {
        rebuild();
        rebuilder = new Thread(this::rebuildLoop, "transport-network-rebuild");
        rebuilder.setDaemon(true);
        rebuilder.start();
        listener = new Thread(this::listenLoop, "transport-network-listen");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        requestRebuild();
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** The router over the newest snapshot. */
    public Router router() {
        return current;
    }

    public long rebuilds() {
        return rebuilds;
    }

    /**
     * Called inside a transaction that changes nodes or links: once it commits, this and every other instance
     * rebuild their snapshot.
     */
    public void markChanged() {
        if (transactions.getResource(MARKED) != null) {
            return;
        }
        transactions.putResource(MARKED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    requestRebuild();
                }
            }
        });
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, instance);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not notify other instances of the change", e);
        }
    }

    public void requestRebuild() {
        dirty.set(true);
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void rebuildLoop() {
        while (running) {
            synchronized (signal) {
                while (running && !dirty.get()) {
                    try {
                        signal.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (!running) {
                return;
            }
            dirty.set(false);
            try {
                rebuild();
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not rebuild the transport network; keeping the previous snapshot");
            }
        }
    }

    private void rebuild() {
        long started = System.nanoTime();
        NetworkData data = repository.loadAll();
        current = new Router(Network.of(data.nodes(), data.links()));
        rebuilds++;
        LOG.debugf("transport network rebuilt: %d nodes, %d links in %d ms", data.nodes().size(), data.links().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void listenLoop() {
        Connection connection = null;
        while (running) {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = DriverManager.getConnection(jdbcUrl, jdbcUser.orElse(null), jdbcPassword.orElse(null));
                    try (Statement s = connection.createStatement()) {
                        s.execute("LISTEN " + CHANNEL);
                    }
                    // a change committed before LISTEN took effect would otherwise go unnoticed
                    requestRebuild();
                }
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(LISTEN_TIMEOUT_MILLIS);
                if (notifications != null && Arrays.stream(notifications).anyMatch(n -> !instance.equals(n.getParameter()))) {
                    requestRebuild();
                }
            } catch (SQLException e) {
                LOG.debugf("cannot listen for network changes (%s); retrying", e.getMessage());
                close(connection);
                connection = null;
                try {
                    Thread.sleep(LISTEN_TIMEOUT_MILLIS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        close(connection);
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // dropping a broken listener connection
            }
        }
    }
}
