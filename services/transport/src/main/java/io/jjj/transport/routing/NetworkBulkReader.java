package io.jjj.transport.routing;

import io.jjj.platform.jdbc.Jdbc;
import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.Node;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole network for a routing snapshot, in plain JDBC: one read-only repeatable-read transaction, so links never
 * refer to nodes it lacks, and a cursor with a large fetch size instead of entities.
 */
@ApplicationScoped
public class NetworkBulkReader {

    private static final int FETCH_SIZE = 10_000;

    private final Jdbc jdbc;

    public NetworkBulkReader(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public NetworkData readAll() {
        return jdbc.inConnection("read the network", c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                List<Node> nodes = new ArrayList<>();
                List<Link> links = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, name_en, name_zh, kind, region, lon, lat FROM transport_node ORDER BY id")) {
                    s.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            nodes.add(new Node(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getDouble(6), rs.getDouble(7)));
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("SELECT id, from_node, to_node, mode, line, distance_km, minutes, "
                        + "opened, closed, bidirectional, source FROM transport_link ORDER BY id")) {
                    s.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            Date closed = rs.getDate(9);
                            links.add(new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getDate(8).toLocalDate(),
                                    closed == null ? null : closed.toLocalDate(), rs.getBoolean(10), rs.getString(11)));
                        }
                    }
                }
                c.commit();
                return new NetworkData(nodes, links);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(autoCommit);
            }
        });
    }
}
