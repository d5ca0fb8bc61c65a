package io.jjj.platform.feeds;

import io.quarkus.arc.properties.IfBuildProperty;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import io.jjj.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/**
 * The status of a feed answered 202. Every service's feed resource mounts it at {@code /api/<service>/feeds/runs}
 * (the sub-resource locator of {@link FeedEndpoint}), so all of them serve runs at the same path, from this one place.
 */
@IfBuildProperty(name = "jjj.feeds.enabled", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class FeedRunResource {

    private final FeedRuns runs;

    public FeedRunResource(FeedRuns runs) {
        this.runs = runs;
    }

    @GET
    @RolesAllowed(Roles.WRITE)
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getFeedRun", summary = "Where a feed answered 202 stands: queued, running (rows read so far), "
            + "succeeded (with its report) or failed (with its problem)")
    @APIResponse(responseCode = "200", description = "The run; poll until state is succeeded or failed",
            headers = @Header(name = "Retry-After", description = "Seconds until polling again is useful, while unfinished"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedRun.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "The run id from the feed's Location", example = "0f5c1a9e-3b2d-4c7e-9a61-2d8e4b7c9f10") @PathParam("id") String id) {
        FeedRun run = parse(id).flatMap(runs::find)
                .orElseThrow(() -> ProblemException.notFound("No feed run " + id));
        Response.ResponseBuilder response = Response.ok(run);
        if (!run.finished()) {
            response.header("Retry-After", "1");
        }
        return response.build();
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
