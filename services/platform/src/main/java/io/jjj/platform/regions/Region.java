package io.jjj.platform.regions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An administrative division (GB/T 2260 code) with an approximate point for maps. */
@Schema(name = "Region")
public record Region(
        @Schema(example = "130600") String code,
        @Schema(example = "Baoding") String nameEn,
        @Schema(example = "保定市") String nameZh,
        @Schema(example = "prefecture", enumeration = {"province", "prefecture", "county"}) String level,
        @Schema(example = "130000") String parent,
        @Schema(example = "115.465") double lon,
        @Schema(example = "38.874") double lat) {
}
