package io.jjj.indicators.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One stored value of an observation: what the source said, when it published it, when it reached us. */
public record Vintage(
        LocalDate period,
        BigDecimal value,
        String status,
        String source,
        LocalDate published,
        OffsetDateTime received,
        String note) {

    /** Whether a new value says the same as this one (the dates aside). */
    public boolean sameContent(BigDecimal otherValue, String otherStatus, String otherSource, String otherNote) {
        return value.compareTo(otherValue) == 0 && status.equals(otherStatus)
                && Objects.equals(source, otherSource) && Objects.equals(note, otherNote);
    }
}
