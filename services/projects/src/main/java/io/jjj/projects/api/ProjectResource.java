package io.jjj.projects.api;

import io.jjj.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import io.jjj.platform.formats.Formats;
import io.jjj.platform.formats.Listing;
import io.jjj.platform.http.ConditionalWrites;
import io.jjj.platform.input.QueryParams;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jjj.platform.http.PublicLinks;
import io.jjj.platform.input.Dates;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Regions;
import io.jjj.platform.sources.Sources;
import io.jjj.projects.domain.Lifecycle;
import io.jjj.projects.domain.Project;
import io.jjj.projects.domain.ProjectDraft;
import io.jjj.projects.domain.ProjectFilter;
import io.jjj.projects.domain.ProjectJdbcQueries;
import io.jjj.projects.domain.ProjectRules;
import io.jjj.projects.domain.ProjectService;
import io.jjj.projects.domain.SearchText;
import io.jjj.platform.parked.ParkedEventResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Path("/api/projects")
@Tag(name = "projects", description = "Registry of relocation and cooperation projects")
public class ProjectResource {

    private final ParkedEventResource parked;

    /** Sort keys clients may use, and the columns behind them. */
    private static final Map<String, String> SORT_KEYS = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("ref", "ref"), Map.entry("nameEn", "name_en"), Map.entry("kind", "kind"),
            Map.entry("status", "status"), Map.entry("origin", "origin"), Map.entry("destination", "destination"),
            Map.entry("signed", "signed"), Map.entry("operational", "operational"),
            Map.entry("investmentCny100m", "investment_cny_100m"), Map.entry("jobs", "jobs"));

    private static final Set<String> DRAFT_FIELDS = new HashSet<>(Arrays.stream(ProjectDraft.class.getRecordComponents())
            .map(RecordComponent::getName).toList());

    private final ProjectService service;
    private final ProjectJdbcQueries queries;
    private final Regions regions;
    private final ObjectMapper json;
    private final Sources sources;
    private final PublicLinks links;

    public ProjectResource(ProjectService service, ProjectJdbcQueries queries, Regions regions, ObjectMapper json, Sources sources,
                           PublicLinks links, ParkedEventResource parked) {
        this.parked = parked;
        this.service = service;
        this.queries = queries;
        this.regions = regions;
        this.json = json;
        this.sources = sources;
        this.links = links;
    }

    /** This service's parked events, for admins: {@code /api/<service>/events/parked}. */
    @Path("/events/parked")
    public ParkedEventResource parkedEvents() {
        return parked;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Formats.CSV, Formats.GEOJSON})
    @Operation(operationId = "listProjects", summary = "List projects with filters, sorting and paging, as JSON, CSV or GeoJSON")
    @APIResponse(responseCode = "200", description = "A page of projects; Link and X-Total-Count headers page through the rest",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectPage.class)),
                    @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Formats.GEOJSON, schema = @Schema(type = SchemaType.OBJECT, description = "FeatureCollection, one Point feature per project"))})
    public Response list(
            @Parameter(description = "Origin region or group; a province includes its cities and districts, a group its members", example = "110000")
            @QueryParam("origin") String origin,
            @Parameter(description = "Destination region or group, with the same inclusion", example = "130000")
            @QueryParam("destination") String destination,
            @Parameter(description = "Kinds, comma-separated", example = "relocation,industrial-transfer") @QueryParam("kind") String kind,
            @Parameter(description = "Sectors, comma-separated", example = "education") @QueryParam("sector") String sector,
            @Parameter(description = "Industrial chains, comma-separated", example = "biomedicine") @QueryParam("chain") String chain,
            @Parameter(description = "Statuses, comma-separated (planned means proposed)", example = "signed,approved") @QueryParam("status") String status,
            @Parameter(description = "Signed on or after: YYYY or YYYY-MM-DD", example = "2014") @QueryParam("signedFrom") String signedFrom,
            @Parameter(description = "Signed on or before: YYYY (through 31 December) or YYYY-MM-DD", example = "2018") @QueryParam("signedTo") String signedTo,
            @Parameter(description = "Full text over names (English and Chinese), ref and organisations; words match by prefix", example = "Zhongguancun")
            @QueryParam("q") String q,
            @Parameter(description = "minLon,minLat,maxLon,maxLat", example = "115.0,38.5,119.0,40.5") @QueryParam("bbox") String bbox,
            @Parameter(description = "Projects as they stood on this date (YYYY-MM-DD)", example = "2016-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = "Comma-separated keys, '-' for descending: id, ref, nameEn, kind, status, origin, destination, signed, operational, investmentCny100m, jobs",
                    example = "-signed,id") @QueryParam("sort") String sort,
            @Parameter(description = "Page number from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1..1000 (default 50)", example = "50") @QueryParam("size") String size,
            @Parameter(description = "json, csv or geojson; overrides Accept", example = "geojson") @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Listing.Negotiated<Project> answer = Listing.<Project>json().csv(ProjectListing::csv).geoJson(ProjectListing::geoJson)
                .negotiate(format, headers);
        ProjectFilter filter = new ProjectFilter(area("origin", origin), area("destination", destination),
                QueryParams.list("kind", kind, ProjectRules.KINDS), QueryParams.list("sector", sector, null),
                QueryParams.list("chain", chain, null), statuses(status),
                QueryParams.dateOrYear("signedFrom", signedFrom, false), QueryParams.dateOrYear("signedTo", signedTo, true),
                search(q), QueryParams.bbox(bbox), Dates.parameter("asOf", asOf), sort(sort));
        return answer.ok(queries.list(filter, PageRequest.parse(page, size)), uri);
    }

    @POST
    @RolesAllowed(Roles.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProject", summary = "Register a project; the registry assigns its id")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectDraft.class), examples = @ExampleObject(name = "relocation", value = """
                    {"ref": "beijing-zoo-market-langfang", "nameEn": "Zoo market traders to Langfang", "kind": "market-relocation",
                     "sector": "wholesale", "origin": "110102", "destination": "131000", "status": "signed", "signed": "2015-03-01",
                     "investment": {"amount": 12, "currency": "CNY", "basis": "pledged"}, "jobs": 3000,
                     "metrics": {"merchants": 1200}, "sources": ["TANG2018"]}""")))
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag point at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @APIResponse(responseCode = "400", description = "Invalid project: unknown region, same origin and destination, negative money or jobs, unknown currency, dates out of order, malformed metrics",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ref is already registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(ProjectDraft draft) {
        Project p = service.create(requireBody(draft));
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, links.to("/api/projects/" + p.id()))
                .tag(ConditionalWrites.entityTag(p.version())).entity(p).build();
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProject", summary = "One project, now or as it stood on a date")
    @APIResponse(responseCode = "200", description = "The project; the ETag (current state only) goes into If-Match on writes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectWithSources.class)))
    @APIResponse(responseCode = "404", description = "No such project (or none yet on asOf)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Project id", example = "P-000001") @PathParam("id") String id,
                        @Parameter(description = "As it stood on this date (YYYY-MM-DD)", example = "2015-06-30") @QueryParam("asOf") String asOf) {
        LocalDate date = Dates.parameter("asOf", asOf);
        Project p = service.get(id, date);
        Response.ResponseBuilder ok = Response.ok(new ProjectWithSources(p, sources.citations(p.sources())));
        return (date == null ? ok.tag(ConditionalWrites.entityTag(p.version())) : ok).build();
    }

    @PUT
    @RolesAllowed(Roles.WRITE)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceProject", summary = "Replace a project's attributes (If-Match required); a status change must follow the lifecycle")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectDraft.class),
            examples = @ExampleObject(name = "replace", value = """
                    {"ref": "baodi-zgc-science-town", "nameEn": "Baodi Zhongguancun Science Town", "kind": "science-park",
                     "sector": "high-tech", "origin": "110108", "destination": "120115", "status": "operational", "signed": "2013",
                     "investment": {"amount": 176, "currency": "CNY", "basis": "pledged"}, "jobs": 12000}""")))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @APIResponse(responseCode = "409", description = "The status change skips the lifecycle; names the allowed next states", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@Parameter(description = "Project id", example = "P-000001") @PathParam("id") String id,
                            @Parameter(description = "ETag of the last read", example = "\"3\"") @HeaderParam(ConditionalWrites.IF_MATCH) String ifMatch,
                            ProjectDraft draft) {
        Project p = service.replace(id, requireBody(draft), ifMatch);
        return Response.ok(p).tag(ConditionalWrites.entityTag(p.version())).build();
    }

    @PATCH
    @RolesAllowed(Roles.WRITE)
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchProject", summary = "Change some attributes with a JSON merge patch (If-Match required)")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = ProjectDraft.class),
            examples = @ExampleObject(name = "jobs", value = "{\"jobs\": 12000, \"chain\": \"hydrogen energy\", \"nameZh\": null}")))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @APIResponse(responseCode = "409", description = "The status change skips the lifecycle", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@Parameter(description = "Project id", example = "P-000001") @PathParam("id") String id,
                          @Parameter(description = "ETag of the last read", example = "\"3\"") @HeaderParam(ConditionalWrites.IF_MATCH) String ifMatch,
                          JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("A merge patch is a JSON object of the fields to change");
        }
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!DRAFT_FIELDS.contains(name)) {
                throw ProblemException.badRequest("unknown field '" + name + "'", FieldError.field(name, "unknown field"));
            }
        }
        Project p = service.patch(id, current -> merge(current, (ObjectNode) patch), ifMatch);
        return Response.ok(p).tag(ConditionalWrites.entityTag(p.version())).build();
    }

    @POST
    @RolesAllowed(Roles.WRITE)
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeProjectStatus", summary = "Move a project along its lifecycle")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusChange.class),
            examples = @ExampleObject(name = "approve", value = "{\"status\": \"approved\", \"effective\": \"2016-05-01\", \"note\": \"NDRC approval\"}")))
    @APIResponse(responseCode = "200", description = "The project in its new status", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @APIResponse(responseCode = "400", description = "Unknown status, or an effective date in the future or before the current status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The lifecycle does not allow this move; 'allowed' lists the next states", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeStatus(@Parameter(description = "Project id", example = "P-000001") @PathParam("id") String id,
                                 @Parameter(description = "Optional: ETag of the last read", example = "\"3\"") @HeaderParam(ConditionalWrites.IF_MATCH) String ifMatch,
                                 StatusChange change) {
        if (change == null || change.status() == null || change.status().isBlank()) {
            throw ProblemException.badRequest("status is required", FieldError.field("status", "required"));
        }
        Project p = service.changeStatus(id, change.status(), Dates.parameter("effective", change.effective()), change.note(), ifMatch);
        return Response.ok(p).tag(ConditionalWrites.entityTag(p.version())).build();
    }

    @GET
    @PermitAll
    @Path("/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProjectHistory", summary = "Every recorded change of a project, oldest first")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectHistory.class)))
    public ProjectHistory history(@Parameter(description = "Project id", example = "P-000001") @PathParam("id") String id) {
        return ProjectHistory.of(id, service.history(id));
    }

    private ProjectDraft merge(ProjectDraft current, ObjectNode patch) {
        ObjectNode target = json.valueToTree(current);
        mergePatch(target, patch);
        try {
            return json.treeToValue(target, ProjectDraft.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The patched project is not valid JSON for a project: " + e.getOriginalMessage());
        }
    }

    /** RFC 7396: null removes, objects merge, anything else replaces. */
    private static void mergePatch(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isNull()) {
                target.remove(f.getKey());
            } else if (f.getValue().isObject() && target.get(f.getKey()) instanceof ObjectNode inner) {
                mergePatch(inner, f.getValue());
            } else {
                target.set(f.getKey(), f.getValue());
            }
        }
    }

    private Set<String> area(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : raw.split(",")) {
            String c = code.trim();
            if (!regions.isKnown(c)) {
                throw ProblemException.invalidParameter(name, "unknown region or region group '" + c + "'");
            }
            codes.add(c);
            codes.addAll(regions.expand(c));
        }
        return codes;
    }

    private static List<String> statuses(String raw) {
        List<String> values = QueryParams.list("status", raw, null);
        if (values == null) {
            return null;
        }
        return values.stream().map(v -> Lifecycle.parse(v).orElseThrow(() -> ProblemException.invalidParameter("status",
                "unknown status '" + v + "'; one of " + String.join(", ", Lifecycle.ALL)))).distinct().toList();
    }

    private static String search(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > 200) {
            throw ProblemException.invalidParameter("q", "at most 200 characters");
        }
        String query = SearchText.query(q);
        if (query == null) {
            throw ProblemException.invalidParameter("q", "has no word to search for: '" + q + "'");
        }
        return query;
    }

    private static List<String> sort(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of("id");
        }
        Map<String, String> terms = new LinkedHashMap<>();
        for (String key : raw.split(",")) {
            String k = key.trim();
            boolean descending = k.startsWith("-");
            String name = descending ? k.substring(1) : k;
            String column = SORT_KEYS.get(name);
            if (column == null) {
                throw ProblemException.invalidParameter("sort", "unknown sort key '" + name + "'; one of "
                        + String.join(", ", SORT_KEYS.keySet().stream().sorted().toList()));
            }
            terms.putIfAbsent(column, column + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST"));
        }
        terms.putIfAbsent("id", "id");
        return List.copyOf(terms.values());
    }

    private static ProjectDraft requireBody(ProjectDraft draft) {
        if (draft == null) {
            throw ProblemException.badRequest("A project body is required");
        }
        return draft;
    }

    /** The JSON page of projects, for the OpenAPI document. */
    @Schema(name = "ProjectPage")
    record ProjectPage(List<Project> items, @Schema(example = "0") int page, @Schema(example = "50") int size,
                       @Schema(example = "123") long total) {
    }
}
