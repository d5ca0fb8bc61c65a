package io.jjj.platform.regions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * An administrative division (GB/T 2260 code), valid from {@code validFrom} (inclusive; null when it predates the
 * code lists) until {@code validTo} (exclusive; null while in force). {@code parent} is its parent in GB/T 2260;
 * {@code administeredBy} a unit that administers it while the code lists keep that parent (Xiong'an over three
 * counties of Baoding). The point is set only where a named source ({@code pointSource}) gives one.
 */
@Schema(name = "Region")
public record Region(
        @Schema(example = "130638") String code,
        @Schema(example = "Xiong County") String nameEn,
        @Schema(example = "雄县") String nameZh,
        @Schema(example = "county", enumeration = {"province", "prefecture", "county"}) String level,
        @Schema(example = "130600") String parent,
        @Schema(example = "133100") String administeredBy,
        @Schema(example = "2009-12-31") LocalDate validFrom,
        @Schema(example = "2010-10-31") LocalDate validTo,
        @Schema(example = "115.465") Double lon,
        @Schema(example = "38.874") Double lat,
        @Schema(example = "DATASET") String pointSource,
        @Schema(example = "pinyin-pro") String nameEnSource,
        @Schema(example = "NBS2023") String source,
        @Schema(example = "2023-06-30") LocalDate sourceDate) {

    /** Whether the code is in force on {@code date}. */
    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
    }

    public boolean hasPoint() {
        return lon != null && lat != null;
    }
}
