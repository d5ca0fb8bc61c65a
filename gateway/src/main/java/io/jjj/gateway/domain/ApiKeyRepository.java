package io.jjj.gateway.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in the gateway's database, with plain JDBC. */
@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, name, scopes, created_at, revoked_at";

    private final AgroalDataSource dataSource;

    public ApiKeyRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(ApiKey key, String secretHash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO api_key (id, name, scopes, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setObject(1, key.id());
            s.setString(2, key.name());
            s.setArray(3, c.createArrayOf("text", key.scopes().toArray()));
            s.setString(4, secretHash);
            s.setTimestamp(5, Timestamp.from(key.createdAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store API key " + key.name(), e);
        }
    }

    /** The active key with this secret hash. */
    public Optional<ApiKey> findActiveByHash(String secretHash) {
        return one("SELECT " + COLUMNS + " FROM api_key WHERE secret_hash = ? AND revoked_at IS NULL", secretHash);
    }

    public Optional<ApiKey> findActiveByName(String name) {
        return one("SELECT " + COLUMNS + " FROM api_key WHERE name = ? AND revoked_at IS NULL", name);
    }

    public Optional<ApiKey> findById(UUID id) {
        return one("SELECT " + COLUMNS + " FROM api_key WHERE id = ?", id);
    }

    public List<ApiKey> listActive(int offset, int limit) {
        List<ApiKey> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM api_key WHERE revoked_at IS NULL ORDER BY created_at, id OFFSET ? LIMIT ?")) {
            s.setInt(1, offset);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(map(r));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list API keys", e);
        }
        return keys;
    }

    public long countActive() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM api_key WHERE revoked_at IS NULL");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count API keys", e);
        }
    }

    /** Revokes an active key; false when there is none with this id. */
    public boolean revoke(UUID id) {
        return update("UPDATE api_key SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", id) > 0;
    }

    public void replaceSecret(UUID id, String secretHash, List<String> scopes) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE api_key SET secret_hash = ?, scopes = ? WHERE id = ?")) {
            s.setString(1, secretHash);
            s.setArray(2, c.createArrayOf("text", scopes.toArray()));
            s.setObject(3, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update API key " + id, e);
        }
    }

    private int update(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update API keys", e);
        }
    }

    private Optional<ApiKey> one(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(map(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read API keys", e);
        }
    }

    private static ApiKey map(ResultSet r) throws SQLException {
        Array scopes = r.getArray("scopes");
        Timestamp revoked = r.getTimestamp("revoked_at");
        return new ApiKey(r.getObject("id", UUID.class), r.getString("name"),
                List.copyOf(Arrays.asList((String[]) scopes.getArray())),
                r.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
