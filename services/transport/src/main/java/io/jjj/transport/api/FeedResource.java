package io.jjj.transport.api;

import io.jjj.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import io.jjj.platform.feeds.FeedMode;
import io.jjj.platform.feeds.FeedReport;
import io.jjj.platform.feeds.FeedService;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import io.jjj.platform.feeds.FeedRun;
import io.jjj.platform.feeds.FeedRunResource;
import io.jjj.platform.input.QueryParams;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import io.jjj.transport.feed.LinkFeed;
import io.jjj.transport.feed.NodeFeed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path("/api/transport/feeds")
@Tag(name = ApiDocs.TAG)
public class FeedResource {

    private final FeedService feeds;
    private final NodeFeed nodeFeed;
    private final LinkFeed linkFeed;
    private final FeedRunResource runs;

    public FeedResource(FeedService feeds, NodeFeed nodeFeed, LinkFeed linkFeed, FeedRunResource runs) {
        this.feeds = feeds;
        this.nodeFeed = nodeFeed;
        this.linkFeed = linkFeed;
        this.runs = runs;
    }

    /** The runs of feeds answered 202: {@code /api/transport/feeds/runs/{id}}. */
    @Path("/runs")
    public FeedRunResource runs() {
        return runs;
    }

    @POST
    @RolesAllowed(Roles.WRITE)
    @Consumes({"text/csv", "application/x-ndjson"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postTransportFeed", summary = "Load nodes or links from a CSV or NDJSON feed "
            + "(the columns of transport-nodes.csv or transport-links.csv)")
    @APIResponse(responseCode = "200", description = "The feed's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedReport.class)))
    @APIResponse(responseCode = "202", description = FeedService.ACCEPTED_DESCRIPTION,
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "The run to poll",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedRun.class)))
    @APIResponse(responseCode = "400", description = "Unknown kind or mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid gateway token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More bytes or rows than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/x-ndjson",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Bad rows (every one listed with line and column); nothing written in atomic mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response post(
            @Parameter(description = "nodes or links", required = true, example = "links") @QueryParam("kind") String kind,
            @Parameter(description = "atomic (default) or partial", example = "atomic") @QueryParam("mode") String mode,
            @Parameter(description = "Makes a retry return the first report without applying anything again",
                    example = "links-2024-06-01") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Type") String contentType,
            @Parameter(description = FeedService.PREFER_DESCRIPTION, example = "respond-async") @HeaderParam("Prefer") String prefer,
            @Context HttpHeaders headers,
            @RequestBody(required = true, content = {
                    @Content(mediaType = "text/csv", examples = @ExampleObject(name = "links",
                            value = "from,to,mode,line,distance_km,minutes,opened,source\n"
                                    + "BJS,TJ,hsr,Beijing-Tianjin intercity,120,30,2008-08-01,BR2023\n")),
                    @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(name = "nodes",
                            value = "{\"id\":\"BJS\",\"name_en\":\"Beijing South\",\"kind\":\"hsr-station\",\"region\":\"110000\","
                                    + "\"lon\":116.379,\"lat\":39.865}\n"))})
            InputStream body) {
        FeedMode feedMode = FeedMode.parse(mode);
        FeedService.FeedRequest request = new FeedService.FeedRequest(body, contentType, feedMode, idempotencyKey, prefer,
                headers.getLength());
        String k = QueryParams.required("kind", kind);
        return switch (k) {
            case "nodes" -> feeds.submit(nodeFeed, request);
            case "links" -> feeds.submit(linkFeed, request);
            default -> throw ProblemException.invalidParameter("kind", "nodes or links, was '" + k + "'");
        };
    }
}
