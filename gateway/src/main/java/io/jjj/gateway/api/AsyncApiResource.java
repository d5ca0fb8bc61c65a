package io.jjj.gateway.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The AsyncAPI 3 document of the events the services publish (docs/events.md), written by hand. */
@PermitAll
@Path("/asyncapi.yaml")
public class AsyncApiResource {

    private final String document;

    public AsyncApiResource() {
        try (InputStream in = AsyncApiResource.class.getResourceAsStream("/asyncapi/jjj-events.yaml")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces("application/yaml")
    @Operation(hidden = true)
    public String document() {
        return document;
    }
}
