package io.jjj.indicators.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest state of other services' projects and links, as their events carry it, in plain JDBC: each event
 * replaces one row and every recomputation reads them all. Writes join the caller's transaction.
 */
@ApplicationScoped
public class SnapshotStore {

    private final AgroalDataSource dataSource;

    public SnapshotStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void saveProject(Derived.Project p) {
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
    }

    public void saveLink(Derived.Link l) {
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
    }

    public List<Derived.Project> projects() {
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

    public List<Derived.Link> links() {
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
