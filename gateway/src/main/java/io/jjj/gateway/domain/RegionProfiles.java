package io.jjj.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.gateway.contracts.ServiceReads;
import io.jjj.gateway.contracts.ServiceReads.Accessibility;
import io.jjj.gateway.contracts.ServiceReads.ObservationPage;
import io.jjj.gateway.contracts.ServiceReads.ProjectPage;
import io.jjj.gateway.contracts.ServiceReads.ProjectSummary;
import io.jjj.gateway.contracts.ServiceReads.ReachedNode;
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
import java.util.Objects;

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
        Future<ServiceCalls.Outcome<ObservationPage>> indicators = calls.get(ServiceReads.INDICATORS, ServiceCalls.query("size", 1000), requestId)
                .compose(catalogue -> {
                    if (!catalogue.ok()) {
                        return Future.succeededFuture(catalogue.unanswered());
                    }
                    String codes = String.join(",", catalogue.answer().items().stream().map(ServiceReads.IndicatorSummary::code)
                            .filter(Objects::nonNull).toList());
                    return calls.get(ServiceReads.OBSERVATIONS,
                            ServiceCalls.query("indicator", codes, "region", code, "latest", 1, "size", 1000, "asOf", date), requestId);
                });
        Future<ServiceCalls.Outcome<ProjectPage>> inbound = calls.get(ServiceReads.PROJECTS,
                ServiceCalls.query("destination", code, "size", PROJECT_PAGE, "asOf", date), requestId);
        Future<ServiceCalls.Outcome<ProjectPage>> outbound = calls.get(ServiceReads.PROJECTS,
                ServiceCalls.query("origin", code, "size", PROJECT_PAGE, "asOf", date), requestId);
        Map<String, Future<ServiceCalls.Outcome<Accessibility>>> access = new LinkedHashMap<>();
        for (String to : DESTINATION_ORDER) {
            access.put(to, calls.get(ServiceReads.ACCESSIBILITY, ServiceCalls.query("to", to, "asOf", date), requestId));
        }
        List<Future<?>> all = new ArrayList<>(List.of(indicators, inbound, outbound));
        all.addAll(access.values());
        return Future.join(all).transform(done -> Future.succeededFuture(assemble(region, date,
                indicators.result(), inbound.result(), outbound.result(), access)));
    }

    private RegionProfile assemble(Region region, String asOf, ServiceCalls.Outcome<ObservationPage> indicators,
                                   ServiceCalls.Outcome<ProjectPage> inbound, ServiceCalls.Outcome<ProjectPage> outbound,
                                   Map<String, Future<ServiceCalls.Outcome<Accessibility>>> access) {
        List<RegionProfile.MissingSection> missing = new ArrayList<>();

        RegionProfile.IndicatorsSection indicatorSection;
        if (indicators.ok()) {
            indicatorSection = new RegionProfile.IndicatorsSection("ok", null,
                    ServiceCalls.relayed(indicators.answer().items(), indicators.sent()).stream().map(ServiceCalls.Relayed::sent).toList());
        } else {
            missing.add(new RegionProfile.MissingSection("indicators", "indicators", indicators.reason()));
            indicatorSection = new RegionProfile.IndicatorsSection("missing", indicators.reason(), null);
        }

        RegionProfile.ProjectsSection projectSection;
        ServiceCalls.Outcome<ProjectPage> projectFailure = !inbound.ok() ? inbound : !outbound.ok() ? outbound : null;
        if (projectFailure == null) {
            projectSection = new RegionProfile.ProjectsSection("ok", null, flow(inbound), flow(outbound));
        } else {
            missing.add(new RegionProfile.MissingSection("projects", "projects", projectFailure.reason()));
            projectSection = new RegionProfile.ProjectsSection("missing", projectFailure.reason(), null, null);
        }

        RegionProfile.AccessibilitySection accessSection;
        ServiceCalls.Outcome<Accessibility> accessFailure = access.values().stream().map(Future::result).filter(o -> !o.ok()).findFirst().orElse(null);
        if (accessFailure == null) {
            Map<String, RegionProfile.Destination> minutes = new LinkedHashMap<>();
            access.forEach((to, outcome) -> minutes.put(to, destination(region.code(), to, outcome.result().answer())));
            accessSection = new RegionProfile.AccessibilitySection("ok", null, minutes);
        } else {
            missing.add(new RegionProfile.MissingSection("accessibility", "transport", accessFailure.reason()));
            accessSection = new RegionProfile.AccessibilitySection("missing", accessFailure.reason(), null);
        }

        return new RegionProfile(new RegionProfile.RegionInfo(region.code(), region.nameEn(), region.nameZh(), region.level(), region.parent()),
                asOf, missing.isEmpty(), missing, indicatorSection, projectSection, accessSection);
    }

    private RegionProfile.ProjectFlow flow(ServiceCalls.Outcome<ProjectPage> page) {
        List<ServiceCalls.Relayed<ProjectSummary>> projects = ServiceCalls.relayed(page.answer().items(), page.sent());
        long total = page.answer().total() != null ? page.answer().total() : projects.size();
        List<ServiceCalls.Relayed<ProjectSummary>> invested = projects.stream()
                .filter(p -> p.read().investmentCny100m() != null).toList();
        BigDecimal investment = invested.stream().map(p -> p.read().investmentCny100m()).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<JsonNode> largest = invested.stream()
                .sorted(Comparator.comparing((ServiceCalls.Relayed<ProjectSummary> p) -> p.read().investmentCny100m()).reversed())
                .limit(LARGEST)
                .map(ServiceCalls.Relayed::sent)
                .toList();
        return new RegionProfile.ProjectFlow(total, investment, total <= projects.size(), largest);
    }

    /** The fastest station of the region to the destination, from the transport service's accessibility list. */
    private RegionProfile.Destination destination(String code, String to, Accessibility accessibility) {
        String name = DESTINATIONS.get(to);
        if (regions.contains(to, code)) {
            return new RegionProfile.Destination(name, 0, null, "the region lies in " + name);
        }
        ReachedNode best = null;
        for (ReachedNode node : accessibility.nodes()) {
            if (node.minutes() != null && node.region() != null && regions.contains(code, node.region())
                    && (best == null || node.minutes() < best.minutes())) {
                best = node;
            }
        }
        return best == null
                ? new RegionProfile.Destination(name, null, null, "no station of the region reaches " + name)
                : new RegionProfile.Destination(name, (int) Math.round(best.minutes()), best.id(), null);
    }
}
