package io.jjj.transport.domain;

import io.jjj.platform.events.EventPublisher;

/** The events this service publishes on {@code jjj.transport.v1}, with the data documented in docs/events.md. */
public final class TransportEvents {

    public static final String LINK_OPENED = "jjj.transport.link.opened.v1";
    public static final String LINK_CHANGED = "jjj.transport.link.changed.v1";
    public static final String LINK_CLOSED = "jjj.transport.link.closed.v1";
    public static final String NODE_CHANGED = "jjj.transport.node.changed.v1";

    /** Link data: the full state plus the region of each end, so consumers never call back. */
    public record LinkData(String id, String from, String to, String fromRegion, String toRegion, String mode, String line,
                           Number distanceKm, Number minutes, String opened, String closed, boolean bidirectional) {
    }

    public record NodeData(String id, String nameEn, String kind, String region, double lon, double lat) {
    }

    private TransportEvents() {
    }

    public static EventPublisher.Draft link(String type, Link l, String fromRegion, String toRegion) {
        return new EventPublisher.Draft(type, l.id(), new LinkData(l.id(), l.from(), l.to(), fromRegion, toRegion, l.mode(),
                l.line(), Decimals.json(l.distanceKm()), Decimals.json(l.minutes()), l.opened().toString(),
                l.closed() == null ? null : l.closed().toString(), l.bidirectional()));
    }

    public static EventPublisher.Draft node(Node n) {
        return new EventPublisher.Draft(NODE_CHANGED, n.id(), new NodeData(n.id(), n.nameEn(), n.kind(), n.region(), n.lon(), n.lat()));
    }

    /** What a change to a link means: a new link opened, a link got a closing date, or anything else changed. */
    public static String linkChangeType(Link before, Link after) {
        if (before == null) {
            return LINK_OPENED;
        }
        return before.closed() == null && after.closed() != null ? LINK_CLOSED : LINK_CHANGED;
    }
}
