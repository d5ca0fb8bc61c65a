package io.jjj.indicators.domain;

import java.time.OffsetDateTime;

/** A catalogue entry. {@code derived} entries are maintained by this service from other services' events. */
public record Indicator(
        String code,
        String nameEn,
        String nameZh,
        Unit unit,
        Frequency frequency,
        String description,
        String source,
        boolean derived,
        int version,
        OffsetDateTime updatedAt) {

    public boolean additive() {
        return unit.additive();
    }

    /** The same definition, ignoring version and time: what decides whether a write changes anything. */
    public boolean sameDefinition(Indicator other) {
        return other != null && code.equals(other.code) && nameEn.equals(other.nameEn)
                && java.util.Objects.equals(nameZh, other.nameZh) && unit.equals(other.unit)
                && frequency == other.frequency && java.util.Objects.equals(description, other.description)
                && java.util.Objects.equals(source, other.source);
    }
}
