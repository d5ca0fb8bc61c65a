package io.jjj.indicators.domain;

import io.jjj.indicators.events.IndicatorEvents;
import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Defining and changing catalogue entries and sources, one at a time. */
@ApplicationScoped
public class CatalogueService {

    /** JSON property names of the indicator body, for error messages. */
    public static final Map<String, String> BODY_FIELDS = Map.of("code", "code", "nameEn", "nameEn", "nameZh", "nameZh",
            "unit", "unit", "frequency", "frequency", "description", "description", "source", "source", "additive", "additive");

    /** The result of a PUT: the entry and whether it was created. */
    public record Saved(Indicator indicator, boolean created) {
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
     * Defines or changes an indicator. Changing an existing one needs the version the client read
     * ({@code expectedVersion}, from {@code If-Match}); a definition that changes nothing is answered as it stands.
     */
    @Transactional
    public Saved define(IndicatorRules.Draft draft, Integer expectedVersion, boolean ifMatchGiven) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Indicator> valid = IndicatorRules.validate(draft, catalogue.sources().keySet(), BODY_FIELDS, limits,
                (field, message) -> errors.add(FieldError.field(field, message)));
        if (valid.isEmpty()) {
            throw ProblemException.badRequest("The indicator definition is invalid", errors);
        }
        Optional<Indicator> existing = catalogue.indicator(draft.code());
        if (existing.isPresent()) {
            if (!ifMatchGiven) {
                throw ProblemException.preconditionRequired("Changing indicator " + draft.code()
                        + " needs If-Match with the ETag from GET /api/indicators/" + draft.code());
            }
            if (expectedVersion == null || expectedVersion != existing.get().version()) {
                throw ProblemException.preconditionFailed("Indicator " + draft.code() + " changed since that ETag was read");
            }
            checkFrequencyChange(existing.get(), valid.get());
            if (existing.get().sameDefinition(valid.get())) {
                return new Saved(existing.get(), false);
            }
        } else if (ifMatchGiven) {
            throw ProblemException.preconditionFailed("Indicator " + draft.code() + " does not exist, so If-Match cannot match");
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


    /** Defines or changes a source; true when it is new. */
    @Transactional
    public boolean defineSource(String id, String citation) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw ProblemException.invalidParameter("id", "letters, digits, '.', '_' or '-', at most 64, was '" + id + "'");
        }
        if (citation == null || citation.isBlank()) {
            throw ProblemException.badRequest("citation: required", FieldError.field("citation", "required"));
        }
        return catalogue.saveSource(id, citation.trim());
    }
}
