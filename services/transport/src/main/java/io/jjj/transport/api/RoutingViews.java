package io.jjj.transport.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Answers of the route, isochrone and matrix queries. */
final class RoutingViews {

    private RoutingViews() {
    }

    @Schema(name = "TransportNodeRef")
    record NodeRef(@Schema(example = "BJS") String id, @Schema(example = "Beijing South") String nameEn) {
    }

    @Schema(name = "TransportRouteLeg", description = "Consecutive links on one line")
    record Leg(
            @Schema(example = "Beijing-Shanghai HSR") String line,
            @Schema(example = "hsr") String mode,
            NodeRef from,
            NodeRef to,
            @Schema(example = "59") double minutes,
            @Schema(example = "230") double distanceKm,
            @Schema(description = "Node ids in travel order, both ends included", example = "[\"BJS\",\"LF\",\"TJS\",\"CZW\"]")
            List<String> stops) {
    }

    @Schema(name = "TransportRoute", description = "The fastest route on a date")
    record RouteView(
            NodeRef from,
            NodeRef to,
            @Schema(example = "2012-01-01") LocalDate asOf,
            @Schema(example = "[\"hsr\"]") List<String> modes,
            @Schema(description = "Total minutes: travel plus transfer penalties", example = "59") double minutes,
            @Schema(example = "230") double distanceKm,
            @Schema(description = "Changes of line", example = "0") int transfers,
            @Schema(description = "Penalty per change of line, in minutes", example = "0") double transferMinutes,
            List<Leg> legs) {
    }

    @Schema(name = "TransportIsochroneNode")
    record Reached(
            @Schema(example = "TJ") String id,
            @Schema(example = "Tianjin") String nameEn,
            @Schema(example = "120000") String region,
            @Schema(example = "117.21") double lon,
            @Schema(example = "39.136") double lat,
            @Schema(example = "30") double minutes,
            @Schema(description = "The smallest band the node falls in", example = "30") int band) {
    }

    @Schema(name = "TransportIsochrone", description = "Every node reachable within the budget, nearest first")
    record IsochroneView(
            NodeRef from,
            @Schema(example = "2024-01-01") LocalDate asOf,
            @Schema(example = "[\"hsr\",\"metro\"]") List<String> modes,
            @Schema(example = "60") int minutes,
            @Schema(example = "[30,60]") List<Integer> bands,
            List<Reached> nodes) {
    }

    @Schema(name = "TransportMatrix", description = "Minutes and kilometres between every origin and destination; "
            + "null where unreachable")
    record MatrixView(
            @Schema(example = "2024-01-01") LocalDate asOf,
            @Schema(example = "[\"hsr\"]") List<String> modes,
            @Schema(example = "[\"BJS\",\"TJ\"]") List<String> from,
            @Schema(example = "[\"SJZ\",\"CZW\"]") List<String> to,
            @Schema(description = "minutes[i][j]: from[i] to to[j]") List<List<Double>> minutes,
            @Schema(description = "distanceKm[i][j] along the fastest route") List<List<Double>> distanceKm) {
    }
}
