package io.jjj.indicators.feed;

import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.feeds.FeedKind;
import io.jjj.platform.regions.Regions;
import io.jjj.platform.regions.RegionsFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** The regions feed is the platform's, as the region reference is; this service, which serves the regions, takes it. */
@ApplicationScoped
class RegionsFeedKind {

    @Produces
    @Dependent
    @FeedKind("regions")
    RegionsFeed regionsFeed(Regions regions, EventPublisher events) {
        return new RegionsFeed(regions, events);
    }
}
