package io.jjj.projects.domain;

import io.jjj.platform.notify.PgListener;
import io.jjj.platform.tx.AfterCommit;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The flow totals ({@code project_flow}, kept by a trigger on {@code project}) held in memory, so a flows matrix is
 * summed without a round trip. A few thousand rows: origin × destination × signed year.
 * <p>
 * Every invalidation raises a generation; the next read after one loads the table again. Invalidated: by this
 * instance's own writes when their transaction commits ({@link #markChanged()}, so a client reads its own write), by
 * every instance's writes through {@code NOTIFY jjj_projects_flows} (a statement trigger on {@code project_flow}) when
 * they commit, and whenever the listening connection (re)connects, since notifications may have been missed.
 */
@ApplicationScoped
public class FlowTotals {

    static final String CHANNEL = "jjj_projects_flows";
    private static final String MARKED = FlowTotals.class.getName() + ".marked";

    private record Snapshot(long generation, List<ProjectJdbcQueries.FlowRow> rows) {
    }

    private final ProjectJdbcQueries queries;
    private final TransactionSynchronizationRegistry transactions;
    private final PgListener pgListener;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;
    private PgListener.Listening listening;

    public FlowTotals(ProjectJdbcQueries queries, TransactionSynchronizationRegistry transactions, PgListener pgListener) {
        this.queries = queries;
        this.transactions = transactions;
        this.pgListener = pgListener;
    }

    void start(@Observes StartupEvent event) {
        listening = pgListener.listen(CHANNEL, new PgListener.Listener() {
            @Override
            public void connected() {
                invalidate();
            }

            @Override
            public void notified(List<String> payloads) {
                invalidate();
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (listening != null) {
            listening.close();
        }
    }

    /** Called where projects are written: once the transaction commits, the next read loads the totals again. */
    public void markChanged() {
        AfterCommit.once(transactions, MARKED, this::invalidate);
    }

    private void invalidate() {
        generation.incrementAndGet();
    }

    /**
     * Totals per recorded origin and destination over projects signed in [fromYear, toYear] (null: open), as
     * {@link ProjectJdbcQueries#flows} answers them from the database; with neither bound, every row, those without a
     * signed year included.
     */
    public List<ProjectJdbcQueries.Flow> flows(Integer fromYear, Integer toYear) {
        boolean everyYear = fromYear == null && toYear == null;
        int from = fromYear == null ? 1 : fromYear;
        int to = toYear == null ? 9999 : toYear;
        Map<String, ProjectJdbcQueries.Flow> sums = new LinkedHashMap<>();
        for (ProjectJdbcQueries.FlowRow r : current().rows()) {
            if (!everyYear && (r.signedYear() < from || r.signedYear() > to)) {
                continue;
            }
            sums.merge(r.origin() + '\u0000' + r.destination(),
                    new ProjectJdbcQueries.Flow(r.origin(), r.destination(), r.projects(), r.investmentCny100m(), r.jobs()),
                    (a, b) -> new ProjectJdbcQueries.Flow(a.origin(), a.destination(), a.projects() + b.projects(),
                            a.investmentCny100m().add(b.investmentCny100m()), a.jobs() + b.jobs()));
        }
        return List.copyOf(sums.values());
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && s.generation() == generation.get()) {
            return s;
        }
        synchronized (this) {
            long wanted = generation.get();
            s = snapshot;
            if (s != null && s.generation() == wanted) {
                return s;
            }
            // the generation is read before the rows: an invalidation while they load makes the next read load again
            Snapshot loaded = new Snapshot(wanted, queries.flowRows());
            snapshot = loaded;
            return loaded;
        }
    }
}
