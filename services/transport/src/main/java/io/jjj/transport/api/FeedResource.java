package io.jjj.transport.api;

import io.jjj.platform.feeds.FeedEndpoint;
import io.jjj.platform.feeds.FeedParameters;
import io.jjj.platform.feeds.FeedRunResource;
import io.jjj.platform.feeds.FeedService;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** The network's feeds: {@code POST /api/transport/feeds/nodes} and {@code /links}. */
@Path("/api/transport/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG)
public class FeedResource extends FeedEndpoint {

    public FeedResource(FeedService feeds, FeedRunResource runs) {
        super(feeds, runs);
    }

    @POST
    @Path("/nodes")
    @RolesAllowed(Roles.WRITE)
    @Operation(operationId = "feedTransportNodes", summary = "Load stations and junctions: rows id,name_en,kind,region,lon,lat "
            + "and optionally name_zh (the columns of transport-nodes.csv)")
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = "id,name_en,kind,region,lon,lat\nBJS,Beijing South,hsr-station,110000,116.379,39.865\n")),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "ndjson",
                    value = "{\"id\":\"BJS\",\"name_en\":\"Beijing South\",\"kind\":\"hsr-station\",\"region\":\"110000\","
                            + "\"lon\":116.379,\"lat\":39.865}\n"))})
    public Response nodes(InputStream body, @BeanParam FeedParameters parameters) {
        return submit("nodes", body, parameters);
    }

    @POST
    @Path("/links")
    @RolesAllowed(Roles.WRITE)
    @Operation(operationId = "feedTransportLinks", summary = "Load links between nodes: rows from,to,mode,distance_km,minutes,opened "
            + "and optionally id, line, closed, bidirectional, source (the columns of transport-links.csv)")
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = "from,to,mode,line,distance_km,minutes,opened,source\n"
                            + "BJS,TJ,hsr,Beijing-Tianjin intercity,120,30,2008-08-01,BR2023\n")),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "ndjson",
                    value = "{\"from\":\"BJS\",\"to\":\"TJ\",\"mode\":\"hsr\",\"line\":\"Beijing-Tianjin intercity\","
                            + "\"distance_km\":120,\"minutes\":30,\"opened\":\"2008-08-01\",\"source\":\"BR2023\"}\n"))})
    public Response links(InputStream body, @BeanParam FeedParameters parameters) {
        return submit("links", body, parameters);
    }
}
