package io.jjj.projects.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.time.LocalDate;

/**
 * One entry of a project's history: what changed and the whole project as it then stood. Entries are appended and
 * never compete for one row, so they carry no lock of their own; {@code version} is the project's version after the
 * change.
 */
@Entity
@Table(name = "project_version")
public class ProjectVersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "project_id")
    public String projectId;
    public long version;
    public String change;
    public String channel;
    public LocalDate effective;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    public String note;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String changes;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String state;
}
