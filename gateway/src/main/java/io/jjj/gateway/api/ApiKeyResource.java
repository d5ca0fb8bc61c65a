package io.jjj.gateway.api;

import io.jjj.gateway.domain.ApiKeyService;
import io.jjj.gateway.domain.ApiKeyView;
import io.jjj.platform.http.ConditionalWrites;
import io.jjj.platform.http.PublicLinks;
import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageLinks;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Admin: create, list and revoke API keys (the gateway checks the {@code admin} scope before these run). */
@RolesAllowed(Roles.ADMIN)
@Path("/api/keys")
@Tag(name = "gateway-keys", description = "API keys and their scopes (admin only)")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    @Schema(name = "ApiKeyRequest", description = "A key to create")
    public record KeyRequest(
            @Schema(description = "Who uses the key", example = "hebei-stats-bureau") String name,
            @Schema(description = "What the key may write: indicators:write, projects:write, transport:write or admin",
                    example = "[\"indicators:write\"]") List<String> scopes) {
    }

    @Schema(name = "ApiKeyInfo", description = "A stored API key (its secret is never shown again)")
    public record KeyInfo(
            @Schema(example = "5b0f6f1e-4a52-4b84-9a35-0d5e2f6c7a11") UUID id,
            @Schema(example = "hebei-stats-bureau") String name,
            @Schema(example = "[\"indicators:write\"]") List<String> scopes,
            @Schema(example = "2026-11-22T10:00:00Z") Instant created) {

        static KeyInfo of(ApiKeyView key) {
            return new KeyInfo(key.id(), key.name(), key.scopes(), key.createdAt());
        }
    }

    @Schema(name = "ApiKeyCreated", description = "A new key with its secret, shown this once")
    public record KeyCreated(
            @Schema(example = "5b0f6f1e-4a52-4b84-9a35-0d5e2f6c7a11") UUID id,
            @Schema(example = "hebei-stats-bureau") String name,
            @Schema(example = "[\"indicators:write\"]") List<String> scopes,
            @Schema(example = "2026-11-22T10:00:00Z") Instant created,
            @Schema(description = "The secret: send it as X-API-Key or Authorization: Bearer; it is not stored and cannot be shown again",
                    example = "jjj_q3Yb0c8hS1q0m6yq3Jw7wq4n8m2vQ0bX5z1cR9tE2uA") String secret) {
    }

    @Schema(name = "ApiKeyPage", description = "One page of API keys")
    public record KeyPage(List<KeyInfo> items, @Schema(example = "0") int page, @Schema(example = "50") int size,
                          @Schema(example = "3") long total) {
    }

    private final ApiKeyService keys;
    private final PublicLinks links;

    public ApiKeyResource(ApiKeyService keys, PublicLinks links) {
        this.keys = keys;
        this.links = links;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Returns the secret once; only its SHA-256 is stored. Needs the admin scope.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = KeyRequest.class),
            examples = @ExampleObject(name = "feed pusher", value = "{\"name\":\"hebei-stats-bureau\",\"scopes\":[\"indicators:write\"]}")))
    @APIResponse(responseCode = "201", description = "Created; the secret is in the body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyCreated.class)))
    @APIResponse(responseCode = "409", description = "An active key has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(KeyRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body with name and scopes is required");
        }
        ApiKeyService.CreatedKey created = keys.create(request.name(), request.scopes());
        ApiKeyView key = created.key();
        return Response.created(URI.create(links.to("/api/keys/" + key.id()))).tag(ConditionalWrites.entityTag(key.version()))
                .entity(new KeyCreated(key.id(), key.name(), key.scopes(), key.createdAt(), created.secret()))
                .build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "List the active API keys", description = "Needs the admin scope.")
    @APIResponse(responseCode = "200", description = "The keys, without secrets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyPage.class)))
    public Response list(
            @Parameter(description = "Page number from 0", example = "0", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(description = "Page size (1-1000)", example = "50", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("size") String size,
            @Context UriInfo uri) {
        Page<KeyInfo> result = keys.list(PageRequest.parse(page, size)).map(KeyInfo::of);
        return PageLinks.headers(Response.ok(new KeyPage(result.items(), result.page(), result.size(), result.total())), result, uri).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getApiKey", summary = "One active API key", description = "Needs the admin scope.")
    @APIResponse(responseCode = "200", description = "The key, without its secret; its ETag is what revoking it sends as If-Match",
            headers = @Header(name = "ETag", description = "The key's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KeyInfo.class)))
    public Response get(@Parameter(description = "Key id", example = "5b0f6f1e-4a52-4b84-9a35-0d5e2f6c7a11") @PathParam("id") String id) {
        ApiKeyView key = keys.get(parseId(id));
        return Response.ok(KeyInfo.of(key)).tag(ConditionalWrites.entityTag(key.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key stops working at once. Send If-Match with the ETag of GET /api/keys/{id}. Needs the admin scope.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@Parameter(description = "Key id", example = "5b0f6f1e-4a52-4b84-9a35-0d5e2f6c7a11") @PathParam("id") String id,
                           @Parameter(description = "The key's ETag", required = true, example = "\"0\"") @HeaderParam(ConditionalWrites.IF_MATCH) String ifMatch) {
        keys.revoke(parseId(id), ifMatch);
        return Response.noContent().build();
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("id", "not a key id (UUID): '" + id + "'");
        }
    }
}
