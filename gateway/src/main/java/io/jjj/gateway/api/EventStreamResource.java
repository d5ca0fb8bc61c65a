package io.jjj.gateway.api;

import io.jjj.gateway.config.GatewayConfig;
import io.jjj.gateway.events.EventFilter;
import io.jjj.gateway.events.EventRelay;
import io.jjj.gateway.events.SseSubscriber;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.regions.Regions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Live events of the three services as Server-Sent Events. */
@Path("/api/events")
@Tag(name = "gateway-events", description = "Live events of all services (Server-Sent Events)")
public class EventStreamResource {

    private final EventRelay relay;
    private final Regions regions;
    private final GatewayConfig config;

    public EventStreamResource(EventRelay relay, Regions regions, GatewayConfig config) {
        this.relay = relay;
        this.regions = regions;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamEvents", summary = "Subscribe to live events",
            description = "Relays the CloudEvents of jjj.indicators.v1, jjj.projects.v1 and jjj.transport.v1 as they are published "
                    + "(from the moment of subscribing). Each SSE message has `id` = the CloudEvent id, `event` = its type and "
                    + "`data` = the CloudEvent JSON. After a reconnect, `Last-Event-ID` replays what was missed from the "
                    + "gateway's buffer of recent events (bounded in count and bytes; it survives a gateway restart, which reads "
                    + "back recent events from Kafka). A client that reads too slowly is sent a `retry` hint and the stream "
                    + "ends; it resumes with `Last-Event-ID`. The AsyncAPI document at /asyncapi.yaml describes the events.")
    @APIResponse(responseCode = "200", description = "An event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "one event", value = "id: 7d0c5a4e-8d0e-4a8a-bb64-3f3c3c1f0f55\n"
                            + "event: jjj.projects.project.status-changed.v1\n"
                            + "data: {\"specversion\":\"1.0\",\"id\":\"7d0c5a4e-8d0e-4a8a-bb64-3f3c3c1f0f55\",\"type\":\"jjj.projects.project.status-changed.v1\",\"data\":{\"destination\":\"120115\"}}\n")))
    @APIResponse(responseCode = "400", description = "Unknown region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The gateway serves its limit of event streams, or is still reading back "
            + "recent events after a start; retry after the `Retry-After` seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(
            @Parameter(description = "Comma list of event types or type prefixes", example = "jjj.projects.,jjj.transport.link.opened.v1")
            @QueryParam("types") String types,
            @Parameter(description = "Only events whose data mentions this region or a region inside it (destination, origin, "
                    + "fromRegion, toRegion, region); a region code or group", example = "120000")
            @QueryParam("region") String region,
            @Parameter(description = "Resume after this event id (sent by EventSource on reconnect)", example = "7d0c5a4e-8d0e-4a8a-bb64-3f3c3c1f0f55")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        if (region != null && !region.isBlank()) {
            regions.require("region", region.trim());
        }
        relay.subscribe(new SseSubscriber(EventFilter.of(types, region), sink, sse, config.events()), lastEventId);
    }
}
