package io.jjj.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jjj.gateway.routing.PolicyTable;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges the gateway's own OpenAPI document with the services' documents into the one the gateway serves: paths as
 * the gateway routes them, one tag group per service, components de-duplicated when identical and prefixed with
 * the service's name when they clash ({@code $ref}s rewritten), one server (the gateway), API-key security on
 * every write, and a description saying which services were left out because they were down.
 */
public final class OpenApiMerger {

    static final String API_KEY_SCHEME = "ApiKeyHeader";
    static final String BEARER_SCHEME = "ApiKeyBearer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String GATEWAY_GROUP = "gateway";

    private OpenApiMerger() {
    }

    /**
     * @param own        the gateway's own document (its {@code /q} paths are dropped)
     * @param policies   the gateway's policy table: a service's path is merged only where the table routes it to that
     *                   service, and operations that need a key say so
     */
    public static ObjectNode merge(ObjectNode own, List<ServiceDocument> services, PolicyTable policies) {
        ObjectNode merged = own.deepCopy();
        ObjectNode paths = JSON.createObjectNode();
        own.path("paths").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("/q/")) {
                paths.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        merged.set("paths", paths);
        merged.set("servers", JSON.createArrayNode().add(JSON.createObjectNode()
                .put("url", "/").put("description", "This gateway")));
        ObjectNode components = object(merged, "components");
        Set<String> operationIds = new HashSet<>();
        paths.fields().forEachRemaining(p -> operations(p.getValue()).forEach(op -> operationIds.add(op.path("operationId").asText())));

        Map<String, List<String>> tagGroups = new LinkedHashMap<>();
        List<String> ownTags = new ArrayList<>();
        ArrayNode tags = merged.has("tags") ? (ArrayNode) merged.get("tags") : JSON.createArrayNode();
        tags.forEach(t -> ownTags.add(t.path("name").asText()));
        paths.fields().forEachRemaining(p -> operations(p.getValue()).forEach(op ->
                op.path("tags").forEach(t -> addOnce(ownTags, t.asText(), tags, null))));
        tagGroups.put(GATEWAY_GROUP, ownTags);

        List<String> down = new ArrayList<>();
        for (ServiceDocument service : services) {
            if (!service.available()) {
                down.add(service.service() + " (" + service.unavailableReason() + ")");
                continue;
            }
            ObjectNode doc = withoutClashes(service, components);
            Map<String, String> tagRenames = new HashMap<>();
            List<String> serviceTags = new ArrayList<>();
            Function<String, String> unique = name -> tagRenames.computeIfAbsent(name, n ->
                    tagGroups.values().stream().anyMatch(g -> g.contains(n)) ? capitalize(service.service()) + " " + n : n);
            doc.path("tags").forEach(t -> {
                String name = unique.apply(t.path("name").asText());
                addOnce(serviceTags, name, tags, ((ObjectNode) t).deepCopy().put("name", name));
            });
            doc.path("paths").fields().forEachRemaining(p -> {
                String path = p.getKey();
                if (!policies.routes(service.service(), path) || paths.has(path)) {
                    return;
                }
                ObjectNode item = (ObjectNode) p.getValue();
                for (ObjectNode op : operations(item)) {
                    if (!op.has("tags") || op.get("tags").isEmpty()) {
                        op.putArray("tags").add(service.service());
                    }
                    ArrayNode opTags = JSON.createArrayNode();
                    op.get("tags").forEach(t -> {
                        String name = unique.apply(t.asText());
                        opTags.add(name);
                        addOnce(serviceTags, name, tags, null);
                    });
                    op.set("tags", opTags);
                    String id = op.path("operationId").asText(null);
                    if (id != null && !operationIds.add(id)) {
                        id = service.service() + capitalize(id);
                        op.put("operationId", id);
                        operationIds.add(id);
                    }
                }
                paths.set(path, item);
            });
            tagGroups.put(service.service(), serviceTags);
        }

        merged.set("tags", tags);
        ArrayNode groups = merged.putArray("x-tagGroups");
        tagGroups.forEach((group, groupTags) -> {
            if (!groupTags.isEmpty()) {
                ArrayNode list = groups.addObject().put("name", group).putArray("tags");
                groupTags.forEach(list::add);
            }
        });
        secureWrites(paths, components, policies);
        describe(merged, services, down);
        return merged;
    }

    /** The service's document with its components renamed where they clash with what is merged already. */
    private static ObjectNode withoutClashes(ServiceDocument service, ObjectNode merged) {
        Map<String, Map<String, String>> renames = new HashMap<>();
        String prefix = capitalize(service.service());
        for (int round = 0; ; round++) {
            ObjectNode doc = service.document().deepCopy();
            rewriteRefs(doc, renames);
            boolean clash = false;
            ObjectNode components = doc.has("components") ? (ObjectNode) doc.get("components") : JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> kinds = components.fields(); kinds.hasNext(); ) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                if (kind.getKey().equals("securitySchemes")) {
                    continue;
                }
                Map<String, String> kindRenames = renames.computeIfAbsent(kind.getKey(), k -> new HashMap<>());
                for (Iterator<Map.Entry<String, JsonNode>> defs = kind.getValue().fields(); defs.hasNext(); ) {
                    Map.Entry<String, JsonNode> def = defs.next();
                    String target = kindRenames.getOrDefault(def.getKey(), def.getKey());
                    JsonNode existing = merged.path(kind.getKey()).get(target);
                    if (existing != null && !existing.equals(def.getValue())) {
                        kindRenames.put(def.getKey(), target.equals(def.getKey()) ? prefix + def.getKey() : target + round);
                        clash = true;
                    }
                }
            }
            if (!clash) {
                components.fields().forEachRemaining(kind -> {
                    if (kind.getKey().equals("securitySchemes")) {
                        return;
                    }
                    ObjectNode target = object(merged, kind.getKey());
                    Map<String, String> kindRenames = renames.getOrDefault(kind.getKey(), Map.of());
                    kind.getValue().fields().forEachRemaining(def ->
                            target.set(kindRenames.getOrDefault(def.getKey(), def.getKey()), def.getValue()));
                });
                return doc;
            }
        }
    }

    private static void rewriteRefs(JsonNode node, Map<String, Map<String, String>> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
                String[] parts = ref.asText().split("/", 4);
                if (parts.length == 4) {
                    String renamed = renames.getOrDefault(parts[2], Map.of()).get(parts[3]);
                    if (renamed != null) {
                        object.put("$ref", "#/components/" + parts[2] + "/" + renamed);
                    }
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static void secureWrites(ObjectNode paths, ObjectNode components, PolicyTable policies) {
        ObjectNode schemes = object(components, "securitySchemes");
        schemes.set(API_KEY_SCHEME, JSON.createObjectNode().put("type", "apiKey").put("in", "header").put("name", "X-API-Key")
                .put("description", "An API key with the scope the operation names (indicators:write, projects:write, transport:write, admin)"));
        schemes.set(BEARER_SCHEME, JSON.createObjectNode().put("type", "http").put("scheme", "bearer")
                .put("description", "The same API key as a bearer token: Authorization: Bearer <key>"));
        ObjectNode responses = object(components, "responses");
        responses.set("GatewayUnauthorized", problemResponse("No API key, or one that is unknown or revoked"));
        responses.set("GatewayForbidden", problemResponse("The API key lacks the scope this operation needs"));
        responses.set("GatewayTooManyRequests", problemResponse("Rate limit exceeded; see Retry-After and RateLimit-* headers"));
        boolean problemSchema = components.path("schemas").has("Problem");
        paths.fields().forEachRemaining(p -> {
            p.getValue().fields().forEachRemaining(m -> {
                if (!METHODS.contains(m.getKey())) {
                    return;
                }
                ObjectNode op = (ObjectNode) m.getValue();
                ObjectNode opResponses = object(op, "responses");
                if (p.getKey().startsWith("/api/")) {
                    opResponses.putIfAbsent("429", ref("GatewayTooManyRequests"));
                }
                if (policies.decide(HttpMethod.valueOf(m.getKey().toUpperCase(Locale.ROOT)), p.getKey())
                        instanceof PolicyTable.Allowed allowed && allowed.policy().scope() != null) {
                    ArrayNode security = op.putArray("security");
                    security.addObject().putArray(API_KEY_SCHEME);
                    security.addObject().putArray(BEARER_SCHEME);
                    // the gateway answers these before a service sees the call, whatever the service documents
                    opResponses.set("401", ref("GatewayUnauthorized"));
                    opResponses.set("403", ref("GatewayForbidden"));
                }
            });
        });
        if (!problemSchema) {
            responses.elements().forEachRemaining(r -> ((ObjectNode) r).remove("content"));
        }
    }

    private static ObjectNode problemResponse(String description) {
        ObjectNode response = JSON.createObjectNode().put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        return response;
    }

    private static ObjectNode ref(String response) {
        return JSON.createObjectNode().put("$ref", "#/components/responses/" + response);
    }

    private static void describe(ObjectNode merged, List<ServiceDocument> services, List<String> down) {
        ObjectNode info = object(merged, "info");
        StringBuilder text = new StringBuilder(info.path("description").asText("")).append("\n\n");
        text.append("Services: ").append(String.join(", ", services.stream().map(ServiceDocument::service).toList())).append(".");
        if (!down.isEmpty()) {
            text.append("\n\nUnavailable when this document was built, so their operations are missing: ")
                    .append(String.join("; ", down)).append(".");
        }
        text.append("\n\nWrites need an API key (X-API-Key or Authorization: Bearer) with the operation's scope; reads are open.");
        info.put("description", text.toString().trim());
    }

    private static List<ObjectNode> operations(JsonNode pathItem) {
        List<ObjectNode> ops = new ArrayList<>();
        pathItem.fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey()) && m.getValue() instanceof ObjectNode op) {
                ops.add(op);
            }
        });
        return ops;
    }


    private static void addOnce(List<String> names, String name, ArrayNode tags, ObjectNode definition) {
        if (names.contains(name)) {
            return;
        }
        names.add(name);
        for (JsonNode t : tags) {
            if (t.path("name").asText().equals(name)) {
                return;
            }
        }
        tags.add(definition != null ? definition : JSON.createObjectNode().put("name", name));
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        if (existing instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
