package io.jjj.transport.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Answers of the accessibility and statistics queries. */
final class AnalysisViews {

    private AnalysisViews() {
    }

    @Schema(name = "TransportAccessibilityRegion")
    record RegionAccess(
            @Schema(example = "130900") String region,
            @Schema(example = "Cangzhou") String nameEn,
            @Schema(example = "prefecture") String level,
            @Schema(description = "Stations lying in the region", example = "1") int stations,
            @Schema(description = "Fastest minutes from one of its stations to any station of the target; null when unreachable",
                    example = "59") Double minutes,
            @Schema(description = "The station that time starts from", example = "CZW") String station,
            @Schema(description = "The same on compareTo (when asked)", example = "null") Double minutesCompare,
            @Schema(description = "minutes - minutesCompare; null unless both are known", example = "null") Double change) {
    }

    @Schema(name = "TransportAccessibilityNode")
    record NodeAccess(
            @Schema(example = "CZW") String id,
            @Schema(example = "Cangzhou West") String nameEn,
            @Schema(example = "130900") String region,
            @Schema(description = "Fastest minutes to any station of the target; null when unreachable", example = "59") Double minutes) {
    }

    @Schema(name = "TransportAccessibility", description = "Minutes from every region with stations, and from every station, "
            + "to a target region")
    record AccessibilityView(
            @Schema(example = "110000") String to,
            @Schema(example = "2024-01-01") LocalDate asOf,
            @Schema(example = "2010-01-01") LocalDate compareTo,
            @Schema(example = "[\"hsr\",\"metro\"]") List<String> modes,
            @Schema(description = "Stations of the target region the searches start from", example = "[\"BJS\",\"BJW\"]")
            List<String> targetStations,
            List<RegionAccess> regions,
            @Schema(description = "Every station with its own time, fastest first") List<NodeAccess> nodes) {
    }

    @Schema(name = "TransportStatsGroup")
    record StatsGroup(
            @Schema(description = "Region code, mode, or mode/line", example = "130000") String key,
            @Schema(example = "Hebei") String name,
            @Schema(example = "1042.5") double lengthKm,
            @Schema(example = "12") int stations) {
    }

    @Schema(name = "TransportStats", description = "Length and stations of the network open on a day")
    record StatsView(
            @Schema(example = "2024-12-31") LocalDate asOf,
            @Schema(example = "region", enumeration = {"region", "mode", "line"}) String groupBy,
            @Schema(example = "[\"hsr\"]") List<String> modes,
            @Schema(example = "2069") double lengthKm,
            @Schema(example = "23") int stations,
            List<StatsGroup> groups) {
    }

    @Schema(name = "TransportStatsYear")
    record YearValue(
            @Schema(example = "2011") int year,
            @Schema(example = "2011-12-31") LocalDate asOf,
            @Schema(example = "378") double lengthKm,
            @Schema(example = "7") int stations) {
    }

    @Schema(name = "TransportStatsSeries", description = "Length and stations at the end of each year")
    record SeriesView(
            @Schema(example = "JJJ") String region,
            @Schema(example = "[\"hsr\"]") List<String> modes,
            List<YearValue> years) {
    }
}
