package io.jjj.gateway.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One region seen from all services; a section whose service could not answer is marked missing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RegionProfile", description = "A region with its latest indicators, projects in and out, and accessibility; "
        + "sections whose service was unavailable have status `missing` and a reason, the rest is complete")
public record RegionProfile(
        RegionInfo region,
        @Schema(description = "The date the data is read as of; absent for today", example = "2024-12-31") String asOf,
        @Schema(description = "False when at least one section is missing") boolean complete,
        @Schema(description = "The sections that could not be filled, with why") List<MissingSection> missing,
        IndicatorsSection indicators,
        ProjectsSection projects,
        AccessibilitySection accessibility) {

    @Schema(name = "RegionProfileRegion", description = "The region from the reference list")
    public record RegionInfo(@Schema(example = "120000") String code, @Schema(example = "Tianjin") String nameEn,
                             @Schema(example = "天津市") String nameZh, @Schema(example = "province") String level,
                             @Schema(example = "null") String parent) {
    }

    @Schema(name = "RegionProfileMissingSection", description = "A section left out and why")
    public record MissingSection(@Schema(example = "projects") String section, @Schema(example = "projects") String service,
                                 @Schema(example = "The projects service is unavailable") String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegionProfileIndicators", description = "The latest value of each indicator for the region, as the indicators service returns them")
    public record IndicatorsSection(@Schema(example = "ok", enumeration = {"ok", "missing"}) String status, String reason,
                                    List<JsonNode> latest) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegionProfileProjects", description = "Projects whose destination (inbound) or origin (outbound) is the region")
    public record ProjectsSection(@Schema(example = "ok", enumeration = {"ok", "missing"}) String status, String reason,
                                  ProjectFlow inbound, ProjectFlow outbound) {
    }

    @Schema(name = "RegionProfileProjectFlow", description = "Counts, investment and the largest projects of one direction")
    public record ProjectFlow(@Schema(example = "12") long count,
                              @Schema(description = "Sum of investmentCny100m over the projects that give one (CNY 100 million)", example = "356.5")
                              BigDecimal investmentCny100m,
                              @Schema(description = "Whether every project was read to sum the investment (false beyond 1000 projects)")
                              boolean investmentComplete,
                              @Schema(description = "Up to five projects with the largest investment") List<JsonNode> largest) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegionProfileAccessibility", description = "Fastest travel time from a station in the region to Beijing, Tianjin and Xiong'an")
    public record AccessibilitySection(@Schema(example = "ok", enumeration = {"ok", "missing"}) String status, String reason,
                                       Map<String, Destination> minutesTo) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RegionProfileDestination", description = "Travel time to one destination")
    public record Destination(@Schema(example = "Beijing") String name,
                              @Schema(description = "Minutes; absent when no station of the region reaches it", example = "30") Integer minutes,
                              @Schema(description = "The station of the region it is reached from", example = "TJ") String fromNode,
                              String note) {
    }
}
