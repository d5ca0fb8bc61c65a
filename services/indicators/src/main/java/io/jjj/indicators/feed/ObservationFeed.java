package io.jjj.indicators.feed;

import io.jjj.indicators.domain.Catalogue;
import io.jjj.indicators.domain.Frequency;
import io.jjj.indicators.domain.Indicator;
import io.jjj.indicators.domain.IndicatorRules;
import io.jjj.indicators.domain.ObservationInput;
import io.jjj.indicators.domain.ObservationStatus;
import io.jjj.indicators.domain.ObservationStore;
import io.jjj.indicators.domain.SeriesKey;
import io.jjj.indicators.domain.IndicatorEvents;
import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.feeds.FeedCounts;
import io.jjj.platform.feeds.FeedHandler;
import io.jjj.platform.feeds.FeedKind;
import io.jjj.platform.feeds.FeedRow;
import io.jjj.platform.feeds.Parsed;
import io.jjj.platform.input.TextLimits;
import io.jjj.platform.regions.Regions;
import io.jjj.platform.time.Today;
import jakarta.enterprise.context.Dependent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The observations feed ({@code indicator,region,period,value,status,source,published,note}). One instance per
 * feed: it validates against the catalogue and sources as they stood when the feed started, and remembers the
 * series ids it has seen. Each chunk is written in bulk; the changes are gathered over the whole feed and published at
 * its end, one event per series and kind of change, however many chunks the series spans.
 */
@Dependent
@FeedKind("observations")
public class ObservationFeed implements FeedHandler<ObservationInput> {

    private final Map<String, Indicator> indicators;
    private final Set<String> sources;
    private final Regions regions;
    private final ObservationStore store;
    private final EventPublisher events;
    private final LocalDate today;
    private final TextLimits limits;
    private final ObservationStore.WriteSession session = new ObservationStore.WriteSession();
    private final IndicatorEvents.Batch changes = new IndicatorEvents.Batch();

    public ObservationFeed(Catalogue catalogue, Regions regions, ObservationStore store, EventPublisher events,
                           IndicatorRules.Limits limits, Today today) {
        this.indicators = catalogue.indicators();
        this.sources = catalogue.sources().keySet();
        this.regions = regions;
        this.store = store;
        this.events = events;
        this.today = today.date();
        this.limits = limits.text();
    }

    @Override
    public String name() {
        return "observations";
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("indicator", "region", "period", "value");
    }

    @Override
    public Set<String> optionalColumns() {
        return Set.of("status", "source", "published", "note");
    }

    @Override
    public Parsed<ObservationInput> parse(FeedRow row) {
        Indicator indicator = row.required("indicator").map(code -> {
            Indicator i = indicators.get(code);
            if (i == null) {
                row.error("indicator", "unknown indicator '" + code + "'");
            }
            return i;
        }).orElse(null);
        String region = row.required("region").filter(code -> {
            if (!regions.isKnown(code)) {
                row.error("region", "unknown region or region group '" + code + "'");
                return false;
            }
            return true;
        }).orElse(null);
        LocalDate period = row.required("period").flatMap(label -> period(row, label, indicator)).orElse(null);
        if (region != null && period != null) {
            regions.notInForce(region, period).ifPresent(why -> row.error("region", why));
        }
        BigDecimal value = row.requiredDecimal("value").orElse(null);
        String status = row.text("status").orElse(ObservationStatus.PUBLISHED.value());
        if (ObservationStatus.parse(status).filter(ObservationStatus::acceptedFromFeeds).isEmpty()) {
            row.error("status", "must be one of " + ObservationStatus.feedValues() + ", was '" + status + "'");
        }
        String source = row.text("source").orElse(null);
        if (source != null && !sources.contains(source)) {
            row.error("source", "unknown source '" + source + "'; sources are listed at /api/indicators/sources");
        }
        LocalDate published = row.date("published").orElse(today);
        if (published.isAfter(today)) {
            row.error("published", "is in the future: " + published);
        }
        Optional<String> note = row.text("note");
        note.flatMap(limits::text).ifPresent(why -> row.error("note", why));
        if (!row.valid()) {
            return Parsed.refused();
        }
        return Parsed.valid(new ObservationInput(new SeriesKey(indicator.code(), region), indicator.frequency(), period,
                value, status.toLowerCase(java.util.Locale.ROOT), source, published, note.orElse(null)));
    }

    private static Optional<LocalDate> period(FeedRow row, String label, Indicator indicator) {
        Optional<Frequency> written = Frequency.ofLabel(label);
        if (written.isEmpty()) {
            row.error("period", "malformed period '" + label + "'; periods are YYYY, YYYYQn or YYYY-MM");
            return Optional.empty();
        }
        if (indicator != null && written.get() != indicator.frequency()) {
            row.error("period", "'" + label + "' is a " + written.get().value() + " period but " + indicator.code()
                    + " is " + indicator.frequency().value() + " (" + indicator.frequency().pattern + ")");
            return Optional.empty();
        }
        return Frequency.startOf(label);
    }

    @Override
    public void apply(List<ObservationInput> rows, FeedCounts counts) {
        // A chunk repeating an observation is written in rounds, so the later row is a revision of the earlier one.
        List<ObservationInput> pending = rows;
        while (!pending.isEmpty()) {
            Map<String, ObservationInput> round = new LinkedHashMap<>();
            List<ObservationInput> later = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ObservationInput in : pending) {
                String key = in.series().subject() + "|" + in.period();
                if (seen.add(key)) {
                    round.put(key, in);
                } else {
                    later.add(in);
                }
            }
            write(new ArrayList<>(round.values()), counts);
            pending = later;
        }
    }

    private void write(List<ObservationInput> rows, FeedCounts counts) {
        for (ObservationStore.Outcome o : store.write(rows, session)) {
            ObservationInput in = o.input();
            IndicatorEvents.PeriodChange change = new IndicatorEvents.PeriodChange(in.periodLabel(), in.value(),
                    o.previous(), in.status(), in.published());
            switch (o.kind()) {
                case INSERTED -> {
                    counts.inserted();
                    changes.upserted(in.series(), change);
                }
                case REVISED -> {
                    counts.updated();
                    changes.revised(in.series(), change);
                }
                case UNCHANGED -> counts.unchanged();
            }
        }
    }

    @Override
    public void finish(FeedCounts counts) {
        List<EventPublisher.Draft> drafts = changes.drafts();
        events.publishAll(drafts);
        counts.events(drafts.size());
    }
}
