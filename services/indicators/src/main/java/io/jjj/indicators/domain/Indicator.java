package io.jjj.indicators.domain;

import java.time.OffsetDateTime;
import java.util.Objects;

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
        long version,
        OffsetDateTime updatedAt) {

    public boolean additive() {
        return unit.additive();
    }

    /** The same definition, ignoring version and time: what decides whether a write changes anything. */
    public boolean sameDefinition(Indicator other) {
        return other != null && code.equals(other.code) && nameEn.equals(other.nameEn)
                && Objects.equals(nameZh, other.nameZh) && unit.equals(other.unit)
                && frequency == other.frequency && Objects.equals(description, other.description)
                && Objects.equals(source, other.source);
    }
}
