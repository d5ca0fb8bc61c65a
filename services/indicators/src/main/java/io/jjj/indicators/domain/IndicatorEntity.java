package io.jjj.indicators.domain;

import io.jjj.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the catalogue. Only the domain sees it; everything else speaks {@link Indicator}. */
@Entity
@Table(name = "indicator")
public class IndicatorEntity extends VersionedEntity {

    @Id
    public String code;
    @Column(name = "name_en", nullable = false)
    public String nameEn;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(nullable = false)
    public String unit;
    @Column(nullable = false)
    public String frequency;
    public String description;
    public String source;
    @Column(nullable = false)
    public boolean additive;
    /** Set by migrations only: the derived entries are maintained from other services' events. */
    @Column(nullable = false, updatable = false, insertable = false)
    public boolean derived;

    static IndicatorEntity of(Indicator i) {
        IndicatorEntity e = new IndicatorEntity();
        e.code = i.code();
        e.define(i);
        return e;
    }

    /** Takes the definition of {@code i}; version and time follow from the write. */
    void define(Indicator i) {
        nameEn = i.nameEn();
        nameZh = i.nameZh();
        unit = i.unit().label();
        frequency = i.frequency().value();
        description = i.description();
        source = i.source();
        additive = i.additive();
    }

    Indicator toIndicator() {
        return new Indicator(code, nameEn, nameZh, Unit.parse(unit).withAdditive(additive),
                Frequency.parse(frequency).orElseThrow(), description, source, derived, version, updatedAt);
    }
}
