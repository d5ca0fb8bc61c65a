package io.jjj.platform.jdbc;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one JDBC helper: statements on a connection of the service's {@link DataSource} (which joins the caller's
 * transaction), parameters bound in order, rows mapped by a {@link RowMapper}, and every {@link SQLException} rethrown
 * as a {@link JdbcException} that keeps it as the cause (so the problem mappers still see its SQL state).
 *
 * <p>Parameters are bound with {@code setObject} ({@code null}, strings, numbers, {@code LocalDate},
 * {@code OffsetDateTime}, {@code UUID}, …); a SQL array is {@link #array(String, Collection)}.
 *
 * <pre>{@code
 * @Inject Jdbc jdbc;
 * List<Node> nodes = jdbc.list("SELECT id, name FROM node WHERE kind = ?", rs -> new Node(rs.getString(1), rs.getString(2)), kind);
 * Optional<Node> one = jdbc.one("SELECT id, name FROM node WHERE id = ?", NODE, id);
 * int changed = jdbc.update("UPDATE node SET name = ? WHERE id = ?", name, id);
 * }</pre>
 */
@Singleton
public class Jdbc {

    private final DataSource dataSource;

    @Inject
    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Binds one item's parameters to a statement of a batch. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    /** Work on a connection of its own, for what the other methods do not cover (COPY, several statements). */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Any JDBC work, for {@link #unchecked(String, SqlWork)}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** A SQL array parameter: {@code array("text", ids)} for {@code = ANY (?)}. */
    public record SqlArray(String elementType, Object[] elements) {
    }

    public static SqlArray array(String elementType, Collection<?> elements) {
        return new SqlArray(elementType, elements.toArray());
    }

    /** Every row, mapped. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        return withConnection(sql, c -> {
            try (PreparedStatement s = prepare(c, sql, parameters); ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    /** The first row, mapped; empty when there is none. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        return withConnection(sql, c -> {
            try (PreparedStatement s = prepare(c, sql, parameters)) {
                s.setMaxRows(1);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** An {@code INSERT}, {@code UPDATE} or {@code DELETE}: the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        return withConnection(sql, c -> {
            try (PreparedStatement s = prepare(c, sql, parameters)) {
                return s.executeUpdate();
            }
        });
    }

    /** One statement for each item, sent as one batch; the rows each changed. Nothing is sent for no items. */
    public <T> int[] batch(String sql, Collection<T> items, Binder<? super T> binder) {
        if (items.isEmpty()) {
            return new int[0];
        }
        return withConnection(sql, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(s, item);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    /** Work on one connection (closed after), failures rethrown as {@link JdbcException} with {@code what} in the message. */
    public <T> T inConnection(String what, ConnectionWork<T> work) {
        return withConnection(what, work);
    }

    /** Runs JDBC work that has a connection already, rethrowing a {@link SQLException} as {@link JdbcException}. */
    public static <T> T unchecked(String what, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Binds {@code parameters} in order to a statement prepared on {@code connection}. */
    public static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof SqlArray a) {
                    s.setArray(i + 1, connection.createArrayOf(a.elementType(), a.elements()));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private <T> T withConnection(String what, ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static JdbcException failure(String what, SQLException e) {
        String shown = what.length() > 200 ? what.substring(0, 200) + "…" : what;
        return new JdbcException("SQL failed (SQLSTATE " + e.getSQLState() + "): " + shown.replaceAll("\\s+", " ").trim(), e);
    }
}
