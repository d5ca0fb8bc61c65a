package io.jjj.indicators.domain;

import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.http.ConditionalWrites;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Defining and changing catalogue entries and sources, one at a time, each in its own transaction. */
@ApplicationScoped
@Transactional
public class CatalogueService {

    /** JSON property names of the indicator body, for error messages. */
    public static final Map<String, String> BODY_FIELDS = Map.of("code", "code", "nameEn", "nameEn", "nameZh", "nameZh",
            "unit", "unit", "frequency", "frequency", "description", "description", "source", "source", "additive", "additive");
    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The result of a PUT of an indicator: the entry and whether it was created. */
    public record Saved(Indicator indicator, boolean created) {
    }

    /** The result of a PUT of a source: the source and whether it was created. */
    public record SavedSource(Source source, boolean created) {
    }

    private final Catalogue catalogue;
    private final EventPublisher events;
    private final IndicatorRules.Limits limits;

    public CatalogueService(Catalogue catalogue, EventPublisher events, IndicatorRules.Limits limits) {
        this.catalogue = catalogue;
        this.events = events;
        this.limits = limits;
    }

    /**
     * Defines or changes an indicator. Changing an existing one needs {@code If-Match} with the ETag the client read
     * ({@code If-None-Match: *} asks to define it only if it is new); a definition that changes nothing is answered as
     * it stands.
     */
    public Saved define(IndicatorRules.Draft draft, String ifMatch, String ifNoneMatch) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Indicator> valid = IndicatorRules.validate(draft, catalogue.sources().keySet(), BODY_FIELDS, limits,
                (field, message) -> errors.add(FieldError.field(field, message)));
        if (valid.isEmpty()) {
            throw ProblemException.badRequest("The indicator definition is invalid", errors);
        }
        Optional<Indicator> existing = catalogue.indicator(draft.code());
        ConditionalWrites.createOrReplace(ifMatch, ifNoneMatch, version(existing.map(Indicator::version)), "indicator " + draft.code());
        if (existing.isPresent()) {
            checkFrequencyChange(existing.get(), valid.get());
            if (existing.get().sameDefinition(valid.get())) {
                return new Saved(existing.get(), false);
            }
        }
        Indicator saved = catalogue.save(valid.get());
        events.publishAll(List.of(IndicatorEvents.indicatorChanged(saved)));
        return new Saved(saved, existing.isEmpty());
    }

    /** A frequency change would make every stored period label wrong, so it is refused once data exists. */
    void checkFrequencyChange(Indicator existing, Indicator proposed) {
        if (existing.frequency() != proposed.frequency() && catalogue.hasData(existing.code())) {
            throw ProblemException.conflict("Indicator " + existing.code() + " has observations at "
                    + existing.frequency().value() + " frequency; define a new indicator for " + proposed.frequency().value() + " data");
        }
    }

    /**
     * Defines a source, or changes its citation with {@code If-Match} ({@code If-None-Match: *} asks to define it only
     * if it is new); a citation that changes nothing is answered as it stands.
     */
    public SavedSource defineSource(String id, String citation, String ifMatch, String ifNoneMatch) {
        if (id == null || !SOURCE_ID.matcher(id).matches()) {
            throw ProblemException.invalidParameter("id", "letters, digits, '.', '_' or '-', at most 64, was '" + id + "'");
        }
        if (citation == null || citation.isBlank()) {
            throw ProblemException.badRequest("citation: required", FieldError.field("citation", "required"));
        }
        Optional<Source> existing = catalogue.source(id);
        ConditionalWrites.createOrReplace(ifMatch, ifNoneMatch, version(existing.map(Source::version)), "source " + id);
        if (existing.isPresent() && existing.get().citation().equals(citation.trim())) {
            return new SavedSource(existing.get(), false);
        }
        return new SavedSource(catalogue.saveSource(id, citation.trim()), existing.isEmpty());
    }

    private static OptionalLong version(Optional<Long> version) {
        return version.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }
}
