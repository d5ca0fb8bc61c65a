package io.jjj.platform.openapi;

import io.jjj.platform.http.ConditionalWrites;
import io.jjj.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the standard problem responses to every operation of a service's OpenAPI document, as references to shared
 * {@code components/responses} (each an {@code application/problem+json} {@code Problem}), so resources declare only
 * what is their own. Chosen by the operation's kind:
 * <ul>
 *   <li>every operation: {@code 400} ({@link #INVALID_REQUEST}) and {@code 503} ({@link #DATABASE_UNAVAILABLE}, unless
 *       {@code jjj.openapi.standard-responses.database=false}, for an application without a database);</li>
 *   <li>an operation with a path parameter: {@code 404} ({@link #NOT_FOUND});</li>
 *   <li>a write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}): {@code 401}, {@code 403}; with a request
 *       body also {@code 413} and {@code 422};</li>
 *   <li>an operation with an {@code If-Match} header parameter: {@code 412} and {@code 428}.</li>
 * </ul>
 * A response code the operation declares itself ({@code @APIResponse}) is kept as it is: the filter never overwrites.
 * {@code 500} is not documented, nor {@code 429} (the gateway's). The whole filter is off with
 * {@code jjj.openapi.standard-responses.enabled=false}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class StandardProblemResponses implements OASFilter {

    public static final String INVALID_REQUEST = "InvalidRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String TOO_LARGE = "ContentTooLarge";
    public static final String UNPROCESSABLE = "UnprocessableContent";
    public static final String PRECONDITION_REQUIRED = "PreconditionRequired";
    public static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";

    /** Component name → (status, description), in the order they are added to components. */
    static final Map<String, Map.Entry<String, String>> RESPONSES = new LinkedHashMap<>();

    static {
        RESPONSES.put(INVALID_REQUEST, Map.entry("400", "A parameter, header or body value is invalid; the problem names it in errors[].field"));
        RESPONSES.put(UNAUTHORIZED, Map.entry("401", "No valid gateway token: send the call through the gateway with an API key"));
        RESPONSES.put(FORBIDDEN, Map.entry("403", "The API key's scopes do not allow this operation"));
        RESPONSES.put(NOT_FOUND, Map.entry("404", "No resource with this identifier"));
        RESPONSES.put(PRECONDITION_FAILED, Map.entry("412", "If-Match does not match the current ETag (or the resource does not exist); read it again"));
        RESPONSES.put(TOO_LARGE, Map.entry("413", "The request body is larger than this operation accepts"));
        RESPONSES.put(UNPROCESSABLE, Map.entry("422", "The body is well-formed but its content cannot be applied; the problem lists each error"));
        RESPONSES.put(PRECONDITION_REQUIRED, Map.entry("428", "If-Match is required to change an existing resource: send the ETag of your last read"));
        RESPONSES.put(DATABASE_UNAVAILABLE, Map.entry("503", "The database cannot be reached right now; retry after the seconds in Retry-After"));
    }

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("jjj.openapi.standard-responses.enabled", Boolean.class).orElse(true)) {
            return;
        }
        boolean database = config.getOptionalValue("jjj.openapi.standard-responses.database", Boolean.class).orElse(true);
        apply(openAPI, database);
    }

    /** Adds the components and the references; visible for tests. */
    static void apply(OpenAPI openAPI, boolean database) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null
                || openAPI.getPaths().getPathItems().isEmpty()) {
            return;
        }
        addComponents(openAPI);
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            List<Parameter> shared = item.getParameters() == null ? List.of() : item.getParameters();
            item.getOperations().forEach((method, operation) -> {
                List<Parameter> parameters = new java.util.ArrayList<>(shared);
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                standardFor(method, operation, parameters, database);
            });
        }
    }

    private static void standardFor(PathItem.HttpMethod method, Operation operation, List<Parameter> parameters,
                                    boolean database) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        add(responses, INVALID_REQUEST);
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            add(responses, NOT_FOUND);
        }
        if (WRITES.contains(method)) {
            add(responses, UNAUTHORIZED);
            add(responses, FORBIDDEN);
            if (operation.getRequestBody() != null) {
                add(responses, TOO_LARGE);
                add(responses, UNPROCESSABLE);
            }
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && ConditionalWrites.IF_MATCH.equalsIgnoreCase(p.getName()))) {
            add(responses, PRECONDITION_FAILED);
            add(responses, PRECONDITION_REQUIRED);
        }
        if (database) {
            add(responses, DATABASE_UNAVAILABLE);
        }
    }

    private static void add(APIResponses responses, String component) {
        String code = RESPONSES.get(component).getKey();
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }

    private static void addComponents(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            components.addSchema("Problem", problemSchema());
        }
        RESPONSES.forEach((name, codeAndDescription) -> {
            if (components.getResponses() == null || !components.getResponses().containsKey(name)) {
                components.addResponse(name, problemResponse(codeAndDescription.getValue()));
            }
        });
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }

    /** The Problem schema, for a document in which no annotation referred to it. */
    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
