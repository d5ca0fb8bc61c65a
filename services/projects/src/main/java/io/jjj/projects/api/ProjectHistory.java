package io.jjj.projects.api;

import io.jjj.projects.domain.ProjectRepository;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Every recorded change of one project, oldest first. */
@Schema(name = "ProjectHistory")
public record ProjectHistory(@Schema(example = "P-000002") String id, List<Entry> changes) {

    @Schema(name = "ProjectChange", description = "One recorded change")
    public record Entry(
            @Schema(description = "The project's version after the change", example = "2") long version,
            @Schema(enumeration = {"registered", "updated", "status-changed"}, example = "status-changed") String change,
            @Schema(description = "How it arrived", enumeration = {"api", "feed"}, example = "api") String channel,
            @Schema(description = "When it took effect; asOf reads use this date", example = "2016-05-01") LocalDate effective,
            @Schema(example = "2026-01-15T08:30:00Z") OffsetDateTime recordedAt,
            @Schema(example = "Groundbreaking ceremony held") String note,
            @Schema(description = "field → {from, to}", example = "{\"status\": {\"from\": \"signed\", \"to\": \"approved\"}}")
            Map<String, Object> fields) {
    }

    static ProjectHistory of(String id, List<ProjectRepository.Change> changes) {
        return new ProjectHistory(id, changes.stream().map(c -> new Entry(c.version(), c.change(), c.channel(),
                c.effective(), c.recordedAt(), c.note(), c.changes())).toList());
    }
}
