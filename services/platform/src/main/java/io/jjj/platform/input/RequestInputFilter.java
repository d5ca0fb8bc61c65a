package io.jjj.platform.input;

import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refuses control characters in every decoded path and query parameter before a resource sees them, with a 400
 * naming each one; resources never have to think about NUL bytes. (The HTTP layer already refuses them in headers.)
 */
public class RequestInputFilter {

    @ServerRequestFilter
    public void refuseControlCharacters(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(true), errors);
        check(request.getUriInfo().getQueryParameters(true), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
    }

    private static void check(MultivaluedMap<String, String> values, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            for (String value : entry.getValue()) {
                ControlCharacters.inLine(value).ifPresent(why -> errors.add(FieldError.field(entry.getKey(), why)));
            }
        }
    }
}
