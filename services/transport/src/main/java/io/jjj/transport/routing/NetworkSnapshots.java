package io.jjj.transport.routing;

import io.jjj.platform.jdbc.Jdbc;
import io.jjj.platform.notify.PgListener;
import io.jjj.platform.time.Today;
import io.jjj.platform.tx.AfterCommit;
import io.jjj.transport.config.TransportConfig;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.domain.RoutingSnapshot;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds the current routing snapshot and replaces it when the network changes. A write marks its transaction; when
 * it commits, a background thread reads the whole network and swaps the new snapshot in atomically, so queries
 * never wait for a rebuild and changes arriving during one coalesce into the next. A rebuild that fails (the
 * database away) keeps the previous snapshot and is tried again until it succeeds. The same transaction sends a
 * PostgreSQL notification, delivered only on commit, so every other instance rebuilds too; each time the listening
 * connection is (re)established the instance rebuilds as well, so a change missed while it was away is caught up.
 *
 * <p>Each snapshot builds its contraction hierarchies on one background thread, on demand: today's for every mode
 * as soon as it is swapped in, then those the previous snapshot had been asked for (a change may move any epoch's
 * boundaries and renumbers nodes and arcs, so none is kept), then any other epoch the first time it is queried.
 */
@ApplicationScoped
public class NetworkSnapshots implements RoutingSnapshot {

    public static final String CHANNEL = "jjj_transport_network";

    private static final Logger LOG = Logger.getLogger(NetworkSnapshots.class);
    private static final String MARKED = NetworkSnapshots.class.getName() + ".marked";
    private static final long RETRY_MILLIS_MIN = 200;
    private static final long RETRY_MILLIS_MAX = 5000;

    private final NetworkBulkReader reader;
    private final Jdbc jdbc;
    private final Today today;
    private final TransactionSynchronizationRegistry transactions;
    private final PgListener pgListener;
    private final TransportConfig.Routing routing;
    private final ExecutorService hierarchyBuilds = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "transport-hierarchy-build");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /** Names this instance in notifications, so it does not rebuild twice for its own writes. */
    private final String instance = UUID.randomUUID().toString();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Object signal = new Object();
    private volatile Router current = new Router(Network.empty());
    private volatile boolean built;
    private volatile boolean running = true;
    private volatile long rebuilds;
    private volatile long failedRebuilds;
    private volatile String lastError;
    private Thread rebuilder;
    private PgListener.Listening listening;

    public NetworkSnapshots(NetworkBulkReader reader, Jdbc jdbc, Today today, TransactionSynchronizationRegistry transactions,
                            PgListener pgListener, TransportConfig config) {
        this.reader = reader;
        this.routing = config.routing();
        this.jdbc = jdbc;
        this.today = today;
        this.transactions = transactions;
        this.pgListener = pgListener;
    }

    void start(@Observes StartupEvent event) {
        try {
            rebuild();
        } catch (RuntimeException e) {
            failed(e);
            dirty.set(true);
        }
        rebuilder = new Thread(this::rebuildLoop, "transport-network-rebuild");
        rebuilder.setDaemon(true);
        rebuilder.start();
        listening = pgListener.listen(CHANNEL, new PgListener.Listener() {
            @Override
            public void connected() {
                requestRebuild();
            }

            @Override
            public void notified(List<String> payloads) {
                if (payloads.stream().anyMatch(p -> !instance.equals(p))) {
                    requestRebuild();
                }
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        requestRebuild();
        hierarchyBuilds.shutdownNow();
        if (listening != null) {
            listening.close();
        }
    }

    /** The router over the newest snapshot. */
    public Router router() {
        return current;
    }

    /** Whether a snapshot of the stored network has been built since the start; until then nothing can be routed. */
    public boolean built() {
        return built;
    }

    public long rebuilds() {
        return rebuilds;
    }

    public long failedRebuilds() {
        return failedRebuilds;
    }

    /** Why the last rebuild failed, while no later one succeeded. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public boolean hasNode(String id) {
        return current.network().index(id).isPresent();
    }

    /** Once the transaction commits, this and every other instance rebuild their snapshot. */
    @Override
    public void markChanged() {
        if (!AfterCommit.once(transactions, MARKED, this::requestRebuild)) {
            return;
        }
        jdbc.one("SELECT pg_notify(?, ?)", row -> CHANNEL, CHANNEL, instance);
    }

    public void requestRebuild() {
        dirty.set(true);
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void rebuildLoop() {
        long retryMillis = RETRY_MILLIS_MIN;
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
                retryMillis = RETRY_MILLIS_MIN;
            } catch (RuntimeException e) {
                failed(e);
                LOG.warnf("could not rebuild the transport network (%s); keeping the previous snapshot, retrying in %d ms",
                        lastError, retryMillis);
                dirty.set(true);
                synchronized (signal) {
                    try {
                        signal.wait(retryMillis);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                retryMillis = Math.min(retryMillis * 2, RETRY_MILLIS_MAX);
            }
        }
    }

    private void failed(RuntimeException e) {
        failedRebuilds++;
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        lastError = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private void rebuild() {
        long started = System.nanoTime();
        NetworkData data = reader.readAll();
        Router previous = current;
        Router next = new Router(Network.of(data.nodes(), data.links()), routing.landmarks(), hierarchyBuilds,
                routing.maxHierarchies());
        current = next;
        next.prepare(new Router.Filter((int) today.date().toEpochDay(), Mode.ALL));
        previous.hierarchies().ifPresent(old -> {
            List<Router.Filter> asked = old.requested();
            old.retire();
            for (int i = asked.size() - 1; i >= 0; i--) {
                next.prepare(asked.get(i));
            }
        });
        rebuilds++;
        built = true;
        lastError = null;
        LOG.debugf("transport network rebuilt: %d nodes, %d links in %d ms", data.nodes().size(), data.links().size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
