package io.jjj.platform.regions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A change of the divisions on {@code date}: predecessors become successors. {@code merge} (the predecessors
 * wholly into one successor, which may be one of them), {@code recode} (one unit under a new code), {@code rename}
 * (same code, new name), {@code abolish} (no successor is named), {@code overlap} (the successor administers the
 * predecessors, which keep their code and parent).
 */
@Schema(name = "RegionChange")
public record RegionChange(
        @Schema(example = "C001") String id,
        @Schema(example = "2009-12-31") LocalDate date,
        @Schema(example = "merge", enumeration = {"merge", "recode", "rename", "abolish", "overlap"}) String kind,
        @Schema(example = "[\"120107\",\"120108\",\"120109\"]") List<String> predecessors,
        @Schema(example = "[\"120116\"]") List<String> successors,
        @Schema(description = "Source ids, separated by ';'", example = "MCA200912;MCA200812") String source,
        @Schema(example = "Tanggu, Hangu and Dagang became the Binhai New Area") String note) {

    public static final List<String> KINDS = List.of("merge", "recode", "rename", "abolish", "overlap");

    /**
     * Whether a value of an additive indicator for the successor equals the sum of its predecessors' before the
     * change: each predecessor went wholly into the one successor.
     */
    public boolean pureMerge() {
        return ("merge".equals(kind) || "recode".equals(kind)) && successors.size() == 1;
    }

    /** A predecessor that the change ended (an absorbing successor lives on). */
    public boolean ends(String code) {
        return predecessors.contains(code) && !successors.contains(code) && !"overlap".equals(kind);
    }
}
