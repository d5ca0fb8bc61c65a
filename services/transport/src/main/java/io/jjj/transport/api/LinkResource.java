package io.jjj.transport.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.platform.formats.Formats;
import io.jjj.platform.formats.GeoJson;
import io.jjj.platform.formats.Listing;
import io.jjj.platform.http.ConditionalWrites;
import io.jjj.platform.input.Dates;
import io.jjj.platform.input.QueryParams;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.security.Roles;
import io.jjj.transport.api.NetworkViews.LinkBody;
import io.jjj.transport.api.NetworkViews.LinkView;
import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.domain.NetworkService;
import io.jjj.transport.domain.Node;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

@Path("/api/transport/links")
@Tag(name = ApiDocs.TAG)
public class LinkResource {

    private final NetworkService network;
    private final Listing<Link> listing;

    public LinkResource(NetworkService network, ObjectMapper json) {
        this.network = network;
        this.listing = Listing.<Link>json().json(page -> page.map(LinkView::of)).csv(LinkResource::csv)
                .geoJson(page -> geoJson(json, page.items()));
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Formats.CSV, Formats.GEOJSON})
    @Operation(operationId = "listTransportLinks", summary = "List links, as JSON, CSV or GeoJSON LineStrings")
    @APIResponse(responseCode = "200", description = "One page of links, with Link and X-Total-Count headers")
    public Response list(
            @Parameter(description = "Only links open on this day", example = "2012-01-01") @QueryParam("asOf") String asOf,
            @Parameter(description = "Only links of this mode", example = "hsr") @QueryParam("mode") String mode,
            @Parameter(description = "Only links of this line", example = "Beijing-Shanghai HSR") @QueryParam("line") String line,
            @Parameter(description = "Only links that start or end at this node", example = "BJS") @QueryParam("node") String node,
            @Parameter(description = "Page from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 1000 (default 50)", example = "50") @QueryParam("size") String size,
            @Parameter(description = "json (default), csv or geojson; or use the Accept header", example = "csv") @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Listing.Negotiated<Link> answer = listing.negotiate(format, headers);
        PageRequest paging = PageRequest.parse(page, size);
        NetworkService.LinkFilter filter = new NetworkService.LinkFilter(Dates.parameter("asOf", asOf),
                QueryParams.oneOf("mode", mode, Mode.names(), null), line, node);
        return answer.ok(network.links(filter, paging), uri);
    }

    private static String csv(List<Link> links) {
        StringBuilder out = new StringBuilder(Formats.csvLine("id", "from", "to", "mode", "line", "distance_km", "minutes", "opened", "closed", "bidirectional", "source"));
        links.forEach(l -> out.append(Formats.csvLine(l.id(), l.from(), l.to(), l.mode(), l.line(), l.distanceKm().toPlainString(),
                l.minutes().toPlainString(), l.opened(), l.closed(), l.bidirectional(), l.source())));
        return out.toString();
    }

    private String geoJson(ObjectMapper json, List<Link> links) {
        Map<String, Node> nodes = network.nodes(links.stream().flatMap(l -> Stream.of(l.from(), l.to())).distinct().toList());
        List<Object> features = new ArrayList<>();
        for (Link l : links) {
            Node a = nodes.get(l.from());
            Node b = nodes.get(l.to());
            Map<String, Object> properties = new LinkedHashMap<>();
            LinkView v = LinkView.of(l);
            properties.put("id", v.id());
            properties.put("from", v.from());
            properties.put("to", v.to());
            properties.put("mode", v.mode());
            properties.put("line", v.line());
            properties.put("distanceKm", v.distanceKm());
            properties.put("minutes", v.minutes());
            properties.put("opened", v.opened().toString());
            properties.put("closed", v.closed() == null ? null : v.closed().toString());
            properties.put("bidirectional", v.bidirectional());
            features.add(GeoJson.feature(l.id(), GeoJson.lineString(List.of(new double[] {a.lon(), a.lat()},
                    new double[] {b.lon(), b.lat()})), properties));
        }
        return GeoJson.write(json, features);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTransportLink", summary = "One link, with its ETag")
    @APIResponse(responseCode = "200", description = "The link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkView.class)))
    public Response get(@Parameter(description = "Link id", example = "BJS-TJ-hsr") @PathParam("id") String id) {
        return NetworkViews.answer(200, network.link(id).orElseThrow(() -> ProblemException.notFound("No link '" + id + "'")),
                LinkView::of);
    }

    @PUT
    @RolesAllowed(Roles.WRITE)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putTransportLink", summary = "Create or replace a link (If-Match with the ETag to replace); "
            + "setting closed closes it")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "400", description = "Invalid link: a link to itself, minutes not above 0, closed before opened…",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An end is not a known node",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@Parameter(description = "Link id", example = "BJS-TJ-hsr") @PathParam("id") String id,
                        @Parameter(description = "The ETag from a GET; required to replace an existing link, refused to "
                                + "create one", example = "\"1\"")
                        @HeaderParam(ConditionalWrites.IF_MATCH) String ifMatch,
                        @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = LinkBody.class), examples = @ExampleObject(name = "link",
                                value = "{\"from\":\"BJS\",\"to\":\"TJ\",\"mode\":\"hsr\",\"line\":\"Beijing-Tianjin intercity\","
                                        + "\"distanceKm\":120,\"minutes\":30,\"opened\":\"2008-08-01\"}")))
                        LinkBody body) {
        if (body == null) {
            throw ProblemException.badRequest("A JSON body with the link is required");
        }
        NetworkService.Put<Link> put = network.putLink(body.toLink(id), ifMatch);
        return NetworkViews.answer(put.created() ? 201 : 200, put.stored(), LinkView::of);
    }
}
