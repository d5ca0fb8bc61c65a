package io.jjj.indicators.api;

import io.jjj.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import io.jjj.indicators.api.IndicatorViews.IndicatorBody;
import io.jjj.indicators.api.IndicatorViews.IndicatorPage;
import io.jjj.indicators.api.IndicatorViews.IndicatorView;
import io.jjj.indicators.api.IndicatorViews.SourceBody;
import io.jjj.indicators.api.IndicatorViews.SourceView;
import io.jjj.indicators.domain.Catalogue;
import io.jjj.indicators.domain.CatalogueService;
import io.jjj.indicators.domain.Frequency;
import io.jjj.indicators.domain.Indicator;
import io.jjj.indicators.domain.IndicatorRules;
import io.jjj.indicators.domain.Source;
import io.jjj.platform.parked.ParkedEventResource;
import io.jjj.platform.paging.Page;
import io.jjj.platform.formats.Listing;
import io.jjj.platform.http.ConditionalWrites;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indicators", description = "Regional statistics with vintages, transforms and feeds")
public class IndicatorResource {

    private final ParkedEventResource parked;

    private final Catalogue catalogue;
    private final CatalogueService service;

    public IndicatorResource(Catalogue catalogue, CatalogueService service, ParkedEventResource parked) {
        this.parked = parked;
        this.catalogue = catalogue;
        this.service = service;
    }

    /** This service's parked events, for admins: {@code /api/<service>/events/parked}. */
    @Path("/events/parked")
    public ParkedEventResource parkedEvents() {
        return parked;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listIndicators", summary = "The indicator catalogue: codes, names, units with scale, frequency, additivity")
    @APIResponse(responseCode = "200", description = "One page of the catalogue, sorted by code; Link and X-Total-Count headers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorPage.class)))
    public Response list(
            @Parameter(description = "Only this frequency", example = "annual") @QueryParam("frequency") String frequency,
            @Parameter(description = "Words to find in the code or the English or Chinese name", example = "tertiary") @QueryParam("q") String q,
            @Parameter(description = "Page number from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 1000 (default 50)", example = "50") @QueryParam("size") String size,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        PageRequest request = PageRequest.parse(page, size);
        Frequency f = frequency == null ? null : Frequency.parse(frequency).orElseThrow(() -> ProblemException.invalidParameter(
                "frequency", "must be annual, quarterly or monthly, was '" + frequency + "'"));
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT).trim();
        return Listing.<IndicatorView>json().json(IndicatorPage::of).respond(null, headers, uri, () -> Page.slice(
                catalogue.indicators().values().stream()
                        .filter(i -> f == null || i.frequency() == f)
                        .filter(i -> needle == null || matches(i, needle))
                        .map(IndicatorView::of).toList(), request));
    }

    private static boolean matches(Indicator i, String needle) {
        return i.code().contains(needle) || i.nameEn().toLowerCase(Locale.ROOT).contains(needle)
                || (i.nameZh() != null && i.nameZh().contains(needle));
    }

    @GET
    @PermitAll
    @Path("/{code}")
    @Operation(operationId = "getIndicator", summary = "One catalogue entry, with its ETag for changes")
    @APIResponse(responseCode = "200", description = "The entry",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to change the entry", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class)))
    public Response get(@Parameter(description = "Indicator code", example = "va.tertiary") @PathParam("code") String code) {
        Indicator i = catalogue.indicator(code).orElseThrow(() -> ProblemException.notFound(
                "No indicator '" + code + "'; /api/indicators lists the catalogue"));
        return Response.ok(IndicatorView.of(i)).tag(ConditionalWrites.entityTag(i.version())).build();
    }

    @PUT
    @RolesAllowed(Roles.WRITE)
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putIndicator", summary = "Define an indicator, or change one (If-Match with its ETag)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IndicatorBody.class),
            examples = @ExampleObject(name = "tertiary", value = """
                    {"nameEn": "Value added of the tertiary industry", "nameZh": "第三产业增加值", "unit": "CNY 100 million",
                     "frequency": "annual", "description": "Services value added at current prices", "source": "TANG2018"}""")))
    @APIResponse(responseCode = "200", description = "Changed (or unchanged: the same definition)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "201", description = "Defined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "409", description = "The frequency of an indicator with data cannot change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(
            @Parameter(description = "Indicator code: lower-case words joined by dots", example = "va.tertiary") @PathParam("code") String code,
            @Parameter(description = "The ETag from GET, required to change an existing entry", example = "\"3\"") @HeaderParam(ConditionalWrites.IF_MATCH) String ifMatch,
            @Parameter(description = "* to define the entry only if it does not exist yet", example = "*") @HeaderParam(ConditionalWrites.IF_NONE_MATCH) String ifNoneMatch,
            IndicatorBody body) {
        if (body == null) {
            throw ProblemException.badRequest("A JSON body with the definition is required", FieldError.field("body", "required"));
        }
        IndicatorRules.Draft draft = new IndicatorRules.Draft(code, body.nameEn(), body.nameZh(), body.unit(), body.frequency(),
                body.description(), body.source(), body.additive() == null ? null : body.additive().toString());
        CatalogueService.Saved saved = service.define(draft, ifMatch, ifNoneMatch);
        return Response.status(saved.created() ? 201 : 200).entity(IndicatorView.of(saved.indicator())).tag(ConditionalWrites.entityTag(saved.indicator().version())).build();
    }

    @GET
    @PermitAll
    @Path("/sources")
    @Operation(operationId = "listIndicatorSources", summary = "The publications observations cite, by source id")
    @APIResponse(responseCode = "200", description = "Every source, sorted by id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class, type = SchemaType.ARRAY)))
    public Response sources(@Context HttpHeaders headers) {
        return Listing.<SourceView>json().negotiate(null, headers).all(catalogue.listSources().stream().map(SourceView::of).toList());
    }

    @GET
    @PermitAll
    @Path("/sources/{id}")
    @Operation(operationId = "getIndicatorSource", summary = "One source, with its ETag for changes")
    @APIResponse(responseCode = "200", description = "The source",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to change the citation", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    public Response source(@Parameter(description = "Source id", example = "TANG2018") @PathParam("id") String id) {
        Source source = catalogue.source(id).orElseThrow(() -> ProblemException.notFound(
                "No source '" + id + "'; /api/indicators/sources lists them"));
        return Response.ok(SourceView.of(source)).tag(ConditionalWrites.entityTag(source.version())).build();
    }

    @PUT
    @RolesAllowed(Roles.WRITE)
    @Path("/sources/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putIndicatorSource", summary = "Define a source, or change its citation (If-Match with its ETag)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceBody.class),
            examples = @ExampleObject(name = "yearbook", value = "{\"citation\": \"Beijing Statistical Yearbook 2024, table 2-1\"}")))
    @APIResponse(responseCode = "200", description = "Changed (or unchanged: the same citation)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    @APIResponse(responseCode = "201", description = "Defined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    public Response putSource(@Parameter(description = "Source id", example = "BJYB2024") @PathParam("id") String id,
                              @Parameter(description = "The ETag from GET, required to change an existing source", example = "\"1\"") @HeaderParam(ConditionalWrites.IF_MATCH) String ifMatch,
                              @Parameter(description = "* to define the source only if it does not exist yet", example = "*") @HeaderParam(ConditionalWrites.IF_NONE_MATCH) String ifNoneMatch,
                              SourceBody body) {
        CatalogueService.SavedSource saved = service.defineSource(id, body == null ? null : body.citation(), ifMatch, ifNoneMatch);
        return Response.status(saved.created() ? 201 : 200).entity(SourceView.of(saved.source())).tag(ConditionalWrites.entityTag(saved.source().version())).build();
    }
}
