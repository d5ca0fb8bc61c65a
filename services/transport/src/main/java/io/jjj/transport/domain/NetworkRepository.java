package io.jjj.transport.domain;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Nodes and links in PostgreSQL, in plain JDBC: batched writes for feeds, filtered pages for listings. */
@ApplicationScoped
public class NetworkRepository {

    private static final String NODE_COLUMNS = "id, name_en, name_zh, kind, region, lon, lat, version";
    private static final String LINK_COLUMNS =
            "id, from_node, to_node, mode, line, distance_km, minutes, opened, closed, bidirectional, source, version";

    /** Filters of the node listing; null means no filter. {@code servedOn} keeps nodes an open link touches. */
    public record NodeFilter(String kind, Collection<String> regions, LocalDate servedOn, String mode) {
    }

    /** Filters of the link listing; null means no filter. */
    public record LinkFilter(LocalDate openOn, String mode, String line, String node) {
    }

    private final AgroalDataSource dataSource;

    public NetworkRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Versioned<Node>> node(String id) {
        return nodes(List.of(id), false).values().stream().findFirst();
    }

    public Optional<Versioned<Link>> link(String id) {
        return links(List.of(id), false).values().stream().findFirst();
    }

    /** The stored nodes among {@code ids}; {@code lock} takes row locks for an update in the caller's transaction. */
    public Map<String, Versioned<Node>> nodes(Collection<String> ids, boolean lock) {
        Map<String, Versioned<Node>> found = new HashMap<>();
        query("SELECT " + NODE_COLUMNS + " FROM transport_node WHERE id = ANY(?)" + (lock ? " FOR UPDATE" : ""), s -> {
            s.setArray(1, s.getConnection().createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Versioned<Node> n = readNode(rs);
                    found.put(n.value().id(), n);
                }
            }
        });
        return found;
    }

    public Map<String, Versioned<Link>> links(Collection<String> ids, boolean lock) {
        Map<String, Versioned<Link>> found = new HashMap<>();
        query("SELECT " + LINK_COLUMNS + " FROM transport_link WHERE id = ANY(?)" + (lock ? " FOR UPDATE" : ""), s -> {
            s.setArray(1, s.getConnection().createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Versioned<Link> l = readLink(rs);
                    found.put(l.value().id(), l);
                }
            }
        });
        return found;
    }

    /** Links that start or end at the node. */
    public List<Link> linksTouching(String nodeId) {
        List<Link> found = new ArrayList<>();
        query("SELECT " + LINK_COLUMNS + " FROM transport_link WHERE from_node = ? OR to_node = ? ORDER BY id", s -> {
            s.setString(1, nodeId);
            s.setString(2, nodeId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(readLink(rs).value());
                }
            }
        });
        return found;
    }

    public void insertNodes(List<Node> nodes) {
        batch("INSERT INTO transport_node (id, name_en, name_zh, kind, region, lon, lat) VALUES (?, ?, ?, ?, ?, ?, ?)",
                nodes, NetworkRepository::bindNode);
    }

    public void updateNodes(List<Node> nodes) {
        batch("UPDATE transport_node SET name_en = ?, name_zh = ?, kind = ?, region = ?, lon = ?, lat = ?, "
                + "version = version + 1, updated_at = now() WHERE id = ?", nodes, (s, n) -> {
                    s.setString(1, n.nameEn());
                    s.setString(2, n.nameZh());
                    s.setString(3, n.kind());
                    s.setString(4, n.region());
                    s.setDouble(5, n.lon());
                    s.setDouble(6, n.lat());
                    s.setString(7, n.id());
                });
    }

    public void insertLinks(List<Link> links) {
        batch("INSERT INTO transport_link (id, from_node, to_node, mode, line, distance_km, minutes, opened, closed, "
                + "bidirectional, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", links, (s, l) -> {
                    s.setString(1, l.id());
                    bindLinkAttributes(s, l, 2);
                });
    }

    public void updateLinks(List<Link> links) {
        batch("UPDATE transport_link SET from_node = ?, to_node = ?, mode = ?, line = ?, distance_km = ?, minutes = ?, "
                + "opened = ?, closed = ?, bidirectional = ?, source = ?, version = version + 1, updated_at = now() "
                + "WHERE id = ?", links, (s, l) -> {
                    bindLinkAttributes(s, l, 1);
                    s.setString(11, l.id());
                });
    }

    public long countNodes(NodeFilter f) {
        List<Object> args = new ArrayList<>();
        String where = nodeWhere(f, args);
        return count("SELECT count(*) FROM transport_node n" + where, args);
    }

    public List<Node> listNodes(NodeFilter f, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = nodeWhere(f, args);
        args.add(limit);
        args.add(offset);
        List<Node> found = new ArrayList<>();
        query("SELECT " + NODE_COLUMNS + " FROM transport_node n" + where + " ORDER BY id LIMIT ? OFFSET ?", s -> {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(readNode(rs).value());
                }
            }
        });
        return found;
    }

    public long countLinks(LinkFilter f) {
        List<Object> args = new ArrayList<>();
        String where = linkWhere(f, args);
        return count("SELECT count(*) FROM transport_link" + where, args);
    }

    public List<Link> listLinks(LinkFilter f, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = linkWhere(f, args);
        args.add(limit);
        args.add(offset);
        List<Link> found = new ArrayList<>();
        query("SELECT " + LINK_COLUMNS + " FROM transport_link" + where + " ORDER BY id LIMIT ? OFFSET ?", s -> {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(readLink(rs).value());
                }
            }
        });
        return found;
    }

    /** Reads every node and link in one repeatable-read snapshot, so links never refer to nodes it lacks. */
    public NetworkData loadAll() {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                List<Node> nodes = new ArrayList<>();
                List<Link> links = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT " + NODE_COLUMNS + " FROM transport_node ORDER BY id")) {
                    s.setFetchSize(10_000);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            nodes.add(readNode(rs).value());
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("SELECT " + LINK_COLUMNS + " FROM transport_link ORDER BY id")) {
                    s.setFetchSize(10_000);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            links.add(readLink(rs).value());
                        }
                    }
                }
                c.commit();
                return new NetworkData(nodes, links);
            } finally {
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the network", e);
        }
    }

    private static String nodeWhere(NodeFilter f, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (f.kind() != null) {
            clauses.add("n.kind = ?");
            args.add(f.kind());
        }
        if (f.regions() != null) {
            clauses.add("n.region = ANY(?)");
            args.add(f.regions().toArray(String[]::new));
        }
        if (f.servedOn() != null) {
            StringBuilder served = new StringBuilder("EXISTS (SELECT 1 FROM transport_link l WHERE (l.from_node = n.id OR l.to_node = n.id)"
                    + " AND l.opened <= ? AND (l.closed IS NULL OR l.closed > ?)");
            args.add(f.servedOn());
            args.add(f.servedOn());
            if (f.mode() != null) {
                served.append(" AND l.mode = ?");
                args.add(f.mode());
            }
            clauses.add(served.append(')').toString());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static String linkWhere(LinkFilter f, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (f.openOn() != null) {
            clauses.add("opened <= ? AND (closed IS NULL OR closed > ?)");
            args.add(f.openOn());
            args.add(f.openOn());
        }
        if (f.mode() != null) {
            clauses.add("mode = ?");
            args.add(f.mode());
        }
        if (f.line() != null) {
            clauses.add("line = ?");
            args.add(f.line());
        }
        if (f.node() != null) {
            clauses.add("(from_node = ? OR to_node = ?)");
            args.add(f.node());
            args.add(f.node());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private long count(String sql, List<Object> args) {
        long[] total = new long[1];
        query(sql, s -> {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total[0] = rs.getLong(1);
            }
        });
        return total[0];
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof LocalDate d) {
                s.setDate(i + 1, Date.valueOf(d));
            } else if (a instanceof String[] array) {
                s.setArray(i + 1, s.getConnection().createArrayOf("text", array));
            } else {
                s.setObject(i + 1, a);
            }
        }
    }

    private static void bindNode(PreparedStatement s, Node n) throws SQLException {
        s.setString(1, n.id());
        s.setString(2, n.nameEn());
        s.setString(3, n.nameZh());
        s.setString(4, n.kind());
        s.setString(5, n.region());
        s.setDouble(6, n.lon());
        s.setDouble(7, n.lat());
    }

    private static void bindLinkAttributes(PreparedStatement s, Link l, int first) throws SQLException {
        s.setString(first, l.from());
        s.setString(first + 1, l.to());
        s.setString(first + 2, l.mode());
        s.setString(first + 3, l.line());
        s.setBigDecimal(first + 4, l.distanceKm());
        s.setBigDecimal(first + 5, l.minutes());
        s.setDate(first + 6, Date.valueOf(l.opened()));
        if (l.closed() == null) {
            s.setNull(first + 7, Types.DATE);
        } else {
            s.setDate(first + 7, Date.valueOf(l.closed()));
        }
        s.setBoolean(first + 8, l.bidirectional());
        s.setString(first + 9, l.source());
    }

    private static Versioned<Node> readNode(ResultSet rs) throws SQLException {
        return new Versioned<>(new Node(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getDouble(6), rs.getDouble(7)), rs.getInt(8));
    }

    private static Versioned<Link> readLink(ResultSet rs) throws SQLException {
        Date closed = rs.getDate(9);
        return new Versioned<>(new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Decimals.normal(rs.getBigDecimal(6)), Decimals.normal(rs.getBigDecimal(7)), rs.getDate(8).toLocalDate(),
                closed == null ? null : closed.toLocalDate(), rs.getBoolean(10), rs.getString(11)), rs.getInt(12));
    }

    @FunctionalInterface
    private interface StatementWork {
        void run(PreparedStatement s) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement s, T item) throws SQLException;
    }

    private void query(String sql, StatementWork work) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            work.run(s);
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    private <T> void batch(String sql, List<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        query(sql, s -> {
            for (T item : items) {
                binder.bind(s, item);
                s.addBatch();
            }
            s.executeBatch();
        });
    }
}
