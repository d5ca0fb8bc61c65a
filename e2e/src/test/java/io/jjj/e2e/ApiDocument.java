package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The operations of the merged OpenAPI document, with what it takes to call each one plausibly. */
final class ApiDocument {

    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Param(String name, String in, String example) {
    }

    /** One request body media type of an operation: its schema and an example text from the document. */
    record Body(String mediaType, JsonNode schema, String example) {
        boolean json() {
            return mediaType.endsWith("json") && !mediaType.equals("application/x-ndjson");
        }
    }

    record Operation(String method, String template, String service, boolean secured, List<Param> params, List<Body> bodies) {

        boolean write() {
            return WRITES.contains(method);
        }

        /**
         * The scope this operation needs, as the gateway documents it: admin for the keys, the service's write scope
         * for any other write or operation with a security requirement; null for an open read.
         */
        String scope() {
            if (template.startsWith("/api/keys")) {
                return "admin";
            }
            return write() || secured ? service + ":write" : null;
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        /** The path with every path parameter at its example, except those given (already encoded). */
        String path(Map<String, String> given) {
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = given.containsKey(name) ? given.get(name)
                        : params("path").stream().filter(p -> p.name().equals(name)).findFirst().map(Param::example).map(ApiDocument::encode).orElse("x");
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The query string: every query parameter that has an example, the given ones (already encoded) instead. */
        String query(Map<String, String> given) {
            List<String> pairs = new ArrayList<>();
            for (Param p : params("query")) {
                String value = given.containsKey(p.name()) ? given.get(p.name()) : p.example() == null ? null : encode(p.example());
                if (value != null) {
                    pairs.add(p.name() + "=" + value);
                }
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }

        String target() {
            return path(Map.of()) + query(Map.of());
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private final JsonNode document;
    final List<Operation> operations = new ArrayList<>();

    ApiDocument(JsonNode document) {
        this.document = document;
        Map<String, String> serviceOfTag = new HashMap<>();
        for (JsonNode group : document.path("x-tagGroups")) {
            group.path("tags").forEach(tag -> serviceOfTag.put(tag.asText(), group.path("name").asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), op.path("parameters"))) {
                    JsonNode param = resolve(p);
                    JsonNode schema = resolve(param.path("schema"));
                    String example = exampleText(param.has("example") ? param.get("example") : exampleOf(schema));
                    params.add(new Param(param.path("name").asText(), param.path("in").asText(), example));
                }
                List<Body> bodies = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> content = resolve(op.path("requestBody")).path("content").fields(); content.hasNext(); ) {
                    Map.Entry<String, JsonNode> media = content.next();
                    JsonNode examples = media.getValue().path("examples");
                    JsonNode example = examples.isObject() && examples.size() > 0 ? resolve(examples.elements().next()).path("value") : media.getValue().path("example");
                    bodies.add(new Body(media.getKey(), resolve(media.getValue().path("schema")), exampleText(example)));
                }
                String tag = op.path("tags").path(0).asText();
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), serviceOfTag.getOrDefault(tag, tag),
                        op.has("security") && op.get("security").size() > 0, List.copyOf(params), List.copyOf(bodies)));
            }
        }
    }

    /** A body that follows the schema, every property at its example (or a plausible value of its type). */
    JsonNode validBody(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (s.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            s.get("allOf").forEach(part -> {
                JsonNode v = validBody(part);
                if (v.isObject()) {
                    merged.setAll((ObjectNode) v);
                }
            });
            return merged;
        }
        String type = typeOf(s);
        if (type.equals("object")) {
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                out.set(prop.getKey(), validBody(prop.getValue()));
            }
            return out;
        }
        JsonNode example = exampleOf(s);
        if (example != null) {
            return example;
        }
        return switch (type) {
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(validBody(s.path("items")));
            default -> NODES.textNode(s.path("format").asText().equals("date") ? "2020-01-01" : "x");
        };
    }

    /** The type of a (resolved) schema, defaulting to object when it has properties and string otherwise. */
    String typeOf(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode type = s.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return s.has("properties") ? "object" : "string";
    }

    /** Whether a schema holds a date (format date, or a description saying YYYY-MM-DD). */
    boolean dateLike(JsonNode schema) {
        JsonNode s = resolve(schema);
        return s.path("format").asText().startsWith("date") || s.path("description").asText().contains("YYYY")
                || (schema.has("$ref") && schema.get("$ref").asText().endsWith("/LocalDate"));
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                return current;
            }
            if (current.size() > 1) {
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                current.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("$ref")) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
                current = merged;
            } else {
                current = target;
            }
        }
        return current;
    }

    private static JsonNode exampleOf(JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.path("enum").isArray() && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        return null;
    }

    private static String exampleText(JsonNode example) {
        if (example == null || example.isMissingNode() || example.isNull()) {
            return null;
        }
        return example.isValueNode() ? example.asText() : example.toString();
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    /** Percent-encodes all but unreserved characters and commas (UTF-8). */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~,".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", (int) c));
            }
        }
        return out.toString();
    }
}
