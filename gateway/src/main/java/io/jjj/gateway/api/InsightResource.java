package io.jjj.gateway.api;

import io.jjj.gateway.domain.ReachableInsight;
import io.jjj.gateway.domain.ReachableInsights;
import io.jjj.gateway.routing.RequestIds;
import io.jjj.platform.input.Dates;
import io.jjj.platform.input.QueryParams;
import io.jjj.platform.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.util.concurrent.CompletionStage;

/** Questions that need more than one service. */
@PermitAll
@Path("/api/insights")
@Tag(name = "gateway-views", description = "Views across the services, computed by the gateway")
@Produces(MediaType.APPLICATION_JSON)
public class InsightResource {

    private final ReachableInsights insights;

    public InsightResource(ReachableInsights insights) {
        this.insights = insights;
    }

    @GET
    @Path("/reachable")
    @Operation(operationId = "getReachableInsight", summary = "Sum an indicator over the regions reachable from a station",
            description = "E.g. the resident population within 60 minutes of Xiong'an: the transport isochrone gives the reachable "
                    + "stations, their regions are counted once (outermost region only), and the indicators service gives each "
                    + "region's value; the response explains the method and lists regions without a value.")
    @APIResponse(responseCode = "200", description = "The total with the regions behind it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReachableInsight.class)))
    @APIResponse(responseCode = "404", description = "Unknown station or indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The indicator is not additive (a share, mean, ratio or index)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The transport or indicators service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "504", description = "The transport or indicators service did not answer in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<ReachableInsight> reachable(
            @Parameter(description = "Start station (transport node id)", required = true, example = "XA") @QueryParam("from") String from,
            @Parameter(description = "Travel time budget in minutes (1-1440)", required = true, example = "60") @QueryParam("minutes") String minutes,
            @Parameter(description = "An additive indicator code", required = true, example = "pop.resident") @QueryParam("indicator") String indicator,
            @Parameter(description = "Period (YYYY, YYYY-Qn or YYYY-MM); each region's latest when absent", example = "2023") @QueryParam("period") String period,
            @Parameter(description = "Network and data as they stood on this date (YYYY-MM-DD)", example = "2024-12-31") @QueryParam("asOf") String asOf,
            @HeaderParam(RequestIds.HEADER) String requestId) {
        return insights.reachable(
                QueryParams.required("from", from, "[A-Za-z0-9._-]{1,64}", "a station id such as XA"),
                QueryParams.whole("minutes", minutes, 1, 1440),
                QueryParams.required("indicator", indicator, "[a-z0-9][a-z0-9._-]{0,63}", "an indicator code such as pop.resident"),
                QueryParams.optional("period", period, "\\d{4}(-Q[1-4]|-\\d{2})?", "YYYY, YYYY-Qn or YYYY-MM"),
                Dates.parameter("asOf", asOf), requestId).toCompletionStage();
    }
}
