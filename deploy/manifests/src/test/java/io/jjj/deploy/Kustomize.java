package io.jjj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The subset of Kustomize that deploy/k8s uses, implemented to render the overlays in tests
 * without a kustomize binary: {@code resources} (files and directories), {@code secretGenerator}
 * (from env files, without name hashes), {@code patches} (strategic-merge patches by kind and name
 * or by target, and JSON 6902 patches by target), {@code namespace}, {@code labels} and
 * {@code images}, applied in Kustomize's order (patches, namespace, labels, images).
 * Anything else in a kustomization fails loudly rather than being ignored.
 */
final class Kustomize {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "patches", "secretGenerator", "generatorOptions");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
            "ClusterIssuer");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");
    /** Lists of the built-in kinds that strategic merge merges element by element, with their merge key. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "volumeMounts", "mountPath");

    private final UnaryOperator<Path> files;

    /**
     * @param files maps a file a kustomization names to the file to read (the tests read each
     *              overlay's committed secrets.env.example in place of the uncommitted secrets.env)
     */
    Kustomize(UnaryOperator<Path> files) {
        this.files = files;
    }

    Kustomize() {
        this(UnaryOperator.identity());
    }

    List<ObjectNode> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no kustomization.yaml");
        }
        ObjectNode k = Yamls.object(file);
        for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": '" + field + "' is not in the supported subset " + SUPPORTED);
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                out.addAll(render(p));
            } else if (Files.isRegularFile(p)) {
                for (JsonNode doc : Yamls.documents(p)) {
                    if (!doc.isObject()) {
                        throw new IllegalArgumentException(p + ": a resource document must be a mapping");
                    }
                    out.add((ObjectNode) doc);
                }
            } else {
                throw new IllegalArgumentException(file + ": resource " + r.asText() + " does not exist");
            }
        }
        generateSecrets(dir, k, out);
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, out);
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (ObjectNode o : out) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    meta(o).put("namespace", ns);
                }
            }
        }
        for (JsonNode labels : k.path("labels")) {
            applyLabels(labels, out);
        }
        for (JsonNode image : k.path("images")) {
            applyImage(image, out);
        }
        checkUnique(file, out);
        return out;
    }

    private void generateSecrets(Path dir, ObjectNode k, List<ObjectNode> out) {
        boolean noHash = k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false);
        for (JsonNode gen : k.path("secretGenerator")) {
            if (!noHash) {
                throw new IllegalArgumentException("secretGenerator with name hashes is not in the supported subset");
            }
            for (Iterator<String> it = gen.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!Set.of("name", "envs", "type").contains(f)) {
                    throw new IllegalArgumentException("secretGenerator field '" + f + "' is not supported");
                }
            }
            ObjectNode secret = JsonNodeFactory.instance.objectNode();
            secret.put("apiVersion", "v1");
            secret.put("kind", "Secret");
            secret.putObject("metadata").put("name", gen.path("name").asText());
            secret.put("type", gen.path("type").asText("Opaque"));
            ObjectNode data = secret.putObject("data");
            for (JsonNode env : gen.path("envs")) {
                Path envFile = files.apply(dir.resolve(env.asText()).normalize());
                for (String line : Yamls.read(envFile).split("\n")) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    int eq = l.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException(envFile + ": not KEY=VALUE: " + l);
                    }
                    data.put(l.substring(0, eq), Base64.getEncoder()
                            .encodeToString(l.substring(eq + 1).getBytes(StandardCharsets.UTF_8)));
                }
            }
            out.add(secret);
        }
    }

    private void applyPatch(Path dir, JsonNode entry, List<ObjectNode> out) {
        JsonNode content;
        if (entry.hasNonNull("path")) {
            List<JsonNode> docs = Yamls.documents(dir.resolve(entry.get("path").asText()));
            if (docs.size() != 1) {
                throw new IllegalArgumentException(entry + ": a patch file must hold one document");
            }
            content = docs.get(0);
        } else if (entry.hasNonNull("patch")) {
            try {
                content = Yamls.YAML.readTree(entry.get("patch").asText());
            } catch (Exception e) {
                throw new IllegalArgumentException(entry + ": unreadable inline patch", e);
            }
        } else {
            throw new IllegalArgumentException(entry + ": a patch needs path or patch");
        }
        JsonNode target = entry.get("target");
        List<ObjectNode> targets = new ArrayList<>();
        if (target != null) {
            for (ObjectNode o : out) {
                if (matches(target, o)) {
                    targets.add(o);
                }
            }
        } else {
            if (!content.isObject()) {
                throw new IllegalArgumentException(entry + ": a JSON 6902 patch needs a target");
            }
            for (ObjectNode o : out) {
                if (o.path("kind").equals(content.path("kind"))
                        && name(o).equals(name(content))
                        && group(o).equals(group(content))) {
                    targets.add(o);
                }
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(entry + ": the patch matches no resource");
        }
        for (ObjectNode o : targets) {
            if (content.isArray()) {
                json6902(o, (ArrayNode) content);
            } else {
                ObjectNode patch = ((ObjectNode) content).deepCopy();
                if (target != null && patch.path("metadata").isObject()) {
                    // With a target, the patch's own name does not select anything.
                    ((ObjectNode) patch.get("metadata")).put("name", name(o));
                }
                strategicMerge(o, patch, builtIn(o));
            }
        }
    }

    private static boolean matches(JsonNode target, ObjectNode o) {
        for (Iterator<String> it = target.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("kind", "name", "group", "version", "labelSelector").contains(f)) {
                throw new IllegalArgumentException("patch target field '" + f + "' is not supported");
            }
        }
        if (target.has("kind") && !target.get("kind").asText().equals(o.path("kind").asText())) {
            return false;
        }
        if (target.has("name") && !Pattern.matches(target.get("name").asText(), name(o))) {
            return false;
        }
        if (target.has("group") && !target.get("group").asText().equals(group(o))) {
            return false;
        }
        if (target.has("version") && !target.get("version").asText().equals(version(o))) {
            return false;
        }
        if (target.has("labelSelector")) {
            for (String term : target.get("labelSelector").asText().split(",")) {
                String[] kv = term.strip().split("=", 2);
                if (kv.length != 2 || !kv[1].equals(o.path("metadata").path("labels").path(kv[0]).asText(null))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Strategic merge as Kustomize does it: maps merge, null deletes, lists are replaced, except the
     *  keyed lists of the built-in kinds, which merge element by element. */
    static void strategicMerge(ObjectNode target, ObjectNode patch, boolean builtIn) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            JsonNode value = e.getValue();
            if (field.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + field + " is not supported");
            }
            JsonNode current = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && current != null && current.isObject()) {
                strategicMerge((ObjectNode) current, (ObjectNode) value, builtIn);
            } else if (value.isArray() && current != null && current.isArray() && builtIn && MERGE_KEYS.containsKey(field)) {
                mergeList((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(field));
            } else {
                target.set(field, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode p : patch) {
            ObjectNode match = null;
            for (JsonNode c : current) {
                if (c.path(key).equals(p.path(key))) {
                    match = (ObjectNode) c;
                }
            }
            if (match != null) {
                strategicMerge(match, (ObjectNode) p, true);
            } else {
                current.add(p.deepCopy());
            }
        }
    }

    /** JSON Patch (RFC 6902): add, replace and remove. */
    static void json6902(ObjectNode doc, ArrayNode ops) {
        for (JsonNode op : ops) {
            String kind = op.path("op").asText();
            String path = op.path("path").asText();
            List<String> tokens = new ArrayList<>();
            for (String t : path.substring(1).split("/", -1)) {
                tokens.add(t.replace("~1", "/").replace("~0", "~"));
            }
            JsonNode parent = doc;
            for (String t : tokens.subList(0, tokens.size() - 1)) {
                parent = parent.isArray() ? parent.path(Integer.parseInt(t)) : parent.path(t);
            }
            if (parent.isMissingNode()) {
                throw new IllegalArgumentException("JSON patch path " + path + " does not exist in " + describe(doc));
            }
            String last = tokens.get(tokens.size() - 1);
            switch (kind) {
                case "add", "replace" -> {
                    JsonNode value = op.get("value").deepCopy();
                    if (parent.isArray()) {
                        ArrayNode array = (ArrayNode) parent;
                        if (last.equals("-")) {
                            array.add(value);
                        } else if (kind.equals("add")) {
                            array.insert(Integer.parseInt(last), value);
                        } else {
                            requireIndex(array, last, path, doc);
                            array.set(Integer.parseInt(last), value);
                        }
                    } else {
                        if (kind.equals("replace") && !parent.has(last)) {
                            throw new IllegalArgumentException("JSON patch replace of missing " + path + " in " + describe(doc));
                        }
                        ((ObjectNode) parent).set(last, value);
                    }
                }
                case "remove" -> {
                    if (parent.isArray()) {
                        requireIndex((ArrayNode) parent, last, path, doc);
                        ((ArrayNode) parent).remove(Integer.parseInt(last));
                    } else if (((ObjectNode) parent).remove(last) == null) {
                        throw new IllegalArgumentException("JSON patch remove of missing " + path + " in " + describe(doc));
                    }
                }
                default -> throw new IllegalArgumentException("JSON patch op " + kind + " is not supported");
            }
        }
    }

    private static void requireIndex(ArrayNode array, String index, String path, ObjectNode doc) {
        int i = Integer.parseInt(index);
        if (i < 0 || i >= array.size()) {
            throw new IllegalArgumentException("JSON patch path " + path + " is out of range in " + describe(doc));
        }
    }

    private static void applyLabels(JsonNode entry, List<ObjectNode> out) {
        if (entry.path("includeSelectors").asBoolean(false)) {
            throw new IllegalArgumentException("labels with includeSelectors are not in the supported subset");
        }
        boolean templates = entry.path("includeTemplates").asBoolean(false);
        for (ObjectNode o : out) {
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("pairs").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> pair = it.next();
                obj(meta(o), "labels").put(pair.getKey(), pair.getValue().asText());
                if (templates && WORKLOADS.contains(o.path("kind").asText())) {
                    ObjectNode template = obj(obj(o, "spec"), "template");
                    obj(obj(template, "metadata"), "labels").put(pair.getKey(), pair.getValue().asText());
                }
            }
        }
    }

    private static void applyImage(JsonNode entry, List<ObjectNode> out) {
        String name = entry.path("name").asText();
        for (ObjectNode o : out) {
            JsonNode podSpec = o.path("spec").path("template").path("spec");
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : podSpec.path(list)) {
                    String image = c.path("image").asText();
                    String[] parts = splitImage(image);
                    if (!parts[0].equals(name)) {
                        continue;
                    }
                    String newName = entry.path("newName").asText(parts[0]);
                    String result;
                    if (entry.hasNonNull("digest")) {
                        result = newName + "@" + entry.get("digest").asText();
                    } else if (entry.hasNonNull("newTag")) {
                        result = newName + ":" + entry.get("newTag").asText();
                    } else {
                        result = newName + parts[1];
                    }
                    ((ObjectNode) c).put("image", result);
                }
            }
        }
    }

    /** [name, ":tag" or "@digest" or ""]. */
    static String[] splitImage(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return new String[] {image.substring(0, at), image.substring(at)};
        }
        int colon = image.lastIndexOf(':');
        if (colon > image.lastIndexOf('/')) {
            return new String[] {image.substring(0, colon), image.substring(colon)};
        }
        return new String[] {image, ""};
    }

    private static void checkUnique(Path file, List<ObjectNode> out) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode o : out) {
            if (!seen.add(id(o))) {
                throw new IllegalArgumentException(file + ": resource " + id(o) + " is declared twice");
            }
        }
    }

    static String id(JsonNode o) {
        return group(o) + "/" + o.path("kind").asText() + "/" + o.path("metadata").path("namespace").asText("")
                + "/" + name(o);
    }

    static String describe(JsonNode o) {
        return o.path("kind").asText() + " " + name(o);
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String group(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    static String version(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** Built-in kinds get the keyed-list strategic merge; custom resources get JSON-merge semantics. */
    static boolean builtIn(JsonNode o) {
        String group = group(o);
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static ObjectNode meta(ObjectNode o) {
        return obj(o, "metadata");
    }

    private static ObjectNode obj(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            return parent.putObject(field);
        }
        return (ObjectNode) n;
    }

    /** The rendered resources by kind, then name. */
    static Map<String, Map<String, ObjectNode>> byKind(List<ObjectNode> resources) {
        Map<String, Map<String, ObjectNode>> map = new LinkedHashMap<>();
        for (ObjectNode o : resources) {
            map.computeIfAbsent(o.path("kind").asText(), x -> new LinkedHashMap<>()).put(name(o), o);
        }
        return map;
    }
}
