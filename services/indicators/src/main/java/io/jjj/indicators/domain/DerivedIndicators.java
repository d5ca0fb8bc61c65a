package io.jjj.indicators.domain;

import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.regions.Regions;
import io.jjj.platform.time.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps the derived indicators in step with the projects and transport services: each event upserts this
 * service's snapshot of the entity, then the affected indicators are recomputed from the snapshots and the
 * periods whose value changed are published like any other observation change.
 */
@ApplicationScoped
@Transactional
public class DerivedIndicators {

    private final SnapshotStore snapshots;
    private final ObservationStore store;
    private final EventPublisher events;
    private final Regions regions;
    private final Today today;

    public DerivedIndicators(SnapshotStore snapshots, ObservationStore store, EventPublisher events, Regions regions, Today today) {
        this.snapshots = snapshots;
        this.store = store;
        this.events = events;
        this.regions = regions;
        this.today = today;
    }

    public void projectChanged(Derived.Project p) {
        snapshots.saveProject(p);
        publish(Derived.projects(snapshots.projects(), regions));
    }

    public void linkChanged(Derived.Link l) {
        snapshots.saveLink(l);
        publish(Derived.hsr(snapshots.links(), regions, today.year()));
    }

    private void publish(Map<String, Map<SeriesKey, Map<LocalDate, BigDecimal>>> byIndicator) {
        IndicatorEvents.Batch batch = new IndicatorEvents.Batch();
        for (var entry : new TreeMap<>(byIndicator).entrySet()) {
            Map<SeriesKey, Map<LocalDate, BigDecimal>> after = entry.getValue();
            Map<SeriesKey, Map<LocalDate, BigDecimal>> before = store.replaceDerived(entry.getKey(), after);
            Set<SeriesKey> keys = new TreeSet<>(Comparator.comparing(SeriesKey::region));
            keys.addAll(before.keySet());
            keys.addAll(after.keySet());
            for (SeriesKey key : keys) {
                Map<LocalDate, BigDecimal> was = before.getOrDefault(key, Map.of());
                Map<LocalDate, BigDecimal> now = after.getOrDefault(key, Map.of());
                Set<LocalDate> periods = new TreeSet<>(was.keySet());
                periods.addAll(now.keySet());
                for (LocalDate period : periods) {
                    BigDecimal old = was.get(period);
                    BigDecimal value = now.get(period);
                    String label = Frequency.ANNUAL.label(period);
                    if (old == null) {
                        batch.upserted(key, new IndicatorEvents.PeriodChange(label, value, null, Derived.STATUS, null));
                    } else if (value == null || value.compareTo(old) != 0) {
                        batch.revised(key, new IndicatorEvents.PeriodChange(label, value, old, Derived.STATUS, null));
                    }
                }
            }
        }
        events.publishAll(batch.drafts());
    }
}
