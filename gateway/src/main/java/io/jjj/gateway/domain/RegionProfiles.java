package io.jjj.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Region;
import io.jjj.platform.regions.Regions;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a region's profile from the three services, fetched in parallel. */
@ApplicationScoped
public class RegionProfiles {

    static final Map<String, String> DESTINATIONS = Map.of("110000", "Beijing", "120000", "Tianjin", "133100", "Xiong'an");
    private static final List<String> DESTINATION_ORDER = List.of("110000", "120000", "133100");
    private static final int PROJECT_PAGE = 1000;
    private static final int LARGEST = 5;

    private final ServiceCalls calls;
    private final Regions regions;

    public RegionProfiles(ServiceCalls calls, Regions regions) {
        this.calls = calls;
        this.regions = regions;
    }

    public Future<RegionProfile> profile(String code, LocalDate asOf, String requestId) {
        Region region = regions.region(code).orElseThrow(() -> regions.isGroup(code)
                ? ProblemException.invalidParameter("code", "'" + code + "' is a region group; profiles are for regions")
                : ProblemException.notFound("No region " + code + " in the reference list"));
        String date = asOf == null ? null : asOf.toString();
        Future<ServiceCalls.Outcome> indicators = calls.get("indicators", "/api/indicators", ServiceCalls.query("size", 1000), requestId)
                .compose(catalogue -> {
                    if (!catalogue.ok()) {
                        return Future.succeededFuture(catalogue);
                    }
                    String codes = String.join(",", items(catalogue.body()).stream().map(i -> i.path("code").asText()).toList());
                    return calls.get("indicators", "/api/observations",
                            ServiceCalls.query("indicator", codes, "region", code, "latest", 1, "size", 1000, "asOf", date), requestId);
                });
        Future<ServiceCalls.Outcome> inbound = calls.get("projects", "/api/projects",
                ServiceCalls.query("destination", code, "size", PROJECT_PAGE, "asOf", date), requestId);
        Future<ServiceCalls.Outcome> outbound = calls.get("projects", "/api/projects",
                ServiceCalls.query("origin", code, "size", PROJECT_PAGE, "asOf", date), requestId);
        Map<String, Future<ServiceCalls.Outcome>> access = new LinkedHashMap<>();
        for (String to : DESTINATION_ORDER) {
            access.put(to, calls.get("transport", "/api/transport/accessibility", ServiceCalls.query("to", to, "asOf", date), requestId));
        }
        List<Future<?>> all = new ArrayList<>(List.of(indicators, inbound, outbound));
        all.addAll(access.values());
        return Future.join(all).transform(done -> Future.succeededFuture(assemble(region, date,
                indicators.result(), inbound.result(), outbound.result(), access)));
    }

    private RegionProfile assemble(Region region, String asOf, ServiceCalls.Outcome indicators, ServiceCalls.Outcome inbound,
                                   ServiceCalls.Outcome outbound, Map<String, Future<ServiceCalls.Outcome>> access) {
        List<RegionProfile.MissingSection> missing = new ArrayList<>();

        RegionProfile.IndicatorsSection indicatorSection;
        if (indicators.ok()) {
            indicatorSection = new RegionProfile.IndicatorsSection("ok", null, items(indicators.body()));
        } else {
            missing.add(new RegionProfile.MissingSection("indicators", "indicators", indicators.reason()));
            indicatorSection = new RegionProfile.IndicatorsSection("missing", indicators.reason(), null);
        }

        RegionProfile.ProjectsSection projectSection;
        ServiceCalls.Outcome projectFailure = !inbound.ok() ? inbound : !outbound.ok() ? outbound : null;
        if (projectFailure == null) {
            projectSection = new RegionProfile.ProjectsSection("ok", null, flow(inbound.body()), flow(outbound.body()));
        } else {
            missing.add(new RegionProfile.MissingSection("projects", "projects", projectFailure.reason()));
            projectSection = new RegionProfile.ProjectsSection("missing", projectFailure.reason(), null, null);
        }

        RegionProfile.AccessibilitySection accessSection;
        ServiceCalls.Outcome accessFailure = access.values().stream().map(Future::result).filter(o -> !o.ok()).findFirst().orElse(null);
        if (accessFailure == null) {
            Map<String, RegionProfile.Destination> minutes = new LinkedHashMap<>();
            access.forEach((to, outcome) -> minutes.put(to, destination(region.code(), to, outcome.result().body())));
            accessSection = new RegionProfile.AccessibilitySection("ok", null, minutes);
        } else {
            missing.add(new RegionProfile.MissingSection("accessibility", "transport", accessFailure.reason()));
            accessSection = new RegionProfile.AccessibilitySection("missing", accessFailure.reason(), null);
        }

        return new RegionProfile(new RegionProfile.RegionInfo(region.code(), region.nameEn(), region.nameZh(), region.level(), region.parent()),
                asOf, missing.isEmpty(), missing, indicatorSection, projectSection, accessSection);
    }

    private RegionProfile.ProjectFlow flow(JsonNode page) {
        List<JsonNode> projects = items(page);
        long total = page.path("total").isNumber() ? page.path("total").asLong() : projects.size();
        BigDecimal investment = BigDecimal.ZERO;
        for (JsonNode p : projects) {
            JsonNode amount = p.path("investmentCny100m");
            if (amount.isNumber()) {
                investment = investment.add(amount.decimalValue());
            }
        }
        List<JsonNode> largest = projects.stream()
                .filter(p -> p.path("investmentCny100m").isNumber())
                .sorted(Comparator.comparing((JsonNode p) -> p.path("investmentCny100m").decimalValue()).reversed())
                .limit(LARGEST)
                .toList();
        return new RegionProfile.ProjectFlow(total, investment, total <= projects.size(), largest);
    }

    /** The fastest station of the region to the destination, from the transport service's accessibility list. */
    private RegionProfile.Destination destination(String code, String to, JsonNode body) {
        String name = DESTINATIONS.get(to);
        if (regions.contains(to, code)) {
            return new RegionProfile.Destination(name, 0, null, "the region lies in " + name);
        }
        JsonNode best = null;
        for (JsonNode node : body.path("nodes")) {
            if (node.path("minutes").isNumber() && regions.contains(code, node.path("region").asText())
                    && (best == null || node.path("minutes").asInt() < best.path("minutes").asInt())) {
                best = node;
            }
        }
        return best == null
                ? new RegionProfile.Destination(name, null, null, "no station of the region reaches " + name)
                : new RegionProfile.Destination(name, best.path("minutes").asInt(), best.path("id").asText(null), null);
    }

    static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        if (page != null) {
            page.path("items").forEach(items::add);
        }
        return items;
    }
}
