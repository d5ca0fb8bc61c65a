package io.jjj.gateway.domain;

import io.jjj.gateway.contracts.ServiceReads;
import io.jjj.gateway.contracts.ServiceReads.IndicatorDefinition;
import io.jjj.gateway.contracts.ServiceReads.Isochrone;
import io.jjj.gateway.contracts.ServiceReads.Observation;
import io.jjj.gateway.contracts.ServiceReads.ObservationPage;
import io.jjj.gateway.contracts.ServiceReads.ReachedNode;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Regions;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reachable-population style questions: the transport isochrone from a station, the regions of the stations in it,
 * and the sum of an additive indicator over those regions from the indicators service.
 */
@ApplicationScoped
public class ReachableInsights {

    static final String METHOD = "1. The transport service's isochrone lists the stations reachable from the start station within the "
            + "budget on the network as it stood on asOf. 2. Each reachable station stands for the region it lies in; a region "
            + "counts once, at the fastest of its stations. 3. A region inside another reachable region is not counted again "
            + "(the outer one's value includes it). 4. For each counted region the indicators service gives the value for the "
            + "period (or the latest one), as known on asOf; the total is their sum. Regions without a value are listed and left "
            + "out, and `complete` is false. Whole regions count when any of their stations is reached, so the total is an upper "
            + "bound of what lies within the budget.";

    private record Reached(String region, String node, int minutes) {
    }

    private final ServiceCalls calls;
    private final Regions regions;

    public ReachableInsights(ServiceCalls calls, Regions regions) {
        this.calls = calls;
        this.regions = regions;
    }

    public Future<ReachableInsight> reachable(String from, int minutes, String indicator, String period, LocalDate asOf, String requestId) {
        String date = asOf == null ? null : asOf.toString();
        Future<ServiceCalls.Outcome<Isochrone>> isochrone = calls.get(ServiceReads.ISOCHRONE,
                ServiceCalls.query("from", from, "minutes", minutes, "asOf", date), requestId);
        Future<ServiceCalls.Outcome<IndicatorDefinition>> catalogue = calls.get(ServiceReads.INDICATOR, Map.of(), requestId, indicator);
        return Future.join(isochrone, catalogue).transform(done -> {
            ServiceCalls.Outcome<Isochrone> iso = isochrone.result();
            ServiceCalls.Outcome<IndicatorDefinition> definition = catalogue.result();
            require(iso, "from");
            require(definition, "indicator");
            String unit = definition.answer().unit();
            Boolean declared = definition.answer().additive();
            if (declared != null ? !declared : !additive(indicator, unit)) {
                throw ProblemException.unprocessable("indicator: " + indicator + " (" + unit + ") is not additive; summing it over regions "
                        + "means nothing. Use a count or an amount such as pop.resident or va.tertiary", List.of(
                        FieldError.field("indicator", "not additive (unit " + unit + ")")));
            }
            Map<String, Reached> reached = reachedRegions(iso.answer());
            Map<String, List<String>> counted = outermost(reached.keySet());
            List<String> codes = new ArrayList<>(counted.keySet());
            List<Future<ServiceCalls.Outcome<ObservationPage>>> values = codes.stream().map(code -> calls.get(ServiceReads.OBSERVATIONS,
                    ServiceCalls.query("indicator", indicator, "region", code, "from", period, "to", period,
                            "latest", period == null ? 1 : null, "asOf", date), requestId)).toList();
            return Future.join(new ArrayList<>(values)).transform(all -> Future.succeededFuture(
                    total(from, minutes, indicator, unit, period, date, reached, counted, codes, values)));
        });
    }

    private ReachableInsight total(String from, int minutes, String indicator, String unit, String period, String asOf,
                                   Map<String, Reached> reached, Map<String, List<String>> counted, List<String> codes,
                                   List<Future<ServiceCalls.Outcome<ObservationPage>>> values) {
        BigDecimal total = BigDecimal.ZERO;
        List<ReachableInsight.CountedRegion> regionsCounted = new ArrayList<>();
        List<ReachableInsight.UncountedRegion> without = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            ServiceCalls.Outcome<ObservationPage> outcome = values.get(i).result();
            if (!outcome.ok()) {
                if (outcome.failure() != null) {
                    throw unavailable(outcome);
                }
                without.add(new ReachableInsight.UncountedRegion(code, regions.name(code), outcome.reason()));
                continue;
            }
            Observation observation = outcome.answer().items().stream()
                    .filter(o -> code.equals(o.region()) && o.value() != null && o.period() != null
                            && (period == null || period.equals(o.period())))
                    .reduce((a, b) -> a.period().compareTo(b.period()) >= 0 ? a : b)
                    .orElse(null);
            if (observation == null) {
                without.add(new ReachableInsight.UncountedRegion(code, regions.name(code),
                        "no value for " + indicator + (period == null ? "" : " in " + period)));
                continue;
            }
            total = total.add(observation.value());
            Reached r = reached.get(code);
            regionsCounted.add(new ReachableInsight.CountedRegion(code, regions.name(code), r.node(), r.minutes(), observation.value(),
                    observation.period(), counted.get(code).isEmpty() ? null : counted.get(code)));
        }
        Reached start = reached.values().stream().filter(r -> r.minutes() == 0).findFirst().orElse(null);
        return new ReachableInsight(from, start == null ? null : start.region(), minutes, indicator, unit, period, asOf, total,
                without.isEmpty(), regionsCounted, without, METHOD);
    }

    /** Each region of a reachable station, at its fastest station. */
    private static Map<String, Reached> reachedRegions(Isochrone isochrone) {
        Map<String, Reached> reached = new LinkedHashMap<>();
        List<ReachedNode> nodes = isochrone.nodes().stream()
                .filter(node -> node.region() != null && node.minutes() != null)
                .sorted(Comparator.comparingDouble(ReachedNode::minutes))
                .toList();
        for (ReachedNode node : nodes) {
            reached.putIfAbsent(node.region(), new Reached(node.region(), node.id(), (int) Math.round(node.minutes())));
        }
        return reached;
    }

    /** The reachable regions not inside another reachable region, each with the reachable regions it covers. */
    Map<String, List<String>> outermost(Collection<String> reached) {
        Map<String, List<String>> outer = new LinkedHashMap<>();
        for (String code : reached) {
            boolean inside = reached.stream().anyMatch(other -> !other.equals(code) && regions.contains(other, code));
            if (!inside) {
                outer.put(code, reached.stream().filter(other -> !other.equals(code) && regions.contains(code, other)).sorted().toList());
            }
        }
        return outer;
    }

    static boolean additive(String indicator, String unit) {
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        String code = indicator.toLowerCase(Locale.ROOT);
        return !(u.contains("percent") || u.contains("%") || u.contains("ratio") || u.contains("index") || u.contains("/")
                || code.endsWith(".share") || code.endsWith(".mean") || code.contains("index"));
    }

    private static void require(ServiceCalls.Outcome<?> outcome, String parameter) {
        if (outcome.ok()) {
            return;
        }
        if (outcome.failure() != null) {
            throw unavailable(outcome);
        }
        if (outcome.status() == 404) {
            throw ProblemException.notFound(parameter + ": " + outcome.reason());
        }
        if (outcome.status() >= 400 && outcome.status() < 500) {
            throw ProblemException.badRequest(parameter + ": " + outcome.reason(),
                    FieldError.field(parameter, outcome.reason()));
        }
        throw unavailable(outcome);
    }

    private static ProblemException unavailable(ServiceCalls.Outcome<?> outcome) {
        int status = outcome.timeout() ? 504 : 503;
        return new ProblemException(status, outcome.timeout() ? "upstream-timeout" : "upstream-unavailable",
                outcome.timeout() ? "Gateway timeout" : "Service unavailable", outcome.reason(), List.of())
                .with("service", outcome.service());
    }
}
