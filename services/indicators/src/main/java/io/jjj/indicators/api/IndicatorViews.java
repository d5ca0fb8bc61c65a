package io.jjj.indicators.api;

import io.jjj.indicators.domain.Indicator;
import io.jjj.indicators.domain.Source;
import io.jjj.platform.paging.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response records of the catalogue endpoints. */
public final class IndicatorViews {

    private IndicatorViews() {
    }

    @Schema(name = "IndicatorDefinition", description = "A catalogue entry")
    public record IndicatorView(
            @Schema(example = "va.tertiary") String code,
            @Schema(example = "Value added of the tertiary industry") String nameEn,
            @Schema(example = "第三产业增加值") String nameZh,
            @Schema(description = "The unit as published", example = "CNY 100 million") String unit,
            @Schema(description = "The unit without its scale", example = "CNY") String unitBase,
            @Schema(description = "What one unit is worth in the base unit: CNY 100 million is 1e8 yuan", example = "100000000") BigDecimal scale,
            @Schema(description = "Whether values add up across regions (sums for region groups)", example = "true") boolean additive,
            @Schema(example = "annual", enumeration = {"annual", "quarterly", "monthly"}) String frequency,
            @Schema(example = "Services value added at current prices") String description,
            @Schema(description = "Source id, see /api/indicators/sources", example = "TANG2018") String source,
            @Schema(description = "Maintained by this service from project and transport events", example = "false") boolean derived,
            @Schema(description = "Raised by every change; the ETag", example = "1") long version,
            OffsetDateTime updatedAt) {

        static IndicatorView of(Indicator i) {
            return new IndicatorView(i.code(), i.nameEn(), i.nameZh(), i.unit().label(), i.unit().base(), i.unit().scale(),
                    i.additive(), i.frequency().value(), i.description(), i.source(), i.derived(), i.version(), i.updatedAt());
        }
    }

    @Schema(name = "IndicatorDefinitionBody", description = "A definition to create or replace; additive defaults from the unit")
    public record IndicatorBody(
            @Schema(required = true, example = "Value added of the tertiary industry") String nameEn,
            @Schema(example = "第三产业增加值") String nameZh,
            @Schema(required = true, example = "CNY 100 million") String unit,
            @Schema(required = true, example = "annual", enumeration = {"annual", "quarterly", "monthly"}) String frequency,
            @Schema(example = "Services value added at current prices") String description,
            @Schema(example = "TANG2018") String source,
            @Schema(description = "Overrides what the unit implies", example = "true") Boolean additive) {
    }

    @Schema(name = "IndicatorPage", description = "One page of the catalogue")
    public record IndicatorPage(List<IndicatorView> items, @Schema(example = "0") int page, @Schema(example = "50") int size,
                                @Schema(example = "20") long total) {

        static IndicatorPage of(Page<IndicatorView> p) {
            return new IndicatorPage(p.items(), p.page(), p.size(), p.total());
        }
    }

    @Schema(name = "IndicatorSource", description = "A publication observations cite")
    public record SourceView(@Schema(example = "TANG2018") String id,
                             @Schema(example = "Shaoqing Tang et al., … Acta Scientific Agriculture 2.11 (2018): 17-24") String citation,
                             @Schema(description = "Raised by every change; the ETag", example = "1") long version) {

        static SourceView of(Source s) {
            return new SourceView(s.id(), s.citation(), s.version());
        }
    }

    @Schema(name = "IndicatorSourceBody", description = "The citation of a source")
    public record SourceBody(@Schema(required = true, example = "Beijing Statistical Yearbook 2024, table 2-1") String citation) {
    }
}
