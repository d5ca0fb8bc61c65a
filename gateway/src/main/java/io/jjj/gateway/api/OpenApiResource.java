package io.jjj.gateway.api;

import io.jjj.gateway.openapi.CombinedOpenApi;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.concurrent.CompletionStage;

/** The combined OpenAPI document of the gateway and the services behind it. */
@PermitAll
@Path("/")
public class OpenApiResource {

    private final CombinedOpenApi openApi;

    public OpenApiResource(CombinedOpenApi openApi) {
        this.openApi = openApi;
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public CompletionStage<Response> json() {
        return openApi.current().thenApply(r -> Response.ok(r.json()).header("Cache-Control", "no-cache").build());
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    @Operation(hidden = true)
    public CompletionStage<Response> yaml() {
        return openApi.current().thenApply(r -> Response.ok(r.yaml()).header("Cache-Control", "no-cache").build());
    }
}
