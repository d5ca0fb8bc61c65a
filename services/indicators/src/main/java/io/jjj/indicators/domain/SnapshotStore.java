package io.jjj.indicators.domain;

import io.jjj.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * The latest state of other services' projects and links, as their events carry it, in plain JDBC: each event
 * replaces one row and every recomputation reads them all. Writes join the caller's transaction.
 */
@ApplicationScoped
public class SnapshotStore {

    private final Jdbc jdbc;

    public SnapshotStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void saveProject(Derived.Project p) {
        jdbc.update("""
                INSERT INTO project_snapshot (id, destination, status, signed_year, investment_cny100m) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET destination = excluded.destination, status = excluded.status,
                    signed_year = excluded.signed_year, investment_cny100m = excluded.investment_cny100m""",
                p.id(), p.destination(), p.status(), p.signedYear(), p.investmentCny100m());
    }

    public void saveLink(Derived.Link l) {
        jdbc.update("""
                INSERT INTO link_snapshot (id, mode, from_node, to_node, from_region, to_region, distance_km, opened, closed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET mode = excluded.mode, from_node = excluded.from_node, to_node = excluded.to_node,
                    from_region = excluded.from_region, to_region = excluded.to_region, distance_km = excluded.distance_km,
                    opened = excluded.opened, closed = excluded.closed""",
                l.id(), l.mode(), l.from(), l.to(), l.fromRegion(), l.toRegion(), l.distanceKm(), l.opened(), l.closed());
    }

    public List<Derived.Project> projects() {
        return jdbc.list("SELECT id, destination, status, signed_year, investment_cny100m FROM project_snapshot ORDER BY id",
                rs -> new Derived.Project(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                        rs.getBigDecimal(5)));
    }

    public List<Derived.Link> links() {
        return jdbc.list("""
                SELECT id, mode, from_node, to_node, from_region, to_region, distance_km, opened, closed
                FROM link_snapshot ORDER BY id""",
                rs -> new Derived.Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class)));
    }
}
