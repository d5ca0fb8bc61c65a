package io.jjj.indicators.feed;

import io.jjj.indicators.domain.Catalogue;
import io.jjj.indicators.domain.IndicatorRules;
import io.jjj.indicators.domain.ObservationStore;
import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.feeds.FeedMode;
import io.jjj.platform.feeds.FeedReport;
import io.jjj.platform.feeds.FeedService;
import io.jjj.platform.regions.Regions;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Runs this service's two feeds through the platform feed machinery, with a fresh handler per request. */
@ApplicationScoped
public class Feeds {

    private final FeedService feeds;
    private final Catalogue catalogue;
    private final ObservationStore store;
    private final EventPublisher events;
    private final Regions regions;
    private final IndicatorRules.Limits limits;

    public Feeds(FeedService feeds, Catalogue catalogue, ObservationStore store, EventPublisher events, Regions regions,
                 IndicatorRules.Limits limits) {
        this.feeds = feeds;
        this.catalogue = catalogue;
        this.store = store;
        this.events = events;
        this.regions = regions;
        this.limits = limits;
    }

    public FeedReport observations(InputStream body, String contentType, String mode, String idempotencyKey) {
        FeedService.FeedRequest request = new FeedService.FeedRequest(body, contentType, FeedMode.parse(mode), idempotencyKey);
        return feeds.ingest(new ObservationFeed(catalogue.indicators(), catalogue.sources().keySet(), regions, store, events,
                LocalDate.now(ZoneOffset.UTC), limits.text()), request);
    }

    public FeedReport catalogue(InputStream body, String contentType, String mode, String idempotencyKey) {
        FeedService.FeedRequest request = new FeedService.FeedRequest(body, contentType, FeedMode.parse(mode), idempotencyKey);
        return feeds.ingest(new CatalogueFeed(catalogue, events, limits), request);
    }
}
