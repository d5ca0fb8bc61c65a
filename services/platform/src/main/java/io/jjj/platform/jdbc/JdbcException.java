package io.jjj.platform.jdbc;

import java.sql.SQLException;

/**
 * A failed JDBC call, unchecked. The {@link SQLException} stays its cause, so the problem mappers answer it as they
 * answer the SQL state: a unique violation {@code 409}, a serialization failure or deadlock {@code 409}, a value the
 * column cannot hold {@code 400}, a database that cannot be reached {@code 503} with {@code Retry-After}; anything
 * else a {@code 500} incident.
 */
public class JdbcException extends RuntimeException {

    public JdbcException(String message, SQLException cause) {
        super(message, cause);
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }

    /** The SQLSTATE of the cause, e.g. {@code 23505}; null when the driver gave none. */
    public String sqlState() {
        return getCause() == null ? null : getCause().getSQLState();
    }
}
