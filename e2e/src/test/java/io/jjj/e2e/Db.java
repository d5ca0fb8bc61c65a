package io.jjj.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on one database of the suite's embedded PostgreSQL (superuser, trust on localhost). */
final class Db {

    private final String url;

    Db(Faults faults, String database) {
        this.url = faults.jdbcUrl(database);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    /** The payload of every outbox event whose payload contains {@code text}. */
    List<String> outboxPayloadsContaining(String text) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT payload FROM outbox_event WHERE strpos(payload, ?) > 0 ORDER BY seq")) {
            ps.setString(1, text);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new AssertionError("reading the outbox of " + url, e);
        }
    }

    /** The one text value a query answers. */
    String text(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row: " + sql);
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql + " on " + url, e);
        }
    }

    long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql + " on " + url, e);
        }
    }
}
