package io.jjj.gateway.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.gateway.contracts.ServiceReads.Read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's published OpenAPI document (stored by its build) and the checks against it: the gateway's reads (paths,
 * query parameters and every field of their records) and answers such as the fakes give (every field documented).
 */
final class OpenApiContract {

    static final Path SERVICES = Path.of("..", "services");
    static final List<String> SERVICE_NAMES = List.of("indicators", "projects", "transport");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Class<?>, Set<String>> SCHEMA_TYPES = Map.of(
            String.class, Set.of("string"),
            Boolean.class, Set.of("boolean"),
            Integer.class, Set.of("integer"),
            Long.class, Set.of("integer"),
            Double.class, Set.of("number", "integer"),
            BigDecimal.class, Set.of("number", "integer"));

    private final String service;
    private final JsonNode document;

    OpenApiContract(String service, JsonNode document) {
        this.service = service;
        this.document = document;
    }

    /** The document the service's build stored under {@code servicesRoot}; fails (never skips) when there is none. */
    static OpenApiContract of(Path servicesRoot, String service) {
        Path file = servicesRoot.resolve(service).resolve("target/openapi/openapi.json");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("No OpenAPI document of the " + service + " service at " + file + ": build the services "
                    + "first (./mvnw -B -pl services/indicators,services/projects,services/transport -am package -DskipTests, "
                    + "or ./mvnw verify, which builds them before the gateway)");
        }
        try {
            return new OpenApiContract(service, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** What of the read the document does not publish: its path, a query parameter, a field or a field's type. */
    List<String> violations(Read<?> read) {
        String where = service + " GET " + read.path();
        JsonNode operation = document.path("paths").path(read.path()).path("get");
        if (operation.isMissingNode()) {
            return List.of(where + ": no such operation");
        }
        List<String> violations = new ArrayList<>();
        Set<String> published = new HashSet<>();
        operation.path("parameters").forEach(p -> published.add(p.path("in").asText() + ":" + p.path("name").asText()));
        read.parameters().stream().filter(p -> !published.contains("query:" + p))
                .forEach(p -> violations.add(where + ": no query parameter " + p));
        JsonNode schema = answerSchema(operation, "200");
        if (schema == null) {
            violations.add(where + ": no application/json answer for 200");
        } else {
            violations.addAll(recordViolations(where, read.answer(), schema));
        }
        return violations;
    }

    /** What of the record (every field, recursively) the schema named {@code name} does not publish. */
    List<String> violations(String name, Class<?> record) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        return schema.isMissingNode() ? List.of(service + ": no schema " + name) : recordViolations(service + " " + name, record, schema);
    }

    /** The schema of the JSON answer of a documented operation. */
    JsonNode answerSchema(String path, String status) {
        return answerSchema(document.path("paths").path(path).path("get"), status);
    }

    /** What of a JSON answer (every field, recursively) the schema does not publish, or publishes with another type. */
    List<String> answerViolations(String where, JsonNode answer, JsonNode schema) {
        List<String> violations = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        if (answer.isNull()) {
            return violations;
        }
        Set<String> types = types(resolved);
        String type = jsonType(answer);
        if (!types.isEmpty() && !types.contains(type) && !("integer".equals(type) && types.contains("number"))) {
            violations.add(where + ": " + type + " where the service publishes " + types);
            return violations;
        }
        if (answer.isObject() && resolved.has("properties")) {
            answer.fields().forEachRemaining(field -> {
                JsonNode property = resolved.path("properties").get(field.getKey());
                if (property == null) {
                    violations.add(where + "." + field.getKey() + ": not published");
                } else {
                    violations.addAll(answerViolations(where + "." + field.getKey(), field.getValue(), property));
                }
            });
        } else if (answer.isArray() && resolved.has("items")) {
            for (int i = 0; i < answer.size(); i++) {
                violations.addAll(answerViolations(where + "[" + i + "]", answer.get(i), resolved.get("items")));
            }
        }
        return violations;
    }

    private List<String> recordViolations(String where, Class<?> record, JsonNode schema) {
        List<String> violations = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        if (!types(resolved).contains("object")) {
            return List.of(where + ": the service publishes " + types(resolved) + ", the gateway reads an object");
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = resolved.path("properties").get(component.getName());
            if (property == null) {
                violations.add(where + "." + component.getName() + ": not published");
            } else {
                violations.addAll(typeViolations(where + "." + component.getName(), component.getGenericType(), property));
            }
        }
        return violations;
    }

    private List<String> typeViolations(String where, Type type, JsonNode schema) {
        JsonNode resolved = resolve(schema);
        Set<String> published = types(resolved);
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!published.contains("array")) {
                return List.of(where + ": the service publishes " + published + ", the gateway reads an array");
            }
            return typeViolations(where + "[]", list.getActualTypeArguments()[0], resolved.path("items"));
        }
        Class<?> read = (Class<?>) type;
        if (read.isRecord()) {
            return recordViolations(where, read, resolved);
        }
        Set<String> accepted = SCHEMA_TYPES.get(read);
        if (accepted == null) {
            return List.of(where + ": the contract has no rule for " + read.getSimpleName());
        }
        return published.stream().anyMatch(accepted::contains) ? List.of()
                : List.of(where + ": the service publishes " + published + ", the gateway reads " + accepted);
    }

    private JsonNode answerSchema(JsonNode operation, String status) {
        JsonNode schema = operation.path("responses").path(status).path("content").path("application/json").get("schema");
        if (schema == null && !"200".equals(status)) {
            schema = operation.path("responses").path(status).path("content").path("application/problem+json").get("schema");
        }
        return schema;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref") || resolved.path("allOf").size() == 1) {
            JsonNode ref = resolved.has("$ref") ? resolved.get("$ref") : resolved.get("allOf").get(0).get("$ref");
            if (ref == null) {
                return resolved.get("allOf").get(0);
            }
            resolved = document.at(ref.asText().substring(1));
        }
        return resolved;
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        Set<String> types = new HashSet<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        } else if (schema.has("properties")) {
            types.add("object");
        }
        return types;
    }

    private static String jsonType(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
            case ARRAY -> "array";
            default -> "object";
        };
    }
}
