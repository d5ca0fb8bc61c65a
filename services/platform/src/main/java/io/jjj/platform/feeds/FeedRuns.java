package io.jjj.platform.feeds;

import io.quarkus.arc.properties.IfBuildProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.jdbc.Jdbc;
import io.jjj.platform.problem.ProblemException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runs of feeds answered 202, kept in the {@code feed_run} table: queued here, applied by a small pool of workers,
 * their progress and liveness written on a heartbeat. Runs whose instance stopped (killed mid-feed) stop beating and
 * are marked failed, at start and on every heartbeat; a feed's transaction never committed, so such a run applied
 * nothing and a retry with the same {@code Idempotency-Key} runs it again.
 */
@IfBuildProperty(name = "jjj.feeds.enabled", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class FeedRuns {

    /** The work of one run: applies the feed, counting rows read into {@code progress}. */
    interface Work {
        FeedReport apply(AtomicLong progress);
    }

    /** A run just accepted, or the unfinished run the same key already started (then {@code created} is false). */
    record Accepted(FeedRun run, boolean created, String bodySha256) {
    }

    private static final Logger LOG = Logger.getLogger(FeedRuns.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, feed, mode, state, rows_read, body_bytes, created_at, started_at, finished_at, report, problem";

    private final AgroalDataSource dataSource;
    private final Jdbc jdbc;
    private final PlatformConfig config;
    private final String instance = UUID.randomUUID().toString();
    /** Unfinished runs of this instance and the rows each has read. */
    private final Map<UUID, AtomicLong> local = new ConcurrentHashMap<>();
    private ExecutorService workers;
    private ScheduledExecutorService heartbeat;

    public FeedRuns(AgroalDataSource dataSource, PlatformConfig config) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        workers = Executors.newFixedThreadPool(config.feeds().asyncWorkers(), r -> {
            Thread t = new Thread(r, "jjj-feed-run");
            t.setDaemon(true);
            return t;
        });
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jjj-feed-run-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = config.feeds().runHeartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        heartbeat.shutdownNow();
        workers.shutdownNow();
    }

    /** Where a run's status is served: one path for every service. */
    public String location(UUID id) {
        return "/api/" + config.service().name() + "/feeds/runs/" + id;
    }

    public Optional<FeedRun> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM feed_run WHERE id = ?", this::read, id);
    }

    /**
     * Records a new run and hands its work to the workers, unless the key already has an unfinished run: then that
     * run is returned (an abandoned one is marked failed first, so a retry after a crash runs again).
     */
    Accepted accept(String feed, FeedMode mode, String key, String bodySha256, long bodyBytes, Work work) {
        failAbandoned();
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO feed_run (id, feed, mode, idempotency_key, body_sha256, body_bytes, state, instance) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'queued', ?) ON CONFLICT DO NOTHING")) {
            s.setObject(1, id);
            s.setString(2, feed);
            s.setString(3, mode.value());
            s.setString(4, key);
            s.setString(5, bodySha256);
            s.setLong(6, bodyBytes);
            s.setString(7, instance);
            if (s.executeUpdate() == 0) {
                return unfinished(c, feed, key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a feed run", e);
        }
        AtomicLong progress = new AtomicLong();
        local.put(id, progress);
        workers.execute(() -> execute(id, work, progress));
        return new Accepted(find(id).orElseThrow(), true, bodySha256);
    }

    private Accepted unfinished(Connection c, String feed, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", body_sha256 FROM feed_run WHERE feed = ? "
                + "AND idempotency_key = ? AND state IN ('queued', 'running')")) {
            s.setString(1, feed);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.conflict("The run with Idempotency-Key '" + key + "' ended just now; retry to get its outcome");
                }
                return new Accepted(read(rs), false, rs.getString("body_sha256"));
            }
        }
    }

    private void execute(UUID id, Work work, AtomicLong progress) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            update("UPDATE feed_run SET state = 'running', started_at = now(), heartbeat_at = now() WHERE id = ?", id);
            FeedReport report = work.apply(progress);
            finish(id, FeedRun.SUCCEEDED, progress.get(), JSON.writeValueAsString(report), null);
        } catch (ProblemException e) {
            finishFailed(id, progress, e);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.errorf(e, "Feed run %s failed", id);
            finishFailed(id, progress, new ProblemException(500, "feed-failed", "Feed failed",
                    "The feed failed before it was applied; nothing was written. Retry with the same Idempotency-Key", null));
        } finally {
            local.remove(id);
            requestContext.terminate();
        }
    }

    private void finishFailed(UUID id, AtomicLong progress, ProblemException problem) {
        try {
            finish(id, FeedRun.FAILED, progress.get(), null, JSON.writeValueAsString(problem.toProblem(location(id))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void finish(UUID id, String state, long rows, String report, String problem) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE feed_run SET state = ?, rows_read = ?, report = ?, problem = ?, finished_at = now() WHERE id = ?")) {
            s.setString(1, state);
            s.setLong(2, rows);
            s.setString(3, report);
            s.setString(4, problem);
            s.setObject(5, id);
            s.executeUpdate();
        } catch (SQLException e) {
            // the heartbeat stops with this run, so it is marked failed later; a retry with its key finds the stored report
            LOG.errorf(e, "Could not record the end of feed run %s", id);
        }
    }

    /** Records the progress of this instance's runs and marks the runs of stopped instances failed. */
    void beat() {
        try {
            for (Map.Entry<UUID, AtomicLong> run : local.entrySet()) {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                        "UPDATE feed_run SET heartbeat_at = now(), rows_read = ? WHERE id = ? AND state IN ('queued', 'running')")) {
                    s.setLong(1, run.getValue().get());
                    s.setObject(2, run.getKey());
                    s.executeUpdate();
                }
            }
            failAbandoned();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Feed run heartbeat failed: %s", e.getMessage());
        }
    }

    /** Marks failed the unfinished runs whose instance has not beaten for a while: it was stopped mid-feed. */
    public int failAbandoned() {
        String problem;
        try {
            problem = JSON.writeValueAsString(new ProblemException(500, "feed-abandoned", "Feed abandoned",
                    "The service stopped while it applied this feed; nothing was written. Retry with the same Idempotency-Key",
                    null).toProblem(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int failed = jdbc.update("UPDATE feed_run SET state = 'failed', problem = ?, finished_at = now() "
                        + "WHERE state IN ('queued', 'running') AND heartbeat_at < now() - make_interval(secs => ?) AND instance <> ?",
                problem, config.feeds().runAbandonedAfter().toMillis() / 1000.0, instance);
        if (failed > 0) {
            LOG.warnf("Marked %d feed runs of stopped instances failed", failed);
        }
        return failed;
    }

    private void update(String sql, UUID id) {
        jdbc.update(sql, id);
    }

    private FeedRun read(ResultSet rs) throws SQLException {
        try {
            String report = rs.getString("report");
            String problem = rs.getString("problem");
            UUID id = rs.getObject("id", UUID.class);
            long rows = local.containsKey(id) ? local.get(id).get() : rs.getLong("rows_read");
            return new FeedRun(id, rs.getString("feed"), rs.getString("mode"), rs.getString("state"), rows,
                    rs.getLong("body_bytes"), time(rs.getTimestamp("created_at")), time(rs.getTimestamp("started_at")),
                    time(rs.getTimestamp("finished_at")), report == null ? null : JSON.readValue(report, FeedReport.class),
                    problem == null ? null : JSON.readTree(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable feed run", e);
        }
    }

    private static OffsetDateTime time(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
