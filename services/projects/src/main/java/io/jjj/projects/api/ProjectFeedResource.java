package io.jjj.projects.api;

import io.jjj.platform.feeds.FeedMode;
import io.jjj.platform.feeds.FeedReport;
import io.jjj.platform.feeds.FeedService;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import io.jjj.platform.feeds.FeedRun;
import io.jjj.platform.feeds.FeedRunResource;
import io.jjj.platform.problem.Problem;
import io.jjj.projects.feed.ProjectFeed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path("/api/projects/feeds")
@Tag(name = "projects")
public class ProjectFeedResource {

    private final FeedService feeds;
    private final ProjectFeed handler;
    private final FeedRunResource runs;

    public ProjectFeedResource(FeedService feeds, ProjectFeed handler, FeedRunResource runs) {
        this.feeds = feeds;
        this.handler = handler;
        this.runs = runs;
    }

    /** The runs of feeds answered 202: {@code /api/projects/feeds/runs/{id}}. */
    @Path("/runs")
    public FeedRunResource runs() {
        return runs;
    }

    @POST
    @Consumes({"text/csv", "application/x-ndjson"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "feedProjects", summary = "Register or update projects in bulk, upserting by ref (the columns of projects.csv)")
    @RequestBody(required = true, description = "Columns: ref, name_en, kind, destination (required); name_zh, sector, chain, origin, "
            + "organisations, status, signed, construction_start, operational, investment_cny_100m, investment_amount, "
            + "investment_currency, investment_basis, jobs, area_km2, lon, lat, metrics (key=value;…), source. A blank cell leaves "
            + "the stored value as it is.",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = """
                    ref,name_en,kind,sector,origin,destination,status,signed,investment_cny_100m,jobs,metrics
                    baodi-zgc-science-town,Baodi Beijing-Tianjin Zhongguancun Science Town,science-park,high-tech,110108,120115,operational,2013,176,10000,business_entities=1500
                    """)),
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "ndjson", value = """
                            {"ref": "bjfu-to-xiongan", "name_en": "Beijing Forestry University to Xiong'an", "kind": "public-service", "origin": "110000", "destination": "133100", "status": "planned"}
                            """))})
    @APIResponse(responseCode = "200", description = "What the feed did", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedReport.class)))
    @APIResponse(responseCode = "202", description = FeedService.ACCEPTED_DESCRIPTION,
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "The run to poll",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedRun.class)))
    @APIResponse(responseCode = "400", description = "mode or Idempotency-Key invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid gateway token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Two rows of one feed move the same project in a way the lifecycle does not allow", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Over the size or row limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not CSV or NDJSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Atomic mode and some rows are invalid (each listed with line and column), or the Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(InputStream body,
                           @Parameter(description = "text/csv or application/x-ndjson", example = "text/csv") @HeaderParam("Content-Type") String contentType,
                           @Parameter(description = "atomic (default): one bad row and nothing is written; partial: the good rows are applied", example = "partial")
                           @QueryParam("mode") String mode,
                           @Parameter(description = "Makes a retry return the first report without applying anything again", example = "projects-2026-01-15")
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Parameter(description = FeedService.PREFER_DESCRIPTION, example = "respond-async") @HeaderParam("Prefer") String prefer,
                           @Context HttpHeaders headers) {
        return feeds.submit(handler, new FeedService.FeedRequest(body, contentType, FeedMode.parse(mode), idempotencyKey, prefer,
                headers.getLength()));
    }
}
