package io.jjj.gateway.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The sum of an additive indicator over the regions reachable from a station within a time budget. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReachableInsight", description = "An additive indicator summed over the regions reachable from a station")
public record ReachableInsight(
        @Schema(example = "XA") String from,
        @Schema(example = "133100") String fromRegion,
        @Schema(example = "60") int minutes,
        @Schema(example = "va.tertiary") String indicator,
        @Schema(example = "CNY 100 million") String unit,
        @Schema(description = "The period asked for; absent means each region's latest", example = "2013") String period,
        @Schema(example = "2024-12-31") String asOf,
        @Schema(description = "Sum of the values of the counted regions", example = "14986.5") BigDecimal total,
        @Schema(description = "True when every reachable region had a value") boolean complete,
        @Schema(description = "Regions counted, each with the station and minutes it is reached by") List<CountedRegion> regions,
        @Schema(description = "Reachable regions without a value for the indicator, not in the total") List<UncountedRegion> withoutValue,
        @Schema(description = "How the number was computed") String method) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReachableRegion", description = "A reachable region counted in the total")
    public record CountedRegion(@Schema(example = "110000") String code, @Schema(example = "Beijing") String name,
                                @Schema(example = "PKX") String reachedVia, @Schema(example = "20") int minutes,
                                @Schema(example = "14986.5") BigDecimal value, @Schema(example = "2013") String period,
                                @Schema(description = "Reachable regions inside this one, not counted again") List<String> covers) {
    }

    @Schema(name = "ReachableRegionWithoutValue", description = "A reachable region left out of the total")
    public record UncountedRegion(@Schema(example = "130600") String code, @Schema(example = "Baoding") String name,
                                  @Schema(example = "no value for va.tertiary in 2013") String reason) {
    }
}
