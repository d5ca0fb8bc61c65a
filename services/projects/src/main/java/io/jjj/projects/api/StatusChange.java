package io.jjj.projects.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lifecycle move as a client asks for it. */
@Schema(name = "ProjectStatusChange", description = "Move a project along its lifecycle")
public record StatusChange(
        @Schema(required = true, example = "under-construction") String status,
        @Schema(description = "When it took effect (YYYY-MM-DD, default today); not before the current status took effect",
                example = "2016-05-01") String effective,
        @Schema(example = "Groundbreaking ceremony held") String note) {
}
