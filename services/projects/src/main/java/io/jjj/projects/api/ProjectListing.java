package io.jjj.projects.api;

import io.jjj.platform.formats.Formats;
import io.jjj.platform.formats.GeoJson;
import io.jjj.platform.paging.Page;
import io.jjj.projects.domain.Project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A page of projects as CSV or as a GeoJSON FeatureCollection (one Point feature per project). */
final class ProjectListing {

    static final List<String> CSV_COLUMNS = List.of("id", "ref", "name_en", "name_zh", "kind", "sector", "chain", "origin",
            "destination", "organisations", "status", "status_since", "signed", "signed_year", "construction_start",
            "operational", "investment_amount", "investment_currency", "investment_basis", "investment_cny_100m", "jobs",
            "area_km2", "lon", "lat", "metrics", "source");

    private ProjectListing() {
    }

    static String csv(List<Project> projects) {
        StringBuilder out = new StringBuilder(Formats.csvLine(CSV_COLUMNS));
        for (Project p : projects) {
            Project.ProjectInvestment inv = p.investment();
            List<Object> row = new ArrayList<>();
            row.add(p.id());
            row.add(p.ref());
            row.add(p.nameEn());
            row.add(p.nameZh());
            row.add(p.kind());
            row.add(p.sector());
            row.add(p.chain());
            row.add(p.origin());
            row.add(p.destination());
            row.add(String.join(";", p.organisations()));
            row.add(p.status());
            row.add(p.statusSince());
            row.add(p.signed());
            row.add(p.signedYear());
            row.add(p.constructionStart());
            row.add(p.operational());
            row.add(inv == null ? null : inv.amount());
            row.add(inv == null ? null : inv.currency());
            row.add(inv == null ? null : inv.basis());
            row.add(p.investmentCny100m());
            row.add(p.jobs());
            row.add(p.areaKm2());
            row.add(p.location().lon());
            row.add(p.location().lat());
            row.add(p.metrics().entrySet().stream()
                    .map(e -> e.getKey() + "=" + (e.getValue() instanceof BigDecimal d ? d.toPlainString() : e.getValue()))
                    .collect(Collectors.joining(";")));
            row.add(String.join(";", p.sources()));
            out.append(Formats.csvLine(row));
        }
        return out.toString();
    }

    static Map<String, Object> geoJson(Page<Project> page) {
        List<Object> features = new ArrayList<>();
        for (Project p : page.items()) {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", p.id());
            feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(p.location().lon(), p.location().lat())));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("ref", p.ref());
            properties.put("nameEn", p.nameEn());
            properties.put("nameZh", p.nameZh());
            properties.put("kind", p.kind());
            properties.put("sector", p.sector());
            properties.put("chain", p.chain());
            properties.put("origin", p.origin());
            properties.put("destination", p.destination());
            properties.put("status", p.status());
            properties.put("signed", p.signed());
            properties.put("operational", p.operational());
            properties.put("investmentCny100m", p.investmentCny100m());
            properties.put("jobs", p.jobs());
            feature.put("properties", properties);
            features.add(feature);
        }
        return GeoJson.page(features, page);
    }
}
