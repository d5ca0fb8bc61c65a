package io.jjj.transport.api;

import io.jjj.platform.formats.GeoJson;
import jakarta.annotation.security.PermitAll;
import io.jjj.platform.formats.Formats;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.platform.http.TaggedByBody;
import io.jjj.platform.input.QueryParams;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.time.Today;
import io.jjj.platform.problem.ProblemException;
import io.jjj.transport.api.RoutingViews.IsochroneView;
import io.jjj.transport.api.RoutingViews.Leg;
import io.jjj.transport.api.RoutingViews.MatrixView;
import io.jjj.transport.api.RoutingViews.NodeRef;
import io.jjj.transport.api.RoutingViews.Reached;
import io.jjj.transport.api.RoutingViews.RouteView;
import io.jjj.transport.config.TransportConfig;
import io.jjj.transport.domain.Node;
import io.jjj.transport.routing.ConvexHull;
import io.jjj.transport.routing.Network;
import io.jjj.transport.routing.NetworkSnapshots;
import io.jjj.transport.routing.Route;
import io.jjj.transport.routing.Router;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

@TaggedByBody
@Path("/api/transport")
@Tag(name = ApiDocs.TAG)
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    private final NetworkSnapshots snapshots;
    private final TransportConfig config;
    private final ObjectMapper json;
    private final Today today;

    public RoutingResource(NetworkSnapshots snapshots, TransportConfig config, ObjectMapper json, Today today) {
        this.snapshots = snapshots;
        this.config = config;
        this.json = json;
        this.today = today;
    }

    @GET
    @PermitAll
    @Path("/routes")
    @Operation(operationId = "getTransportRoute", summary = "The fastest route between two nodes on a date")
    @APIResponse(responseCode = "200", description = "The route, with its legs grouped by line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RouteView.class)))
    @APIResponse(responseCode = "400", description = "Unknown node, bad date, mode or penalty",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No route on that date; the problem names the date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RouteView route(
            @Parameter(description = "Origin node id", required = true, example = "BJS") @QueryParam("from") String from,
            @Parameter(description = "Destination node id", required = true, example = "CZW") @QueryParam("to") String to,
            @Parameter(description = ApiDocs.AS_OF, example = "2012-01-01") @QueryParam("asOf") String asOf,
            @Parameter(description = ApiDocs.MODES, example = "hsr") @QueryParam("modes") String modes,
            @Parameter(description = "Minutes added at every change of line (default 0)", example = "10")
            @QueryParam("transferMinutes") String transferMinutes) {
        Router router = snapshots.router();
        Network net = router.network();
        int s = NetworkParams.node(net, "from", from);
        int t = NetworkParams.node(net, "to", to);
        LocalDate day = today.asOf(asOf);
        int mask = NetworkParams.modes(modes);
        double penalty = QueryParams.number("transferMinutes", transferMinutes, 0, 0, config.routes().maxTransferMinutes());
        Route route = router.route(s, t, new Router.Filter((int) day.toEpochDay(), mask), penalty)
                .orElseThrow(() -> ProblemException.notFound("No route from " + from.trim() + " to " + to.trim() + " on " + day
                        + " by " + String.join(", ", NetworkParams.modeNames(mask))).with("asOf", day.toString()));
        List<Leg> legs = route.legs().stream().map(leg -> new Leg(leg.line(), leg.mode().value(),
                ref(net, leg.nodes().get(0)), ref(net, leg.nodes().get(leg.nodes().size() - 1)),
                NetworkParams.round(leg.minutes()), NetworkParams.round(leg.km()),
                leg.nodes().stream().map(i -> net.node(i).id()).toList())).toList();
        return new RouteView(ref(net, s), ref(net, t), day, NetworkParams.modeNames(mask), NetworkParams.round(route.minutes()),
                NetworkParams.round(route.km()), route.transfers(), penalty, legs);
    }

    @GET
    @PermitAll
    @Path("/isochrones")
    @Produces({MediaType.APPLICATION_JSON, Formats.GEOJSON})
    @Operation(operationId = "getTransportIsochrone", summary = "Every node reachable within a travel-time budget; "
            + "as GeoJSON, points with their times and a convex hull per band")
    @APIResponse(responseCode = "200", description = "The nodes reached, nearest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IsochroneView.class)))
    @APIResponse(responseCode = "400", description = "Unknown node, budget over the limit, bad bands",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response isochrone(
            @Parameter(description = "Origin node id", required = true, example = "BJS") @QueryParam("from") String from,
            @Parameter(description = "Budget in minutes (at most the configured limit, 1440 by default); "
                    + "default: the largest band", example = "60") @QueryParam("minutes") String minutes,
            @Parameter(description = "Comma-separated band limits in minutes; default: the budget alone", example = "30,60,90")
            @QueryParam("bands") String bands,
            @Parameter(description = ApiDocs.AS_OF, example = "2024-01-01") @QueryParam("asOf") String asOf,
            @Parameter(description = ApiDocs.MODES, example = "hsr,metro") @QueryParam("modes") String modes,
            @Parameter(description = "json (default) or geojson; or use the Accept header", example = "geojson")
            @QueryParam("format") String format,
            @HeaderParam("Accept") String accept) {
        String f = Formats.choose(format, accept, List.of(Formats.JSON, Formats.GEOJSON));
        Router router = snapshots.router();
        Network net = router.network();
        int s = NetworkParams.node(net, "from", from);
        LocalDate day = today.asOf(asOf);
        int mask = NetworkParams.modes(modes);
        int max = config.isochrone().maxMinutes();
        List<Integer> bandList = bands(bands, max);
        int budget = minutes == null && !bandList.isEmpty() ? bandList.get(bandList.size() - 1)
                : QueryParams.whole("minutes", minutes, 1, max);
        if (bandList.isEmpty()) {
            bandList = List.of(budget);
        } else if (bandList.get(bandList.size() - 1) > budget) {
            throw ProblemException.invalidParameter("bands", "every band must be within the budget of " + budget + " minutes");
        }
        Router.Reach reach = router.reach(s, new Router.Filter((int) day.toEpochDay(), mask), budget);
        List<Reached> nodes = new ArrayList<>();
        for (int i = 0; i < reach.nodes().length; i++) {
            Node n = net.node(reach.nodes()[i]);
            double m = reach.minutes()[i];
            int band = bandList.stream().filter(b -> m <= b).findFirst().orElse(budget);
            nodes.add(new Reached(n.id(), n.nameEn(), n.region(), n.lon(), n.lat(), NetworkParams.round(m), band));
        }
        IsochroneView view = new IsochroneView(ref(net, s), day, NetworkParams.modeNames(mask), budget, bandList, nodes);
        if (f.equals(Formats.JSON)) {
            return Response.ok(view, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(isochroneGeoJson(view), Formats.GEOJSON).build();
    }

    private List<Integer> bands(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        TreeSet<Integer> bands = new TreeSet<>();
        for (String part : raw.split(",")) {
            bands.add(QueryParams.whole("bands", part, 1, max));
        }
        if (bands.size() > config.isochrone().maxBands()) {
            throw ProblemException.invalidParameter("bands", "at most " + config.isochrone().maxBands() + " bands");
        }
        return List.copyOf(bands);
    }

    private String isochroneGeoJson(IsochroneView view) {
        List<Object> features = new ArrayList<>();
        List<Integer> largestFirst = new ArrayList<>(view.bands());
        java.util.Collections.reverse(largestFirst);
        for (int band : largestFirst) {
            List<double[]> points = view.nodes().stream().filter(n -> n.minutes() <= band)
                    .map(n -> new double[] {n.lon(), n.lat()}).toList();
            if (!points.isEmpty()) {
                features.add(GeoJson.feature("band-" + band, GeoJson.hull(ConvexHull.of(points)),
                        Map.of("band", band, "nodes", points.size())));
            }
        }
        for (Reached n : view.nodes()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", n.id());
            properties.put("nameEn", n.nameEn());
            properties.put("region", n.region());
            properties.put("minutes", n.minutes());
            properties.put("band", n.band());
            features.add(GeoJson.feature(n.id(), GeoJson.point(n.lon(), n.lat()), properties));
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("from", view.from().id());
        members.put("asOf", view.asOf().toString());
        members.put("minutes", view.minutes());
        return GeoJson.write(json, features, members);
    }

    @GET
    @PermitAll
    @Path("/matrix")
    @Operation(operationId = "getTransportMatrix", summary = "Minutes between every origin and every destination "
            + "(one search per origin)")
    @APIResponse(responseCode = "200", description = "The matrix",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatrixView.class)))
    @APIResponse(responseCode = "400", description = "Unknown nodes (every one listed), bad date or mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More origins or destinations than the configured maximum (200 each by default)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MatrixView matrix(
            @Parameter(description = "Comma-separated origin node ids", required = true, example = "BJS,TJ")
            @QueryParam("from") String from,
            @Parameter(description = "Comma-separated destination node ids", required = true, example = "SJZ,CZW,QHD")
            @QueryParam("to") String to,
            @Parameter(description = ApiDocs.AS_OF, example = "2024-01-01") @QueryParam("asOf") String asOf,
            @Parameter(description = ApiDocs.MODES, example = "hsr") @QueryParam("modes") String modes) {
        Router router = snapshots.router();
        Network net = router.network();
        int[] origins = NetworkParams.nodes(net, "from", from, config.matrix().maxOrigins());
        int[] destinations = NetworkParams.nodes(net, "to", to, config.matrix().maxDestinations());
        LocalDate day = today.asOf(asOf);
        int mask = NetworkParams.modes(modes);
        Router.Matrix matrix = router.matrix(origins, destinations, new Router.Filter((int) day.toEpochDay(), mask));
        return new MatrixView(day, NetworkParams.modeNames(mask), ids(net, origins), ids(net, destinations),
                rows(matrix.minutes()), rows(matrix.km()));
    }

    private static List<String> ids(Network net, int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> net.node(i).id()).toList();
    }

    private static List<List<Double>> rows(double[][] values) {
        return Arrays.stream(values).map(row -> Arrays.stream(row)
                .mapToObj(v -> Double.isNaN(v) ? null : NetworkParams.round(v)).toList()).toList();
    }

    private static NodeRef ref(Network net, int index) {
        Node n = net.node(index);
        return new NodeRef(n.id(), n.nameEn());
    }
}
