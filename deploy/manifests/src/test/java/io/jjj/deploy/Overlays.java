package io.jjj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The overlays of deploy/k8s as {@code kubectl kustomize} renders them, and small helpers over rendered resources. */
final class Overlays {
    static final List<String> NAMES = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("indicators", "projects", "transport");
    static final List<String> APPS = List.of("indicators", "projects", "transport", "gateway");
    static final List<String> TOPICS = List.of("jjj.indicators.v1", "jjj.projects.v1", "jjj.transport.v1");

    /** Rendered YAML by directory (relative to deploy/k8s), so each is rendered once per test run. */
    private static final Map<String, String> RENDERED = new HashMap<>();
    private static Path copy;

    private Overlays() {
    }

    static Path k8s() {
        return Yamls.root().resolve("deploy/k8s");
    }

    static Stream<String> names() {
        return NAMES.stream();
    }

    static List<ObjectNode> render(String overlay) {
        return rendered("overlays/" + overlay);
    }

    static List<ObjectNode> base() {
        return rendered("base");
    }

    /** Fresh trees on every call, so a test may change what it gets. */
    private static List<ObjectNode> rendered(String dir) {
        String yaml;
        synchronized (RENDERED) {
            yaml = RENDERED.computeIfAbsent(dir, d -> Kubectl.kustomize(copyOfK8s().resolve(d)));
        }
        try {
            List<ObjectNode> out = new ArrayList<>();
            try (var parser = Yamls.YAML.getFactory().createParser(yaml)) {
                Yamls.YAML.readValues(parser, ObjectNode.class).forEachRemaining(out::add);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl kustomize " + dir + " printed no YAML stream", e);
        }
    }

    /**
     * A copy of deploy/k8s under target/ to render from. The secretGenerator's secrets.env is never committed; in the
     * copy the committed secrets.env.example (with empty values) stands in for it, even where a local one exists.
     */
    private static Path copyOfK8s() {
        if (copy != null) {
            return copy;
        }
        Path target = Yamls.root().resolve("deploy/manifests/target/k8s");
        try {
            if (Files.exists(target)) {
                try (Stream<Path> s = Files.walk(target)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            try (Stream<Path> s = Files.walk(k8s())) {
                for (Path p : s.toList()) {
                    Path to = target.resolve(k8s().relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else if (p.getFileName().toString().equals("secrets.env.example")) {
                        Files.copy(p, to.resolveSibling("secrets.env"), StandardCopyOption.REPLACE_EXISTING);
                    } else if (!p.getFileName().toString().equals("secrets.env")) {
                        Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy deploy/k8s to " + target, e);
        }
        copy = target;
        return copy;
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
            if (name(o).equals(name)) {
                return o;
            }
        }
        return null;
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    static String describe(JsonNode resource) {
        return resource.path("kind").asText() + " " + name(resource);
    }

    /** The tag of an image reference ("1.2" of "registry:5000/a/b:1.2"); empty without one. */
    static String imageTag(String image) {
        String reference = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? reference.substring(colon + 1) : "";
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
