package io.jjj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The rendered overlays of deploy/k8s, and small helpers over rendered resources. */
final class Overlays {
    static final List<String> NAMES = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("indicators", "projects", "transport");
    static final List<String> APPS = List.of("indicators", "projects", "transport", "gateway");
    static final List<String> TOPICS = List.of("jjj.indicators.v1", "jjj.projects.v1", "jjj.transport.v1");

    private Overlays() {
    }

    static Path k8s() {
        return Yamls.root().resolve("deploy/k8s");
    }

    static Stream<String> names() {
        return NAMES.stream();
    }

    /**
     * Renders an overlay. The secretGenerator's secrets.env is never committed; the committed
     * secrets.env.example (with empty values) stands in for it, even where a local one exists.
     */
    static List<ObjectNode> render(String overlay) {
        return new Kustomize(p -> p.getFileName().toString().equals("secrets.env")
                ? p.resolveSibling("secrets.env.example") : p)
                .render(k8s().resolve("overlays").resolve(overlay));
    }

    static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : resources) {
            if (o.path("kind").asText().equals(kind)) {
                out.add(o);
            }
        }
        return out;
    }

    static ObjectNode named(List<ObjectNode> resources, String kind, String name) {
        for (ObjectNode o : ofKind(resources, kind)) {
            if (Kustomize.name(o).equals(name)) {
                return o;
            }
        }
        return null;
    }

    static Map<String, String> labels(JsonNode labels) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** Whether a label selector (a map, or a LabelSelector with matchLabels only) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode match = selector.has("matchLabels") || selector.has("matchExpressions")
                ? selector.path("matchLabels") : selector;
        if (selector.has("matchExpressions")) {
            throw new IllegalArgumentException("matchExpressions are not used here");
        }
        Map<String, String> want = labels(match);
        Map<String, String> have = labels(labels);
        return have.entrySet().containsAll(want.entrySet());
    }

    static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    /** The container's environment: envFrom ConfigMaps' data, then env values (secrets as "secret:name/key"). */
    static Map<String, String> environment(List<ObjectNode> resources, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                ObjectNode cm = named(resources, "ConfigMap", from.path("configMapRef").path("name").asText());
                if (cm != null) {
                    env.putAll(labels(cm.path("data")));
                }
            }
        }
        for (JsonNode e : container.path("env")) {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            env.put(e.path("name").asText(), ref.isMissingNode() ? e.path("value").asText()
                    : "secret:" + ref.path("name").asText() + "/" + ref.path("key").asText());
        }
        return env;
    }
}
