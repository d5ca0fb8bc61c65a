package io.jjj.indicators.api;

import io.jjj.platform.regions.RegionChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Response records of the regions endpoints. */
public final class RegionViews {

    private RegionViews() {
    }

    @Schema(name = "IndicatorsRegion", description = "An administrative division (GB/T 2260 code) with the dates it is valid and its sources")
    public record RegionView(
            @Schema(example = "130638") String code,
            @Schema(example = "Xiong County") String nameEn,
            @Schema(example = "雄县") String nameZh,
            @Schema(example = "county", enumeration = {"province", "prefecture", "county"}) String level,
            @Schema(description = "Parent in GB/T 2260", example = "130600") String parent,
            @Schema(description = "The unit administering it while GB/T 2260 keeps the parent", example = "133100") String administeredBy,
            @Schema(description = "First day in force; null when it predates the code lists (2002-12)", example = "2009-12-31") LocalDate validFrom,
            @Schema(description = "First day no longer in force; null while in force", example = "2010-10-31") LocalDate validTo,
            @Schema(description = "Null unless a named source gives a point", example = "115.465") Double lon,
            @Schema(example = "38.874") Double lat,
            @Schema(description = "Source id of the point", example = "DATASET") String pointSource,
            @Schema(description = "Source id of the English name", example = "pinyin-pro") String nameEnSource,
            @Schema(description = "Source id of the row (see /api/regions/changes for the citations)", example = "NBS2023") String source,
            @Schema(example = "2023-06-30") LocalDate sourceDate,
            @Schema(description = "Regions directly below this one in force on asOf, and those it administers", example = "[\"130684\"]") List<String> children,
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
            @Schema(description = "Mean of the members' points; null when none has one", example = "116.041") Double lon,
            @Schema(example = "39.010") Double lat) {
    }

    @Schema(name = "IndicatorsRegionDetail", description = "One region or region group: exactly one of region and group is set")
    public record RegionDetail(
            @Schema(example = "region", enumeration = {"region", "group"}) String kind,
            RegionView region,
            GroupView group,
            @Schema(description = "For a region, the regions above it: GB/T 2260 parents nearest first, then administering units", example = "[\"130000\"]") List<String> ancestors,
            @Schema(description = "For a region, the changes it took part in, oldest first") List<RegionChange> changes) {
    }

    @Schema(name = "IndicatorsRegionChanges", description = "Changes of the divisions and the sources they and the regions cite")
    public record ChangeList(List<RegionChange> changes, @Schema(description = "Citation by source id") java.util.Map<String, String> sources) {
    }
}
