package io.jjj.indicators.domain;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.regions.Regions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
public class DerivedIndicators {

    private final AgroalDataSource dataSource;
    private final ObservationStore store;
    private final EventPublisher events;
    private final Regions regions;

    public DerivedIndicators(AgroalDataSource dataSource, ObservationStore store, EventPublisher events, Regions regions) {
        this.dataSource = dataSource;
        this.store = store;
        this.events = events;
        this.regions = regions;
    }

    @Transactional
    public void projectChanged(Derived.Project p) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO project_snapshot (id, destination, status, signed_year, investment_cny100m) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET destination = excluded.destination, status = excluded.status,
                    signed_year = excluded.signed_year, investment_cny100m = excluded.investment_cny100m""")) {
            s.setString(1, p.id());
            s.setString(2, p.destination());
            s.setString(3, p.status());
            s.setObject(4, p.signedYear(), Types.INTEGER);
            s.setBigDecimal(5, p.investmentCny100m());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store project " + p.id(), e);
        }
        publish(Derived.projects(projects(), regions));
    }

    @Transactional
    public void linkChanged(Derived.Link l) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO link_snapshot (id, mode, from_node, to_node, from_region, to_region, distance_km, opened, closed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET mode = excluded.mode, from_node = excluded.from_node, to_node = excluded.to_node,
                    from_region = excluded.from_region, to_region = excluded.to_region, distance_km = excluded.distance_km,
                    opened = excluded.opened, closed = excluded.closed""")) {
            s.setString(1, l.id());
            s.setString(2, l.mode());
            s.setString(3, l.from());
            s.setString(4, l.to());
            s.setString(5, l.fromRegion());
            s.setString(6, l.toRegion());
            s.setBigDecimal(7, l.distanceKm());
            s.setObject(8, l.opened() == null ? null : Date.valueOf(l.opened()), Types.DATE);
            s.setObject(9, l.closed() == null ? null : Date.valueOf(l.closed()), Types.DATE);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store link " + l.id(), e);
        }
        publish(Derived.hsr(links(), regions, LocalDate.now(ZoneOffset.UTC).getYear()));
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

    private List<Derived.Project> projects() {
        List<Derived.Project> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, destination, status, signed_year, investment_cny100m FROM project_snapshot ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Derived.Project(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getBigDecimal(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read project snapshots", e);
        }
        return out;
    }

    private List<Derived.Link> links() {
        List<Derived.Link> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT id, mode, from_node, to_node, from_region, to_region, distance_km, opened, closed
                FROM link_snapshot ORDER BY id""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Derived.Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read link snapshots", e);
        }
        return out;
    }

}
