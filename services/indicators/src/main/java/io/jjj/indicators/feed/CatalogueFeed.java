package io.jjj.indicators.feed;

import io.jjj.indicators.domain.Catalogue;
import io.jjj.indicators.domain.Indicator;
import io.jjj.indicators.domain.IndicatorRules;
import io.jjj.indicators.domain.IndicatorEvents;
import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.feeds.FeedCounts;
import io.jjj.platform.feeds.FeedHandler;
import io.jjj.platform.feeds.FeedKind;
import io.jjj.platform.feeds.FeedRow;
import io.jjj.platform.feeds.Parsed;
import jakarta.enterprise.context.Dependent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue feed, in the columns of {@code indicators.csv} ({@code code,name_en,name_zh,unit,frequency,
 * description}, optionally {@code source} and {@code additive}). One instance per feed: it knows the catalogue as
 * it stood when the feed started, and each entry the feed saved.
 */
@Dependent
@FeedKind("catalogue")
public class CatalogueFeed implements FeedHandler<Indicator> {

    private static final Map<String, String> COLUMNS = Map.of("code", "code", "nameEn", "name_en", "nameZh", "name_zh",
            "unit", "unit", "frequency", "frequency", "description", "description", "source", "source", "additive", "additive");

    private final Catalogue catalogue;
    private final EventPublisher events;
    private final Set<String> sources;
    private final Map<String, Indicator> known;
    private final IndicatorRules.Limits limits;

    public CatalogueFeed(Catalogue catalogue, EventPublisher events, IndicatorRules.Limits limits) {
        this.catalogue = catalogue;
        this.events = events;
        this.limits = limits;
        this.sources = catalogue.sources().keySet();
        this.known = new HashMap<>(catalogue.indicators());
    }

    @Override
    public String name() {
        return "indicators";
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("code", "name_en", "unit", "frequency");
    }

    @Override
    public Set<String> optionalColumns() {
        return Set.of("name_zh", "description", "source", "additive");
    }

    @Override
    public Parsed<Indicator> parse(FeedRow row) {
        IndicatorRules.Draft draft = new IndicatorRules.Draft(row.text("code").orElse(null), row.text("name_en").orElse(null),
                row.text("name_zh").orElse(null), row.text("unit").orElse(null), row.text("frequency").orElse(null),
                row.text("description").orElse(null), row.text("source").orElse(null), row.text("additive").orElse(null));
        Optional<Indicator> valid = IndicatorRules.validate(draft, sources, COLUMNS, limits, row::error);
        if (valid.isEmpty()) {
            return Parsed.refused();
        }
        Indicator proposed = valid.get();
        Indicator existing = known.get(proposed.code());
        if (existing != null && existing.frequency() != proposed.frequency() && catalogue.hasData(existing.code())) {
            row.error("frequency", proposed.code() + " has " + existing.frequency().value() + " observations; its frequency cannot change");
            return Parsed.refused();
        }
        if (existing != null && proposed.source() == null) {
            proposed = withSource(proposed, existing.source());
        }
        return Parsed.valid(proposed);
    }

    private static Indicator withSource(Indicator i, String source) {
        return new Indicator(i.code(), i.nameEn(), i.nameZh(), i.unit(), i.frequency(), i.description(), source,
                i.derived(), i.version(), i.updatedAt());
    }

    @Override
    public void apply(List<Indicator> rows, FeedCounts counts) {
        for (Indicator proposed : rows) {
            Indicator existing = known.get(proposed.code());
            if (existing != null && existing.sameDefinition(proposed)) {
                counts.unchanged();
                continue;
            }
            Indicator saved = catalogue.save(proposed);
            known.put(saved.code(), saved);
            if (existing == null) {
                counts.inserted();
            } else {
                counts.updated();
            }
            events.publishAll(List.of(IndicatorEvents.indicatorChanged(saved)));
            counts.events(1);
        }
    }
}
