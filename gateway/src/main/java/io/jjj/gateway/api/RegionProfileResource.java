package io.jjj.gateway.api;

import io.jjj.gateway.domain.RegionProfile;
import io.jjj.gateway.domain.RegionProfiles;
import io.jjj.gateway.routing.RequestIds;
import io.jjj.platform.input.Dates;
import io.jjj.platform.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.CompletionStage;

/** A region seen from all three services in one document. */
@PermitAll
@Path("/api/regions/{code}/profile")
@Tag(name = "gateway-views", description = "Views across the services, computed by the gateway")
@Produces(MediaType.APPLICATION_JSON)
public class RegionProfileResource {

    private final RegionProfiles profiles;

    public RegionProfileResource(RegionProfiles profiles) {
        this.profiles = profiles;
    }

    @GET
    @Operation(operationId = "getRegionProfile", summary = "Profile of a region across all services",
            description = "The region, its latest indicators, projects in and out (counts, investment, the largest) and the fastest "
                    + "travel time to Beijing, Tianjin and Xiong'an, fetched from the services in parallel. When a service is down "
                    + "its section has status `missing` with the reason, `complete` is false, and the other sections are returned.")
    @APIResponse(responseCode = "200", description = "The profile (check `complete` and `missing`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionProfile.class)))
    @APIResponse(responseCode = "400", description = "Invalid asOf, or a region group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<RegionProfile> profile(
            @Parameter(description = "Region code (GB/T 2260)", example = "120000") @PathParam("code") String code,
            @Parameter(description = "Read the data as it stood on this date (YYYY-MM-DD)", example = "2024-12-31") @QueryParam("asOf") String asOf,
            @HeaderParam(RequestIds.HEADER) String requestId) {
        return profiles.profile(code, Dates.parameter("asOf", asOf), requestId).toCompletionStage();
    }
}
