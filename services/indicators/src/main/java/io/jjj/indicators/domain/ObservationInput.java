package io.jjj.indicators.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A validated observation as a feed delivers it. */
public record ObservationInput(
        SeriesKey series,
        Frequency frequency,
        LocalDate period,
        BigDecimal value,
        String status,
        String source,
        LocalDate published,
        String note) {

    public String periodLabel() {
        return frequency.label(period);
    }
}
