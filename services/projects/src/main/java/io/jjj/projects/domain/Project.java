package io.jjj.projects.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A project as the registry holds it (now, or as it stood on an {@code asOf} date). */
@Schema(name = "Project", description = "A relocation or cooperation project")
public record Project(
        @Schema(description = "Assigned by the registry, stable", example = "P-000002") String id,
        @Schema(description = "The publisher's own identifier, unique; feeds upsert by it", example = "baodi-zgc-science-town") String ref,
        @Schema(example = "Baodi Beijing-Tianjin Zhongguancun Science Town") String nameEn,
        @Schema(example = "宝坻京津中关村科技城") String nameZh,
        @Schema(example = "science-park") String kind,
        @Schema(example = "high-tech") String sector,
        @Schema(description = "Industrial chain", example = "biomedicine") String chain,
        @Schema(description = "Region or group code the function comes from", example = "110108") String origin,
        @Schema(description = "Region or group code it goes to", example = "120115") String destination,
        @Schema(description = "Participating organisations", example = "[\"Zhongguancun Development Group\"]") List<String> organisations,
        ProjectInvestment investment,
        @Schema(description = "Investment in CNY 100 million (亿元), converted with the fixed table when not in CNY", example = "176") BigDecimal investmentCny100m,
        @Schema(example = "10000") Long jobs,
        @Schema(example = "14.5") BigDecimal areaKm2,
        ProjectLocation location,
        @Schema(description = "Free metrics: key → number (or an ISO date/month text where the source gives one)",
                example = "{\"business_entities\": 1500}") Map<String, Object> metrics,
        @Schema(description = "Date signed; a year alone is stored as 1 January", example = "2013-01-01") LocalDate signed,
        @Schema(example = "2013") Integer signedYear,
        @Schema(example = "2014-03-01") LocalDate constructionStart,
        @Schema(example = "2016-05-01") LocalDate operational,
        @Schema(example = "operational") String status,
        @Schema(description = "When the current status took effect", example = "2016-05-01") LocalDate statusSince,
        @Schema(description = "While suspended: the status a resumption returns to", example = "approved") String suspendedFrom,
        @Schema(example = "[\"BR2024\"]") List<String> sources,
        @Schema(description = "Increases with every change; the ETag carries it", example = "3") long version) {

    @Schema(name = "ProjectInvestment", description = "Investment in 100 million units (亿) of the currency")
    public record ProjectInvestment(
            @Schema(example = "176") BigDecimal amount,
            @Schema(example = "CNY") String currency,
            @Schema(enumeration = {"pledged", "realised"}, example = "pledged") String basis) {
    }

    @Schema(name = "ProjectLocation", description = "WGS84 point; the destination region's point unless given")
    public record ProjectLocation(@Schema(example = "117.309") double lon, @Schema(example = "39.717") double lat) {
    }

    public Project withStatus(String newStatus, LocalDate since, String newSuspendedFrom) {
        return new Project(id, ref, nameEn, nameZh, kind, sector, chain, origin, destination, organisations, investment,
                investmentCny100m, jobs, areaKm2, location, metrics, signed, signedYear, constructionStart, operational,
                newStatus, since, newSuspendedFrom, sources, version);
    }

    public Project withIdentity(String newId, LocalDate since, String newSuspendedFrom, long newVersion) {
        return new Project(newId, ref, nameEn, nameZh, kind, sector, chain, origin, destination, organisations, investment,
                investmentCny100m, jobs, areaKm2, location, metrics, signed, signedYear, constructionStart, operational,
                status, since, newSuspendedFrom, sources, newVersion);
    }
}
