package io.jjj.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A CloudEvents 1.0 event in structured JSON mode, as every service publishes and consumes them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CloudEvent")
public record CloudEvent(
        @Schema(example = "1.0") String specversion,
        UUID id,
        @Schema(example = "/jjj/projects") String source,
        @Schema(example = "jjj.projects.project.status-changed.v1") String type,
        @Schema(example = "P-000042") String subject,
        OffsetDateTime time,
        @Schema(example = "application/json") String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
}
