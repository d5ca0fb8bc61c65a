package io.jjj.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Turns a {@link Problem} into an {@code application/problem+json} response. */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return of(problem, Map.of());
    }

    public static Response of(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(toJson(problem));
        headers.forEach(builder::header);
        return builder.build();
    }

    public static String toJson(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"title\":\"Unexpected error\",\"status\":500}";
        }
    }
}
