package io.jjj.projects.domain;

import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.http.ConditionalWrites;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Regions;
import io.jjj.platform.time.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The registry's reads of one project and every write: validation, the lifecycle, optimistic concurrency, history
 * and events, each call one transaction (a feed's rows join the feed's).
 */
@ApplicationScoped
@Transactional
public class ProjectService {

    public static final String CHANNEL_API = "api";
    public static final String CHANNEL_FEED = "feed";

    private static final Set<String> STATUS_FIELDS = Set.of("status", "statusSince", "suspendedFrom");

    /** What a write did: the project afterwards and how many events it published. */
    public record Written(Project project, Outcome outcome, int events) {
    }

    public enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private final ProjectRepository repository;
    private final ProjectJdbcQueries queries;
    private final ProjectRules rules;
    private final Regions regions;
    private final EventPublisher events;
    private final Today today;

    public ProjectService(ProjectRepository repository, ProjectJdbcQueries queries, ProjectRules rules, Regions regions,
                          EventPublisher events, Today today) {
        this.repository = repository;
        this.queries = queries;
        this.rules = rules;
        this.regions = regions;
        this.events = events;
        this.today = today;
    }

    public Project get(String id, LocalDate asOf) {
        return (asOf == null ? repository.find(id) : queries.asOf(id, asOf))
                .orElseThrow(() -> asOf == null ? ProblemException.notFound("No project '" + id + "'")
                        : ProblemException.notFound("Project '" + id + "' did not exist on " + asOf));
    }

    public List<ProjectRepository.Change> history(String id) {
        get(id, null);
        return repository.history(id);
    }

    public Project create(ProjectDraft draft) {
        return register(valid(draft), CHANNEL_API).project();
    }

    public Project replace(String id, ProjectDraft draft, String ifMatch) {
        Project current = get(id, null);
        ConditionalWrites.requireMatch(ifMatch, current.version(), "project " + id);
        return change(current, valid(draft), CHANNEL_API, null).project();
    }

    public Project patch(String id, UnaryOperator<ProjectDraft> patch, String ifMatch) {
        Project current = get(id, null);
        ConditionalWrites.requireMatch(ifMatch, current.version(), "project " + id);
        return change(current, valid(patch.apply(editable(current))), CHANNEL_API, null).project();
    }

    public Project changeStatus(String id, String rawStatus, LocalDate effective, String note, String ifMatch) {
        rules.note(note).ifPresent(error -> {
            throw ProblemException.badRequest("note: " + error.message(), error);
        });
        Project current = get(id, null);
        ConditionalWrites.checkMatch(ifMatch, current.version(), "project " + id);
        String status = Lifecycle.parse(rawStatus).orElseThrow(() -> ProblemException.invalidParameter("status",
                "unknown status '" + rawStatus + "'; one of " + String.join(", ", Lifecycle.ALL)));
        if (!status.equals(current.status()) && !Lifecycle.allows(current.status(), current.suspendedFrom(), status)) {
            throw lifecycleConflict(current, status);
        }
        LocalDate when = effective == null ? today.date() : effective;
        if (when.isAfter(today.date())) {
            throw ProblemException.invalidParameter("effective", "must not be in the future, was " + when);
        }
        if (when.isBefore(current.statusSince())) {
            throw ProblemException.invalidParameter("effective", "must not be before " + current.statusSince()
                    + ", when the current status '" + current.status() + "' took effect");
        }
        Project candidate = current.withStatus(status, current.statusSince(), current.suspendedFrom());
        return change(current, candidate, CHANNEL_API, new StatusNote(when, note)).project();
    }

    /** A feed row: registers a new ref, or changes the project that has it. */
    public Written upsertFromFeed(Project candidate) {
        return repository.findByRefForUpdate(candidate.ref())
                .map(current -> change(current, candidate, CHANNEL_FEED, null))
                .orElseGet(() -> register(candidate, CHANNEL_FEED));
    }

    /** The draft a PATCH merges into: what the project holds, with a defaulted location left to default again. */
    public ProjectDraft editable(Project p) {
        ProjectDraft d = ProjectDraft.of(p);
        boolean defaulted = regions.nearestPoint(p.destination())
                .map(pt -> pt[0] == p.location().lon() && pt[1] == p.location().lat()).orElse(false);
        return defaulted ? new ProjectDraft(d.ref(), d.nameEn(), d.nameZh(), d.kind(), d.sector(), d.chain(), d.origin(),
                d.destination(), d.organisations(), d.investment(), d.jobs(), d.areaKm2(), null, d.metrics(), d.signed(),
                d.constructionStart(), d.operational(), d.status(), d.sources()) : d;
    }

    /** Where a project in this status may go next, for clients and error messages. */
    public static Set<String> allowedNext(Project p) {
        return Lifecycle.next(p.status(), p.suspendedFrom());
    }

    private Project valid(ProjectDraft draft) {
        ProjectRules.Outcome outcome = rules.check(draft);
        if (!outcome.valid()) {
            throw ProblemException.badRequest(describe(outcome.errors()), outcome.errors());
        }
        return outcome.project();
    }

    private Written register(Project candidate, String channel) {
        LocalDate since = candidate.signed() != null && candidate.signed().isBefore(today.date()) ? candidate.signed() : today.date();
        Project p = repository.insert(candidate.withIdentity(repository.nextId(), since, null, 1));
        repository.addVersion(p.id(), "registered", channel, since, null, ProjectDiff.between(null, p), now());
        events.publishAll(List.of(ProjectEvents.registered(p)));
        return new Written(p, Outcome.INSERTED, 1);
    }

    private record StatusNote(LocalDate effective, String note) {
    }

    private Written change(Project current, Project candidate, String channel, StatusNote statusNote) {
        boolean statusChanges = !candidate.status().equals(current.status());
        String suspendedFrom = current.suspendedFrom();
        LocalDate since = current.statusSince();
        LocalDate effective = statusNote == null ? today.date() : statusNote.effective();
        if (statusChanges) {
            if (!Lifecycle.allows(current.status(), current.suspendedFrom(), candidate.status())) {
                throw lifecycleConflict(current, candidate.status());
            }
            suspendedFrom = candidate.status().equals(Lifecycle.SUSPENDED) ? current.status() : null;
            since = effective;
        }
        Project next = candidate.withIdentity(current.id(), since, suspendedFrom, current.version() + 1);
        Map<String, Object> changes = ProjectDiff.between(current, next);
        if (changes.isEmpty()) {
            return new Written(current, Outcome.UNCHANGED, 0);
        }
        Project written = repository.update(next);
        boolean attributesChange = changes.keySet().stream().anyMatch(f -> !STATUS_FIELDS.contains(f));
        String note = statusNote == null ? null : statusNote.note();
        repository.addVersion(next.id(), statusChanges ? "status-changed" : "updated", channel, effective, note, changes,
                now());
        if (statusChanges && effective.isBefore(today.date())) {
            repository.carryStatusForward(next.id(), effective, next.status(), since, suspendedFrom);
        }
        List<EventPublisher.Draft> drafts = new ArrayList<>();
        if (attributesChange) {
            drafts.add(ProjectEvents.updated(written));
        }
        if (statusChanges) {
            drafts.add(ProjectEvents.statusChanged(written, current.status(), effective, note));
        }
        events.publishAll(drafts);
        return new Written(written, Outcome.UPDATED, drafts.size());
    }

    public static ProblemException lifecycleConflict(Project current, String wanted) {
        Set<String> allowed = allowedNext(current);
        String detail = "Project " + (current.id() == null ? current.ref() : current.id()) + " cannot go from '"
                + current.status() + "' to '" + wanted + "'; allowed next: "
                + (allowed.isEmpty() ? "none ('" + current.status() + "' is final)" : String.join(", ", allowed));
        return ProblemException.conflict(detail).with("currentStatus", current.status()).with("allowed", List.copyOf(allowed));
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(today.clock());
    }
}
