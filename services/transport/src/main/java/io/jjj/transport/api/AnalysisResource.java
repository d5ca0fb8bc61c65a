package io.jjj.transport.api;

import jakarta.annotation.security.PermitAll;
import io.jjj.platform.http.TaggedByBody;
import io.jjj.platform.input.Dates;
import io.jjj.platform.input.QueryParams;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.time.Today;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Region;
import io.jjj.platform.regions.Regions;
import io.jjj.transport.api.AnalysisViews.AccessibilityView;
import io.jjj.transport.api.AnalysisViews.NodeAccess;
import io.jjj.transport.api.AnalysisViews.RegionAccess;
import io.jjj.transport.api.AnalysisViews.SeriesView;
import io.jjj.transport.api.AnalysisViews.StatsGroup;
import io.jjj.transport.api.AnalysisViews.StatsView;
import io.jjj.transport.api.AnalysisViews.YearValue;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.routing.Accessibility;
import io.jjj.transport.routing.Network;
import io.jjj.transport.routing.NetworkSnapshots;
import io.jjj.transport.routing.NetworkStats;
import io.jjj.transport.routing.Router;
import io.jjj.platform.parked.ParkedEventResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

@TaggedByBody
@Path("/api/transport")
@Tag(name = ApiDocs.TAG)
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

    private final ParkedEventResource parked;

    private final NetworkSnapshots snapshots;
    private final Regions regions;
    private final Today today;

    public AnalysisResource(NetworkSnapshots snapshots, Regions regions, Today today, ParkedEventResource parked) {
        this.parked = parked;
        this.snapshots = snapshots;
        this.regions = regions;
        this.today = today;
    }

    /** This service's parked events, for admins: {@code /api/<service>/events/parked}. */
    @Path("/events/parked")
    public ParkedEventResource parkedEvents() {
        return parked;
    }

    @GET
    @PermitAll
    @Path("/accessibility")
    @Operation(operationId = "getTransportAccessibility", summary = "For every region with stations, the fastest time "
            + "from its stations to any station of a target region; with compareTo, the change between two dates")
    @APIResponse(responseCode = "200", description = "One entry per region with stations (and per region above it)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessibilityView.class)))
    @APIResponse(responseCode = "400", description = "Unknown region, bad date or mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The target region has no stations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccessibilityView accessibility(
            @Parameter(description = "Target region or group code", required = true, example = "110000") @QueryParam("to") String to,
            @Parameter(description = ApiDocs.AS_OF, example = "2024-01-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "A second date to compare with", example = "2010-01-01") @QueryParam("compareTo") String compareTo,
            @Parameter(description = ApiDocs.MODES, example = "hsr,metro") @QueryParam("modes") String modes,
            @Parameter(description = "Only regions of this level", example = "prefecture") @QueryParam("level") String level) {
        String target = regions.require("to", QueryParams.required("to", to));
        LocalDate day = today.asOf(asOf);
        LocalDate other = Dates.parameter("compareTo", compareTo);
        int mask = NetworkParams.modes(modes);
        String onlyLevel = QueryParams.oneOf("level", level, List.of("province", "prefecture", "county"), null);
        Router router = snapshots.router();
        Network net = router.network();
        int[] targets = Accessibility.stationsIn(net, regions, target);
        if (targets.length == 0) {
            throw ProblemException.notFound("The region " + target + " (" + regions.name(target) + ") has no stations");
        }
        Accessibility.Result now = Accessibility.towards(router, regions, targets, filter(day, mask));
        Map<String, Double> then = new HashMap<>();
        if (other != null) {
            Accessibility.towards(router, regions, targets, filter(other, mask)).regions()
                    .forEach(r -> then.put(r.region(), r.minutes()));
        }
        List<RegionAccess> rows = new ArrayList<>();
        for (Accessibility.RegionTime r : now.regions()) {
            String regionLevel = regions.region(r.region()).map(Region::level).orElse(null);
            if (onlyLevel != null && !onlyLevel.equals(regionLevel)) {
                continue;
            }
            Double minutes = finite(r.minutes());
            Double before = other == null ? null : finite(then.getOrDefault(r.region(), Double.POSITIVE_INFINITY));
            Double change = minutes != null && before != null ? NetworkParams.round(minutes - before) : null;
            rows.add(new RegionAccess(r.region(), regions.name(r.region()), regionLevel, r.stations(), minutes, r.station(),
                    before, change));
        }
        List<String> targetIds = Arrays.stream(targets).mapToObj(v -> net.node(v).id()).toList();
        List<NodeAccess> nodes = IntStream.range(0, net.nodeCount()).boxed()
                .sorted(Comparator.comparingDouble((Integer v) -> now.nodeMinutes()[v]).thenComparing(v -> net.node(v).id()))
                .map(v -> new NodeAccess(net.node(v).id(), net.node(v).nameEn(), net.node(v).region(), finite(now.nodeMinutes()[v])))
                .toList();
        return new AccessibilityView(target, day, other, NetworkParams.modeNames(mask), targetIds, rows, nodes);
    }

    @GET
    @PermitAll
    @Path("/stats")
    @Operation(operationId = "getTransportStats", summary = "Length in km and stations of the network open on a day, "
            + "by region, mode or line")
    @APIResponse(responseCode = "200", description = "Totals and groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsView.class)))
    @APIResponse(responseCode = "400", description = "Bad groupBy, date or mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatsView stats(
            @Parameter(description = ApiDocs.AS_OF, example = "2024-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = "region (default), mode or line", example = "region") @QueryParam("groupBy") String groupBy,
            @Parameter(description = ApiDocs.MODES, example = "hsr") @QueryParam("modes") String modes) {
        LocalDate day = today.asOf(asOf);
        int mask = NetworkParams.modes(modes);
        String by = QueryParams.oneOf("groupBy", groupBy, List.of("region", "mode", "line"), "region");
        Network net = snapshots.router().network();
        Router.Filter filter = filter(day, mask);
        Map<String, NetworkStats.Totals> groups = switch (by) {
            case "mode" -> NetworkStats.byMode(net, filter);
            case "line" -> NetworkStats.byLine(net, filter);
            default -> NetworkStats.byRegion(net, regions, filter);
        };
        List<StatsGroup> rows = new ArrayList<>();
        groups.forEach((key, t) -> rows.add(new StatsGroup(key, by.equals("region") ? regions.name(key) : null,
                NetworkParams.round(t.lengthKm()), t.stations())));
        NetworkStats.Totals total = NetworkStats.total(net, filter);
        return new StatsView(day, by, NetworkParams.modeNames(mask), NetworkParams.round(total.lengthKm()), total.stations(), rows);
    }

    @GET
    @PermitAll
    @Path("/stats/series")
    @Operation(operationId = "getTransportStatsSeries", summary = "Length and stations in a region at the end of each year, "
            + "e.g. the cluster's high-speed-rail length")
    @APIResponse(responseCode = "200", description = "One value per year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", description = "Bad years, region or mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SeriesView series(
            @Parameter(description = "First year", required = true, example = "2008") @QueryParam("from") String from,
            @Parameter(description = "Last year (at most 300 years after from)", required = true, example = "2024") @QueryParam("to") String to,
            @Parameter(description = "Region or group (default JJJ, the whole cluster)", example = "JJJ") @QueryParam("region") String region,
            @Parameter(description = "Comma-separated modes; default hsr", example = "hsr") @QueryParam("modes") String modes) {
        int first = QueryParams.whole("from", from, Dates.MIN.getYear(), Dates.MAX.getYear());
        int last = QueryParams.whole("to", to, Dates.MIN.getYear(), Dates.MAX.getYear());
        if (last < first) {
            throw ProblemException.invalidParameter("to", "must not be before from (" + first + "), was " + last);
        }
        String area = region == null || region.isBlank() ? "JJJ" : regions.require("region", region.trim());
        int mask = NetworkParams.modes(modes, Mode.HSR.bit());
        Network net = snapshots.router().network();
        List<YearValue> years = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            LocalDate end = LocalDate.of(year, 12, 31);
            NetworkStats.Totals t = NetworkStats.within(net, regions, area, filter(end, mask));
            years.add(new YearValue(year, end, NetworkParams.round(t.lengthKm()), t.stations()));
        }
        return new SeriesView(area, NetworkParams.modeNames(mask), years);
    }

    private static Router.Filter filter(LocalDate day, int mask) {
        return new Router.Filter((int) day.toEpochDay(), mask);
    }

    private static Double finite(double minutes) {
        return Double.isInfinite(minutes) ? null : NetworkParams.round(minutes);
    }
}
