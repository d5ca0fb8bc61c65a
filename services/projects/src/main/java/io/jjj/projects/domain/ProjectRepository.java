package io.jjj.projects.domain;

import io.jjj.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects and their history through their entities; callers get {@link Project} records. Every write is flushed at
 * once, so a stale version or a taken ref surfaces here, as the problem it is, and not at commit.
 */
@ApplicationScoped
public class ProjectRepository {

    /** One entry of a project's history. */
    public record Change(long seq, long version, String change, String channel, LocalDate effective,
                         OffsetDateTime recordedAt, String note, Map<String, Object> changes) {
    }

    private final FlowTotals flowTotals;

    public ProjectRepository(FlowTotals flowTotals) {
        this.flowTotals = flowTotals;
    }

    public String nextId() {
        Number next = (Number) ProjectEntity.getEntityManager().createNativeQuery("SELECT nextval('project_number')")
                .getSingleResult();
        return String.format("P-%06d", next.longValue());
    }

    /** Stores a new project; its version starts at 1. */
    public Project insert(Project p) {
        ProjectEntity entity = ProjectEntity.of(p);
        try {
            entity.persistAndFlush();
        } catch (PersistenceException e) {
            throw uniqueRef(e, "ref '" + p.ref() + "' is already registered; PUT or PATCH that project, or feed it to update");
        }
        flowTotals.markChanged();
        return entity.toProject();
    }

    /**
     * Writes {@code p} over the project as this transaction read it. When another writer changed it meanwhile, the
     * version check of the write fails with an {@code OptimisticLockException} (a 412).
     */
    public Project update(Project p) {
        ProjectEntity entity = ProjectEntity.findById(p.id());
        entity.assign(p);
        try {
            ProjectEntity.flush();
        } catch (PersistenceException e) {
            throw uniqueRef(e, "ref '" + p.ref() + "' belongs to another project");
        }
        flowTotals.markChanged();
        return entity.toProject();
    }

    public Optional<Project> find(String id) {
        return ProjectEntity.<ProjectEntity>findByIdOptional(id).map(ProjectEntity::toProject);
    }

    public Optional<Project> findByRef(String ref) {
        return ProjectEntity.<ProjectEntity>find("ref", ref).firstResultOptional().map(ProjectEntity::toProject);
    }

    /** The project with this ref, locked until the transaction ends, so concurrent feeds apply its rows one after another. */
    public Optional<Project> findByRefForUpdate(String ref) {
        return ProjectEntity.<ProjectEntity>find("ref", ref).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .map(ProjectEntity::toProject);
    }

    /** Records a version: the change, and the project as it now stands. */
    public void addVersion(String id, String change, String channel, LocalDate effective, String note,
                           Map<String, Object> changes, OffsetDateTime recordedAt) {
        ProjectEntity project = ProjectEntity.findById(id);
        ProjectVersionEntity entry = new ProjectVersionEntity();
        entry.projectId = id;
        entry.version = project.version;
        entry.change = change;
        entry.channel = channel;
        entry.effective = effective;
        entry.recordedAt = recordedAt;
        entry.note = note;
        entry.changes = ProjectJson.write(changes);
        entry.state = ProjectJson.write(project.snapshot());
        entry.persist();
    }

    /**
     * A status change that took effect before versions already recorded (attribute changes of later dates) holds
     * for them too: their snapshots take the new status.
     */
    public void carryStatusForward(String id, LocalDate effective, String status, LocalDate since, String suspendedFrom) {
        List<ProjectVersionEntity> later = ProjectVersionEntity.list(
                "projectId = ?1 and effective > ?2 and change <> 'status-changed'", id, effective);
        for (ProjectVersionEntity entry : later) {
            Map<String, Object> state = new LinkedHashMap<>(ProjectJson.readMap(entry.state));
            state.put("status", status);
            state.put("status_since", since.toString());
            state.put("suspended_from", suspendedFrom);
            entry.state = ProjectJson.write(state);
        }
    }

    public List<Change> history(String id) {
        return ProjectVersionEntity.<ProjectVersionEntity>list("projectId = ?1 order by seq", id).stream()
                .map(v -> new Change(v.seq, v.version, v.change, v.channel, v.effective,
                        v.recordedAt, v.note, ProjectJson.readMap(v.changes)))
                .toList();
    }

    /** A taken ref is the client's conflict; anything else goes on as it is (a stale version is a 412 already). */
    private static RuntimeException uniqueRef(PersistenceException e, String detail) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return ProblemException.conflict(detail);
            }
        }
        return e;
    }
}
