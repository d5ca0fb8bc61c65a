package io.jjj.platform.regions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A named group of regions, such as the whole cluster {@code JJJ}. */
@Schema(name = "RegionGroup")
public record RegionGroup(
        @Schema(example = "JJJ") String code,
        @Schema(example = "Beijing-Tianjin-Hebei") String nameEn,
        @Schema(example = "[\"110000\",\"120000\",\"130000\"]") List<String> members,
        @Schema(example = "the whole city cluster") String note) {
}
