package io.jjj.indicators.feed;

import io.jjj.indicators.domain.Catalogue;
import io.jjj.indicators.domain.IndicatorRules;
import io.jjj.indicators.domain.ObservationStore;
import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.feeds.FeedService;
import io.jjj.platform.regions.Regions;
import io.jjj.platform.time.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** Runs this service's two feeds through the platform feed machinery, with a fresh handler per request. */
@ApplicationScoped
public class Feeds {

    private final FeedService feeds;
    private final Catalogue catalogue;
    private final ObservationStore store;
    private final EventPublisher events;
    private final Regions regions;
    private final IndicatorRules.Limits limits;
    private final Today today;

    public Feeds(FeedService feeds, Catalogue catalogue, ObservationStore store, EventPublisher events, Regions regions,
                 IndicatorRules.Limits limits, Today today) {
        this.feeds = feeds;
        this.catalogue = catalogue;
        this.store = store;
        this.events = events;
        this.regions = regions;
        this.limits = limits;
        this.today = today;
    }

    public Response observations(FeedService.FeedRequest request) {
        return feeds.submit(new ObservationFeed(catalogue.indicators(), catalogue.sources().keySet(), regions, store, events,
                today.date(), limits.text()), request);
    }

    public Response catalogue(FeedService.FeedRequest request) {
        return feeds.submit(new CatalogueFeed(catalogue, events, limits), request);
    }
}
