package io.jjj.projects.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.jjj.projects.domain.Project;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** One project as read on its own: every attribute, plus the citation of each of its sources. */
@Schema(name = "ProjectWithSources", allOf = Project.class)
public record ProjectWithSources(
        @JsonUnwrapped @Schema(hidden = true) Project project,
        @Schema(description = "Citation of each source id in `sources` that the reference list knows",
                example = "{\"TANG2018\": \"Shaoqing Tang et al., The Industrial Coordination Mechanism Research …\"}")
        Map<String, String> citations) {
}
