package io.jjj.projects.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What a client or a feed row states about a project, before validation. */
@Schema(name = "ProjectInput", description = "A project as written by a client (POST, PUT; PATCH takes any subset as a JSON merge patch)")
public record ProjectDraft(
        @Schema(required = true, example = "baodi-zgc-science-town") String ref,
        @Schema(required = true, example = "Baodi Beijing-Tianjin Zhongguancun Science Town") String nameEn,
        @Schema(example = "宝坻京津中关村科技城") String nameZh,
        @Schema(required = true, enumeration = {"relocation", "industrial-transfer", "market-relocation", "science-park",
                "public-service", "cooperation-zone", "infrastructure", "signing-batch"}, example = "science-park") String kind,
        @Schema(example = "high-tech") String sector,
        @Schema(example = "biomedicine") String chain,
        @Schema(description = "Required for relocation, industrial-transfer and market-relocation", example = "110108") String origin,
        @Schema(required = true, example = "120115") String destination,
        @Schema(example = "[\"Zhongguancun Development Group\"]") List<String> organisations,
        Project.ProjectInvestment investment,
        @Schema(example = "10000") Long jobs,
        @Schema(example = "14.5") BigDecimal areaKm2,
        Project.ProjectLocation location,
        @Schema(example = "{\"business_entities\": 1500}") Map<String, Object> metrics,
        @Schema(description = "YYYY or YYYY-MM-DD", example = "2013") String signed,
        @Schema(description = "YYYY or YYYY-MM-DD", example = "2014-03-01") String constructionStart,
        @Schema(description = "YYYY or YYYY-MM-DD", example = "2016") String operational,
        @Schema(description = "Initial status on create (default proposed; planned means proposed); on PUT/PATCH a change must follow the lifecycle",
                example = "signed") String status,
        @Schema(example = "[\"BR2024\"]") List<String> sources) {

    /** The draft that states exactly what the project holds, for PATCH to merge into. */
    public static ProjectDraft of(Project p) {
        return new ProjectDraft(p.ref(), p.nameEn(), p.nameZh(), p.kind(), p.sector(), p.chain(), p.origin(), p.destination(),
                p.organisations(), p.investment(), p.jobs(), p.areaKm2(), p.location(), p.metrics(),
                p.signed() == null ? null : p.signed().toString(),
                p.constructionStart() == null ? null : p.constructionStart().toString(),
                p.operational() == null ? null : p.operational().toString(), p.status(), p.sources());
    }
}
