package io.jjj.indicators.api;

import io.jjj.indicators.domain.Derivation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Response records of the observation endpoints. */
public final class ObservationViews {

    private ObservationViews() {
    }

    @Schema(name = "ObservationValue", description = "One observation, stored or computed; value is null (with a reason) when it cannot be computed")
    public record ObservationView(
            @Schema(example = "va.tertiary") String indicator,
            @Schema(example = "110000") String region,
            @Schema(example = "Beijing") String regionName,
            @Schema(description = "YYYY, YYYYQn or YYYY-MM; for cagr the range first/last", example = "2013") String period,
            @Schema(example = "14986.5") BigDecimal value,
            @Schema(description = "Unit of the value (after the transform)", example = "CNY 100 million") String unit,
            @Schema(description = "What one unit is worth in the base unit", example = "100000000") BigDecimal scale,
            @Schema(example = "published", enumeration = {"published", "provisional", "estimated", "revised", "forecast", "derived"}) String status,
            @Schema(description = "Source id; its citation is in the page's sources", example = "TANG2018") String source,
            @Schema(description = "When the source published this value (of the latest input, for computed values)", example = "2018-11-01") LocalDate published,
            @Schema(description = "When this service received it") OffsetDateTime received,
            String note,
            @Schema(description = "How a computed value was computed; null for stored values") Derivation derivation,
            @Schema(description = "Why the value is absent", example = "no value for 2008") String reason) {
    }

    @Schema(name = "ObservationPage", description = "One page of observations, sorted by indicator and region (as requested) and period")
    public record ObservationPage(List<ObservationView> items, @Schema(example = "0") int page, @Schema(example = "50") int size,
                                  @Schema(example = "15") long total,
                                  @Schema(description = "Citation of every source on this page, by source id",
                                          example = "{\"TANG2018\": \"Shaoqing Tang et al., …\"}") Map<String, String> sources) {
    }

    @Schema(name = "ObservationVintage", description = "One value an observation has had")
    public record VintageView(
            @Schema(example = "14986.5") BigDecimal value,
            @Schema(example = "published") String status,
            @Schema(example = "TANG2018") String source,
            String citation,
            @Schema(example = "2018-11-01") LocalDate published,
            OffsetDateTime received,
            String note) {
    }

    @Schema(name = "ObservationHistory", description = "Every vintage of one observation, latest publication first")
    public record HistoryView(@Schema(example = "va.tertiary") String indicator, @Schema(example = "110000") String region,
                              @Schema(example = "2013") String period, @Schema(example = "CNY 100 million") String unit,
                              List<VintageView> vintages) {
    }
}
