package io.jjj.indicators.api;

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

/** This service's feeds: {@code POST /api/indicators/feeds/catalogue}, {@code /observations} and {@code /regions}. */
@Path("/api/indicators/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indicators")
public class FeedResource extends FeedEndpoint {

    public FeedResource(FeedService feeds, FeedRunResource runs) {
        super(feeds, runs);
    }

    @POST
    @Path("/catalogue")
    @RolesAllowed(Roles.WRITE)
    @Operation(operationId = "feedIndicatorCatalogue", summary = "Load catalogue entries: rows code,name_en,name_zh,unit,frequency,description,source,additive")
    @RequestBody(required = true, description = "additive defaults from the unit (currency, counts, persons, km add up; percent, "
            + "ratios, concentrations do not)", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = """
                    code,name_en,name_zh,unit,frequency,description
                    va.tertiary,Value added of the tertiary industry,第三产业增加值,CNY 100 million,annual,Services value added at current prices
                    """)),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "ndjson",
                    value = "{\"code\":\"pm25.mean\",\"name_en\":\"PM2.5 annual mean concentration\",\"unit\":\"µg/m³\",\"frequency\":\"annual\"}"))})
    public Response catalogue(InputStream body, @BeanParam FeedParameters parameters) {
        return submit("catalogue", body, parameters);
    }

    @POST
    @Path("/observations")
    @RolesAllowed(Roles.WRITE)
    @Operation(operationId = "feedObservations", summary = "Load observations: CSV or NDJSON rows indicator,region,period,value,status,source,published,note")
    @RequestBody(required = true, description = "status defaults to published, published to today; a new value for a known "
            + "observation becomes a new vintage, an equal one changes nothing", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = """
                    indicator,region,period,value,status,source,published
                    va.tertiary,110000,2013,14986.5,published,TANG2018,2018-11-01
                    va.tertiary,120000,2013,6905.03,published,TANG2018,2018-11-01
                    """)),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "ndjson",
                    value = "{\"indicator\":\"va.tertiary\",\"region\":\"110000\",\"period\":\"2013\",\"value\":14986.5,\"source\":\"TANG2018\",\"published\":\"2018-11-01\"}"))})
    public Response observations(InputStream body, @BeanParam FeedParameters parameters) {
        return submit("observations", body, parameters);
    }

    @POST
    @Path("/regions")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "feedRegions", summary = "Add regions and changes with their dates (admin scope): rows code,name_en,name_zh,level,parent,"
            + "administered_by,valid_from,valid_to,lon,lat,point_source,source,source_date,source_citation,predecessors,change_kind,change_note")
    @RequestBody(required = true, description = "A row replaces the region with its code; predecessors record a change into it on "
            + "valid_from and end the predecessors then. Every service takes the update from the event it publishes, without a restart",
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = """
                            code,name_en,name_zh,level,parent,valid_from,source,source_citation,predecessors,change_kind
                            130199,Example New District,示例新区,county,130100,2030-01-01,GOV2030,"Example gazette, 2029-12-01",130102;130104,merge
                            """)),
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "ndjson",
                            value = "{\"code\":\"130199\",\"name_en\":\"Example New District\",\"name_zh\":\"示例新区\",\"level\":\"county\",\"parent\":\"130100\",\"source\":\"NBS2023\"}"))})
    public Response regions(InputStream body, @BeanParam FeedParameters parameters) {
        return submit("regions", body, parameters);
    }
}
