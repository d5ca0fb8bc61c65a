package io.jjj.transport.routing;

import io.jjj.transport.domain.Mode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The contraction hierarchies of one network snapshot, one per epoch and mode set, built on demand by a background
 * executor and kept in a cache holding at most {@code maxCached} of them (the least recently used goes first). A
 * query for an epoch whose hierarchy is not ready asks for it and is answered by the plain searches meanwhile, so
 * no request waits for a build. A new snapshot gets a new cache: its epochs may differ, and its node and arc
 * numbering does.
 */
public final class Hierarchies {

    /** What one cached hierarchy covers and costs, for readiness and the benchmark. */
    public record Built(LocalDate day, int modeMask, int nodes, int edges, int shortcuts, long bytes, long buildMillis) {
    }

    private static final class Entry {
        final Router.Filter filter;
        volatile Hierarchy hierarchy;

        Entry(Router.Filter filter) {
            this.filter = filter;
        }
    }

    private final Network net;
    private final Executor builds;
    private final Map<Long, Entry> cache;
    private volatile boolean retired;

    Hierarchies(Network net, Executor builds, int maxCached) {
        this.net = net;
        this.builds = builds;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
                return size() > maxCached;
            }
        };
    }

    /** The hierarchy of the epoch and mode set of {@code filter} if it is built; asks for it otherwise. */
    Optional<Hierarchy> ready(Router.Filter filter) {
        long key = key(filter);
        Entry entry;
        boolean requested = false;
        synchronized (cache) {
            entry = cache.get(key);
            if (entry == null) {
                entry = new Entry(filter);
                cache.put(key, entry);
                requested = true;
            }
        }
        if (requested) {
            Entry wanted = entry;
            try {
                builds.execute(() -> build(key, wanted));
            } catch (RejectedExecutionException shuttingDown) {
                synchronized (cache) {
                    cache.remove(key, wanted);
                }
            }
        }
        return Optional.ofNullable(entry.hierarchy);
    }

    private void build(long key, Entry entry) {
        synchronized (cache) {
            if (retired || cache.get(key) != entry) {
                return;
            }
        }
        entry.hierarchy = Hierarchy.build(net, entry.filter);
    }

    /** Drops every hierarchy and skips the builds still queued: the snapshot has been replaced. */
    void retire() {
        retired = true;
        synchronized (cache) {
            cache.clear();
        }
    }

    /** One key per epoch and set of modes present in it; days of the same epoch share it. */
    private long key(Router.Filter filter) {
        return ((long) net.epochOf(filter.day()) << Mode.values().length) | (filter.modeMask() & Mode.ALL);
    }

    /** The hierarchies built so far, most recently used last. */
    public List<Built> built() {
        List<Entry> entries;
        synchronized (cache) {
            entries = new ArrayList<>(cache.values());
        }
        List<Built> result = new ArrayList<>();
        for (Entry e : entries) {
            Hierarchy h = e.hierarchy;
            if (h != null) {
                result.add(new Built(LocalDate.ofEpochDay(e.filter.day()), e.filter.modeMask(), h.nodeCount,
                        h.edgeCount(), h.shortcuts, h.bytes(), h.buildNanos / 1_000_000));
            }
        }
        return result;
    }

    /** The filters of the epochs cached, most recently used last: what a new snapshot should build again. */
    List<Router.Filter> requested() {
        synchronized (cache) {
            return cache.values().stream().map(e -> e.filter).toList();
        }
    }
}
