package io.jjj.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every failure a client can cause, and every one it cannot, answers {@code application/problem+json}:
 * never a stack trace, never HTML.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** Serialization failure and deadlock: a concurrent transaction won; the same request may succeed again. */
    private static final List<String> CONCURRENT_CHANGE = List.of("40001", "40P01");
    private static final String DATA_EXCEPTION_CLASS = "22";
    /** A Jackson message that names a Java type: quoted in backticks, or a dotted package name. */
    private static final Pattern JAVA_NAMES = Pattern.compile("`|\\b(java|javax|jakarta|io|com|org)\\.[a-z]");

    /** A PostgreSQL restart or fail-over takes seconds; the client is told to come back after a few. */
    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.toProblem(path(uri)), e.headers());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + path(uri);
            case 405 -> "Method not allowed on " + path(uri);
            case 406 -> "None of the media types in Accept can be produced here";
            case 415 -> "Unsupported Content-Type" + (e.getMessage() == null ? "" : ": " + e.getMessage());
            default -> e.getMessage();
        };
        Problem problem = new Problem(Problem.TYPE_BASE + slug(title), title, status, detail, path(uri), null, null);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(ProblemResponses.toJson(problem));
        if (original != null) {
            for (String header : List.of("Allow", "Retry-After", "WWW-Authenticate")) {
                Object value = original.getHeaders().getFirst(header);
                if (value != null) {
                    builder.header(header, value);
                }
            }
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> FieldError.field(leaf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(ProblemException.badRequest(detail, errors).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return ProblemResponses.of(ProblemException.preconditionFailed(
                "The resource was changed by another request; read it again and retry").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized("This operation needs an API key with the right scope, sent through the gateway as "
                + "Authorization: Bearer <key> or X-API-Key", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(e.getMessage() == null ? "The credentials are not valid" : e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(new ProblemException(403, "forbidden", "Forbidden",
                "The API key's scopes do not allow this operation", null).toProblem(path(uri)));
    }

    private Response unauthorized(String detail, UriInfo uri) {
        ProblemException problem = new ProblemException(401, "unauthorized", "Unauthorized", detail, null)
                .header("WWW-Authenticate", "Bearer realm=\"jjj\"");
        return ProblemResponses.of(problem.toProblem(path(uri)), problem.headers());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<SQLException> unreachable = databaseUnreachable(e);
        if (unreachable.isPresent()) {
            LOG.warnf("The database is unreachable on %s: %s", path(uri), unreachable.get().getMessage());
            Problem problem = new Problem(Problem.TYPE_BASE + "database-unavailable", "Service unavailable", 503,
                    "The database cannot be reached right now; retry after the seconds in Retry-After", path(uri), null, null);
            return ProblemResponses.of(problem, Map.of("Retry-After", DATABASE_RETRY_AFTER_SECONDS));
        }
        Optional<ProblemException> refusedByDatabase = refusedByDatabase(e);
        if (refusedByDatabase.isPresent()) {
            LOG.debugf(e, "The database refused a request on %s", path(uri));
            return ProblemResponses.of(refusedByDatabase.get().toProblem(path(uri)));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s (incident %s)", path(uri), incident);
        Problem problem = new Problem(Problem.TYPE_BASE + "internal", "Internal server error", 500,
                "The request could not be completed; the incident id helps find it in the logs", path(uri), null,
                Map.of("incident", incident));
        return ProblemResponses.of(problem);
    }

    /**
     * The SQL failure in a cause chain that says the database cannot be reached (SQLSTATE class 08, connection
     * exception) or is going away or not there yet (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
     * connect now): nothing the request did, so a 503 to retry rather than a 500 incident.
     */
    static Optional<SQLException> databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String reason = reason(e);
        String detail = "Malformed JSON" + where + ": " + reason;
        List<FieldError> errors = field == null ? List.of() : List.of(FieldError.field(field, reason));
        return ProblemResponses.of(ProblemException.badRequest(detail, errors).toProblem(path(uri)));
    }

    /**
     * What the database refuses is still the client's doing: a unique key taken by a concurrent create is a 409, so
     * is a serialization failure or deadlock (40001, 40P01) against a concurrent transaction; a value it cannot hold
     * a 400. The SQL exception may sit anywhere in the cause chain (a {@code JdbcException}, Hibernate's wrappers). Validation names the field first; this only catches what slips past it.
     */
    private static Optional<ProblemException> refusedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                String state = String.valueOf(sql.getSQLState());
                if (UNIQUE_VIOLATION.equals(state)) {
                    return Optional.of(ProblemException.conflict(
                            "Another request created the same resource at the same time; read it and retry"));
                }
                if (CONCURRENT_CHANGE.contains(state)) {
                    return Optional.of(ProblemException.conflict(
                            "A concurrent request changed the same data; retry the request"));
                }
                if (state.startsWith(DATA_EXCEPTION_CLASS)) {
                    return Optional.of(ProblemException.badRequest(
                            "A value in the request is out of the range that can be stored", List.of()));
                }
            }
        }
        return Optional.empty();
    }

    /** Jackson's reasons name Java types; clients get the JSON type expected instead. */
    private static String reason(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown property '" + unknown.getPropertyName() + "'";
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (!JAVA_NAMES.matcher(message).find()) {
            return message;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + describe(mismatch.getTargetType());
        }
        int tick = message.indexOf('`');
        int colon = tick < 0 ? -1 : message.lastIndexOf(':', tick);
        return colon > 0 ? message.substring(0, colon) : "not a valid value here";
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String leaf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
