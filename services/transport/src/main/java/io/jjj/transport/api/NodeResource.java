package io.jjj.transport.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.platform.formats.Formats;
import io.jjj.platform.formats.GeoJson;
import io.jjj.platform.formats.Listing;
import io.jjj.platform.http.ConditionalWrites;
import io.jjj.platform.input.QueryParams;
import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Regions;
import io.jjj.platform.security.Roles;
import io.jjj.platform.time.Today;
import io.jjj.transport.api.NetworkViews.NodeBody;
import io.jjj.transport.api.NetworkViews.NodeView;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.domain.NetworkService;
import io.jjj.transport.domain.Node;
import io.jjj.transport.domain.NodeKind;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/transport/nodes")
@Tag(name = ApiDocs.TAG)
public class NodeResource {

    private final NetworkService network;
    private final Regions regions;
    private final Today today;
    private final Listing<NodeView> listing;

    public NodeResource(NetworkService network, Regions regions, Today today, ObjectMapper json) {
        this.network = network;
        this.regions = regions;
        this.today = today;
        this.listing = Listing.<NodeView>json().csv(NodeResource::csv).geoJson(page -> geoJson(json, page.items()));
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Formats.CSV, Formats.GEOJSON})
    @Operation(operationId = "listTransportNodes", summary = "List nodes, as JSON, CSV or GeoJSON points")
    @APIResponse(responseCode = "200", description = "One page of nodes, with Link and X-Total-Count headers")
    public Response list(
            @Parameter(description = "Only nodes of this kind", example = "hsr-station") @QueryParam("kind") String kind,
            @Parameter(description = "Only nodes in this region or group (and below it)", example = "130000") @QueryParam("region") String region,
            @Parameter(description = "Only nodes served on this day by an open link (of `mode` if given)", example = "2015-01-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "Only nodes served by an open link of this mode (on `asOf`, default today)", example = "hsr") @QueryParam("mode") String mode,
            @Parameter(description = "Page from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 1000 (default 50)", example = "50") @QueryParam("size") String size,
            @Parameter(description = "json (default), csv or geojson; or use the Accept header", example = "geojson") @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Listing.Negotiated<NodeView> answer = listing.negotiate(format, headers);
        PageRequest paging = PageRequest.parse(page, size);
        String onlyKind = QueryParams.oneOf("kind", kind, NodeKind.names(), null);
        String onlyMode = QueryParams.oneOf("mode", mode, Mode.names(), null);
        List<String> inRegion = region == null ? null : new ArrayList<>(regions.expand(regions.require("region", region)));
        LocalDate servedOn = asOf != null || onlyMode != null ? today.asOf(asOf) : null;
        Page<NodeView> nodes = network.nodes(new NetworkService.NodeFilter(onlyKind, inRegion, servedOn, onlyMode), paging)
                .map(NodeView::of);
        return answer.ok(nodes, uri);
    }

    private static String csv(List<NodeView> nodes) {
        StringBuilder out = new StringBuilder(Formats.csvLine("id", "name_en", "name_zh", "kind", "region", "lon", "lat"));
        nodes.forEach(n -> out.append(Formats.csvLine(n.id(), n.nameEn(), n.nameZh(), n.kind(), n.region(), n.lon(), n.lat())));
        return out.toString();
    }

    private static String geoJson(ObjectMapper json, List<NodeView> nodes) {
        List<Object> features = new ArrayList<>();
        for (NodeView n : nodes) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", n.id());
            properties.put("nameEn", n.nameEn());
            properties.put("nameZh", n.nameZh());
            properties.put("kind", n.kind());
            properties.put("region", n.region());
            features.add(GeoJson.feature(n.id(), GeoJson.point(n.lon(), n.lat()), properties));
        }
        return GeoJson.write(json, features);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTransportNode", summary = "One node, with its ETag")
    @APIResponse(responseCode = "200", description = "The node",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NodeView.class)))
    public Response get(@Parameter(description = "Node id", example = "BJS") @PathParam("id") String id) {
        return NetworkViews.answer(200, network.node(id).orElseThrow(() -> ProblemException.notFound("No node '" + id + "'")),
                NodeView::of);
    }

    @PUT
    @RolesAllowed(Roles.WRITE)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putTransportNode", summary = "Create or replace a node (If-Match with the ETag to replace)")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NodeView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NodeView.class)))
    public Response put(@Parameter(description = "Node id", example = "BJS") @PathParam("id") String id,
                        @Parameter(description = "The ETag from a GET; required to replace an existing node, refused to "
                                + "create one", example = "\"1\"")
                        @HeaderParam(ConditionalWrites.IF_MATCH) String ifMatch,
                        @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = NodeBody.class), examples = @ExampleObject(name = "station",
                                value = "{\"nameEn\":\"Beijing South\",\"kind\":\"hsr-station\",\"region\":\"110000\",\"lon\":116.379,\"lat\":39.865}")))
                        NodeBody body) {
        if (body == null) {
            throw ProblemException.badRequest("A JSON body with the node is required");
        }
        NetworkService.Put<Node> put = network.putNode(body.toNode(id), ifMatch);
        return NetworkViews.answer(put.created() ? 201 : 200, put.stored(), NodeView::of);
    }
}
