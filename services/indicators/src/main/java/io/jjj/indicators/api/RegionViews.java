package io.jjj.indicators.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Response records of the regions endpoints. */
public final class RegionViews {

    private RegionViews() {
    }

    @Schema(name = "IndicatorsRegion", description = "An administrative division (GB/T 2260 code)")
    public record RegionView(
            @Schema(example = "130600") String code,
            @Schema(example = "Baoding") String nameEn,
            @Schema(example = "保定市") String nameZh,
            @Schema(example = "prefecture", enumeration = {"province", "prefecture", "county"}) String level,
            @Schema(example = "130000") String parent,
            @Schema(example = "115.465") double lon,
            @Schema(example = "38.874") double lat,
            @Schema(description = "Regions directly below this one", example = "[\"130684\"]") List<String> children,
            @Schema(description = "Region groups this region is a member of", example = "[\"JJJ\"]") List<String> groups) {
    }

    @Schema(name = "IndicatorsRegionGroupMember", description = "A member of a region group")
    public record MemberView(@Schema(example = "110000") String code, @Schema(example = "Beijing") String nameEn,
                             @Schema(example = "北京市") String nameZh) {
    }

    @Schema(name = "IndicatorsRegionGroup", description = "A named group of regions; additive indicators sum over its members")
    public record GroupView(
            @Schema(example = "JJJ") String code,
            @Schema(example = "Beijing-Tianjin-Hebei") String nameEn,
            @Schema(example = "the whole city cluster") String note,
            List<MemberView> members,
            @Schema(description = "Mean of the members' points", example = "116.041") double lon,
            @Schema(example = "39.010") double lat) {
    }

    @Schema(name = "IndicatorsRegionList", description = "Every region and region group")
    public record RegionList(List<RegionView> regions, List<GroupView> groups) {
    }

    @Schema(name = "IndicatorsRegionDetail", description = "One region or region group: exactly one of region and group is set")
    public record RegionDetail(
            @Schema(example = "region", enumeration = {"region", "group"}) String kind,
            RegionView region,
            GroupView group,
            @Schema(description = "For a region, the regions above it, nearest first", example = "[\"130000\"]") List<String> ancestors) {
    }
}
