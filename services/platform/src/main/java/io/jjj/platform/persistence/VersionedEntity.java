package io.jjj.platform.persistence;

import io.jjj.platform.http.ConditionalWrites;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The base of every versioned Panache entity (the aggregates the API lets clients change): the optimistic-lock
 * {@code version} column ({@code @Version}; a conflicting flush is an {@code OptimisticLockException}, answered
 * {@code 412}) and {@code updated_at}, set on every insert and update. The tables declare
 * {@code version integer|bigint NOT NULL DEFAULT 1} and {@code updated_at timestamptz NOT NULL DEFAULT now()}.
 * A new entity starts at version 1, like a row inserted by SQL. The entity declares its own {@code @Id}.
 *
 * <pre>{@code
 * @Entity @Table(name = "node")
 * public class NodeEntity extends VersionedEntity { @Id public String id; public String name; }
 * ConditionalWrites.requireMatch(ifMatch, node.version, "node " + id);  // ETag: node.etag()
 * }</pre>
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    /** The optimistic-lock version; the strong {@code ETag} is {@link #etag()}. Set by Hibernate, never by hand. */
    @Version
    @Column(name = "version", nullable = false)
    public long version = 1;

    /** When the row was last written (UTC). */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The {@code ETag} header value of this version: {@code "<version>"}. */
    public String etag() {
        return ConditionalWrites.etag(version);
    }

    @PrePersist
    @PreUpdate
    protected void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
