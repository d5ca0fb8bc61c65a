package io.jjj.transport.api;

import io.jjj.transport.domain.Decimals;
import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.Node;
import io.jjj.transport.domain.Versioned;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

/** The JSON shapes of nodes and links, read and written. */
final class NetworkViews {

    private NetworkViews() {
    }

    /** A stored node or link as answered: its view, with its version as the ETag. */
    static <T> Response answer(int status, Versioned<T> stored, Function<T, ?> view) {
        return Response.status(status).entity(view.apply(stored.value())).header(HttpHeaders.ETAG, stored.etag()).build();
    }

    @Schema(name = "TransportNode", description = "A station, airport, port or city")
    record NodeView(
            @Schema(example = "BJS") String id,
            @Schema(example = "Beijing South") String nameEn,
            @Schema(example = "北京南站") String nameZh,
            @Schema(example = "hsr-station", enumeration = {"hsr-station", "rail-station", "airport", "port", "city"}) String kind,
            @Schema(description = "GB/T 2260 code of the region it lies in", example = "110000") String region,
            @Schema(example = "116.379") double lon,
            @Schema(example = "39.865") double lat) {

        static NodeView of(Node n) {
            return new NodeView(n.id(), n.nameEn(), n.nameZh(), n.kind(), n.region(), n.lon(), n.lat());
        }
    }

    @Schema(name = "TransportNodeInput", description = "A node as written with PUT; the id is in the path")
    record NodeBody(
            @Schema(required = true, example = "Beijing South") String nameEn,
            @Schema(example = "北京南站") String nameZh,
            @Schema(required = true, example = "hsr-station") String kind,
            @Schema(required = true, example = "110000") String region,
            @Schema(required = true, example = "116.379") Double lon,
            @Schema(required = true, example = "39.865") Double lat) {

        Node toNode(String id) {
            return new Node(id, nameEn, nameZh, kind, region, lon == null ? Double.NaN : lon, lat == null ? Double.NaN : lat);
        }
    }

    @Schema(name = "TransportLink", description = "A link between two nodes, open from opened until the day before closed")
    record LinkView(
            @Schema(example = "BJS-TJ-hsr") String id,
            @Schema(example = "BJS") String from,
            @Schema(example = "TJ") String to,
            @Schema(example = "hsr", enumeration = {"hsr", "intercity", "rail", "expressway", "metro"}) String mode,
            @Schema(example = "Beijing-Tianjin intercity") String line,
            @Schema(example = "120") Number distanceKm,
            @Schema(example = "30") Number minutes,
            @Schema(example = "2008-08-01") LocalDate opened,
            @Schema(example = "null") LocalDate closed,
            @Schema(example = "true") boolean bidirectional,
            @Schema(example = "BR2023") String source) {

        static LinkView of(Link l) {
            return new LinkView(l.id(), l.from(), l.to(), l.mode(), l.line(), Decimals.json(l.distanceKm()),
                    Decimals.json(l.minutes()), l.opened(), l.closed(), l.bidirectional(), l.source());
        }
    }

    @Schema(name = "TransportLinkInput", description = "A link as written with PUT; the id is in the path")
    record LinkBody(
            @Schema(required = true, example = "BJS") String from,
            @Schema(required = true, example = "TJ") String to,
            @Schema(required = true, example = "hsr") String mode,
            @Schema(example = "Beijing-Tianjin intercity") String line,
            @Schema(required = true, example = "120") BigDecimal distanceKm,
            @Schema(required = true, example = "30") BigDecimal minutes,
            @Schema(required = true, example = "2008-08-01") LocalDate opened,
            @Schema(description = "The first day it is no longer open", example = "2030-01-01") LocalDate closed,
            @Schema(description = "Travelled both ways (default true)", example = "true") Boolean bidirectional,
            @Schema(example = "BR2023") String source) {

        Link toLink(String id) {
            return new Link(id, from, to, mode, line, distanceKm, minutes, opened, closed,
                    bidirectional == null || bidirectional, source);
        }
    }
}
