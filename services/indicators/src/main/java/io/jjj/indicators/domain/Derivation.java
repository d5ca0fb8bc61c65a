package io.jjj.indicators.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** How a value that was not stored as such was computed: the method, the arithmetic, and every input. */
@Schema(name = "ObservationDerivation", description = "How a computed value was computed")
public record Derivation(
        @Schema(example = "year-on-year growth rate in percent") String method,
        @Schema(example = "(14986.5 / 13592.4 - 1) × 100") String formula,
        List<Input> inputs) {

    /** One stored (or itself derived) value that went into the computation. */
    @Schema(name = "ObservationDerivationInput")
    public record Input(String indicator, String region, String period, BigDecimal value, String status) {
    }
}
