package io.jjj.projects.api;

import io.jjj.platform.feeds.FeedEndpoint;
import io.jjj.platform.feeds.FeedParameters;
import io.jjj.platform.feeds.FeedRunResource;
import io.jjj.platform.feeds.FeedService;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** The registry's feed: {@code POST /api/projects/feeds/projects}. */
@Path("/api/projects/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects")
public class ProjectFeedResource extends FeedEndpoint {

    public ProjectFeedResource(FeedService feeds, FeedRunResource runs) {
        super(feeds, runs);
    }

    @POST
    @Path("/projects")
    @RolesAllowed(Roles.WRITE)
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
    @APIResponse(responseCode = "409", description = "Two rows of one feed move the same project in a way the lifecycle does not allow",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response projects(InputStream body, @BeanParam FeedParameters parameters) {
        return submit("projects", body, parameters);
    }
}
