package io.jjj.platform.parked;

import io.jjj.platform.events.EventJson;
import io.jjj.platform.inbox.EventConsumers;
import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageLinks;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.jjj.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Every service's parked events, for admins: list them, send one again, or discard it. Each service mounts it at
 * {@code /api/<service>/events/parked} with a sub-resource locator on its own root resource: a root path of its own,
 * {@code /api/{service}/…}, would be shadowed by the service's {@code /api/<service>} resources.
 */
@Tag(name = ParkedEventResource.TAG)
@ApplicationScoped
public class ParkedEventResource {

    /** Replaced by the service's own tag in its document. */
    static final String TAG = "parked events";

    /** The listing's JSON shape, for the OpenAPI document. */
    @Schema(name = "ParkedEventPage")
    public record ParkedEventPage(List<ParkedEvent> items, int page, int size, long total) {
    }

    private final ParkedEvents parked;
    private final EventConsumers consumers;

    public ParkedEventResource(ParkedEvents parked, EventConsumers consumers) {
        this.parked = parked;
        this.consumers = consumers;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listParkedEvents", summary = "List the events this service parked, oldest first")
    @APIResponse(responseCode = "200", description = "A page of parked events; Link and X-Total-Count headers page through the rest",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEventPage.class),
                    examples = @ExampleObject(name = "oversized", value = """
                            {"items": [{"id": 7, "kind": "outbox", "eventId": "6f1c2d9e-4b8a-4c1e-9f3a-2b7d5e8c1a90",
                              "type": "jjj.projects.project.status-changed.v1", "subject": "P-000042",
                              "occurredAt": "2026-11-28T10:15:00Z",
                              "error": "RecordTooLargeException: The message is 1049272 bytes when serialized which is larger than 1048576",
                              "attempts": 1, "payloadBytes": 1049172, "parkedAt": "2026-11-28T10:15:01Z"}],
                             "page": 0, "size": 50, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "A paging parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The API key is not an admin's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "Page number from 0", example = "0") @QueryParam("page") String page,
                         @Parameter(description = "Page size, 1..1000 (default 50)", example = "50") @QueryParam("size") String size,
                         @Context UriInfo uri) {
        Page<ParkedEvent> result = parked.list(PageRequest.parse(page, size));
        return PageLinks.ok(result, uri).build();
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retryParkedEvent",
            summary = "Send a parked event again: an outbox event goes back to its place in the outbox, a consumed one to its handler")
    @APIResponse(responseCode = "204", description = "Taken back: the outbox event is queued before its subject's later events, or the consumed event was handled")
    @APIResponse(responseCode = "403", description = "The API key is not an admin's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such parked event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The handler failed again, or its consumer does not run in this instance; the event stays parked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "failed again", value = """
                            {"type": "https://jjj.example/problems/conflict", "title": "Conflict", "status": 409,
                             "detail": "The handler failed again: IllegalStateException: unknown region 999999; the event stays parked",
                             "instance": "/api/indicators/events/parked/7/retry"}""")))
    public Response retry(@Parameter(description = "Id of the parked entry", example = "7") @PathParam("id") long id) {
        ParkedEvents.Entry entry = QuarkusTransaction.requiringNew().call(() -> {
            ParkedEvents.Entry locked = parked.lock(id).orElseThrow(() -> ProblemException.notFound("No parked event " + id));
            if (ParkedEvent.OUTBOX.equals(locked.event().kind())) {
                parked.returnToOutbox(locked);
            }
            return locked;
        });
        if (ParkedEvent.OUTBOX.equals(entry.event().kind())) {
            return Response.noContent().build();
        }
        String consumer = entry.event().consumer();
        try {
            if (consumers.retry(consumer, EventJson.read(entry.payload())).isEmpty()) {
                throw ProblemException.conflict("The consumer " + consumer + " does not run in this instance; the event stays parked");
            }
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            String error = ParkedEvents.describe(e);
            QuarkusTransaction.requiringNew().run(() -> parked.recordFailedRetry(id, error));
            throw ProblemException.conflict("The handler failed again: " + error + "; the event stays parked");
        }
        delete(id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "discardParkedEvent", summary = "Discard a parked event for good; an outbox event's subject flows again")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "403", description = "The API key is not an admin's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such parked event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response discard(@Parameter(description = "Id of the parked entry", example = "7") @PathParam("id") long id) {
        if (!delete(id)) {
            throw ProblemException.notFound("No parked event " + id);
        }
        return Response.noContent().build();
    }

    private boolean delete(long id) {
        return QuarkusTransaction.requiringNew().call(() -> parked.delete(id));
    }

}
