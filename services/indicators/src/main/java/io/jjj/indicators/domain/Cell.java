package io.jjj.indicators.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One period of a series as a query sees it: a stored value, a computed one (with its derivation), or an absent
 * one with the reason it could not be computed.
 */
public record Cell(
        LocalDate period,
        BigDecimal value,
        String status,
        String source,
        LocalDate published,
        OffsetDateTime received,
        String note,
        Derivation derivation,
        String reason) {

    public static Cell stored(Vintage v) {
        return new Cell(v.period(), v.value(), v.status(), v.source(), v.published(), v.received(), v.note(), null, null);
    }

    public static Cell absent(LocalDate period, String reason) {
        return new Cell(period, null, null, null, null, null, null, null, reason);
    }

    public boolean present() {
        return value != null;
    }
}
