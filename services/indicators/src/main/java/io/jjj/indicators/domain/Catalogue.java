package io.jjj.indicators.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The indicator catalogue and the sources it cites, through their entities; writes join the caller's transaction. */
@ApplicationScoped
public class Catalogue {

    private final ObservationStore observations;

    public Catalogue(ObservationStore observations) {
        this.observations = observations;
    }

    public Map<String, Indicator> indicators() {
        Map<String, Indicator> out = new LinkedHashMap<>();
        IndicatorEntity.<IndicatorEntity>listAll(Sort.by("code")).forEach(e -> out.put(e.code, e.toIndicator()));
        return out;
    }

    public Optional<Indicator> indicator(String code) {
        return IndicatorEntity.<IndicatorEntity>findByIdOptional(code).map(IndicatorEntity::toIndicator);
    }

    /** Defines a new entry at version 1 or changes an existing one, raising its version; returns the stored entry. */
    public Indicator save(Indicator i) {
        IndicatorEntity entity = IndicatorEntity.findById(i.code());
        if (entity == null) {
            entity = IndicatorEntity.of(i);
            entity.persist();
        } else {
            entity.define(i);
        }
        IndicatorEntity.flush();
        return entity.toIndicator();
    }

    /** Whether any observation or derived value exists for the indicator. */
    public boolean hasData(String code) {
        return observations.hasData(code);
    }

    /** Every source's citation, by id. */
    public Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        SourceEntity.<SourceEntity>listAll(Sort.by("id")).forEach(e -> out.put(e.id, e.citation));
        return out;
    }

    /** Every source, sorted by id. */
    public List<Source> listSources() {
        return SourceEntity.<SourceEntity>listAll(Sort.by("id")).stream().map(SourceEntity::toSource).toList();
    }

    public Optional<Source> source(String id) {
        return SourceEntity.<SourceEntity>findByIdOptional(id).map(SourceEntity::toSource);
    }

    /** Defines a new source at version 1 or changes the citation of an existing one, raising its version. */
    public Source saveSource(String id, String citation) {
        SourceEntity entity = SourceEntity.findById(id);
        if (entity == null) {
            entity = new SourceEntity();
            entity.id = id;
            entity.citation = citation;
            entity.persist();
        } else {
            entity.citation = citation;
        }
        SourceEntity.flush();
        return entity.toSource();
    }
}
