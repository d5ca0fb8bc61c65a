package io.jjj.gateway.domain;

import io.jjj.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored API key: only the SHA-256 of its secret is kept. Revoking it ends its life; it is never deleted. */
@Entity
@Table(name = "api_key")
public class ApiKey extends VersionedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> scopes;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public ApiKeyView view() {
        return new ApiKeyView(id, name, List.copyOf(scopes), createdAt, version);
    }
}
