package io.jjj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test renderer itself: each transformation on a small tree, and its refusals. */
class KustomizeTest {
    @TempDir
    Path dir;

    private static ObjectNode yaml(String text) throws IOException {
        return (ObjectNode) Yamls.YAML.readTree(text);
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void base() throws IOException {
        write("base/kustomization.yaml", "resources:\n  - app.yaml\n");
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                        - name: web
                          image: jjj/web
                          env:
                            - {name: A, value: "1"}
                        - name: sidecar
                          image: busybox:1.36
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  partitions: 6
                  config: {retention.ms: 1000, min.insync.replicas: 2}
                """);
    }

    @Test
    void rendersBaseThroughOverlayWithEveryTransformer() throws IOException {
        base();
        write("overlay/env", "KEY=\n");
        write("overlay/kustomization.yaml", """
                namespace: ns1
                resources:
                  - ../base
                labels:
                  - pairs: {env: test}
                    includeTemplates: true
                images:
                  - name: jjj/web
                    newName: reg.example/web
                    newTag: "2.0"
                secretGenerator:
                  - name: s
                    envs: [env]
                generatorOptions:
                  disableNameSuffixHash: true
                patches:
                  - path: deploy.yaml
                  - path: topic.yaml
                    target: {kind: KafkaTopic}
                """);
        write("overlay/deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          env:
                            - {name: B, value: "2"}
                """);
        write("overlay/topic.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: whatever}
                spec:
                  partitions: 3
                  config: {min.insync.replicas: 1}
                """);
        List<ObjectNode> out = new Kustomize().render(dir.resolve("overlay"));
        assertEquals(3, out.size());
        ObjectNode web = Overlays.named(out, "Deployment", "web");
        assertEquals("ns1", web.path("metadata").path("namespace").asText());
        assertEquals("test", web.path("metadata").path("labels").path("env").asText());
        assertEquals("test", Overlays.podLabels(web).path("env").asText());
        assertEquals("web", web.path("spec").path("selector").path("matchLabels").path("app").asText());
        assertFalse(web.path("spec").path("selector").path("matchLabels").has("env"), "labels must not touch selectors");
        JsonNode containers = Overlays.podSpec(web).path("containers");
        assertEquals(2, containers.size(), "containers merge by name");
        assertEquals("reg.example/web:2.0", containers.get(0).path("image").asText());
        assertEquals("busybox:1.36", containers.get(1).path("image").asText());
        assertEquals(2, containers.get(0).path("env").size(), "env merges by name");
        ObjectNode topic = Overlays.named(out, "KafkaTopic", "t");
        assertEquals(3, topic.path("spec").path("partitions").asInt());
        assertEquals(1000, topic.path("spec").path("config").path("retention.ms").asInt(), "maps merge");
        assertEquals(1, topic.path("spec").path("config").path("min.insync.replicas").asInt());
        ObjectNode secret = Overlays.named(out, "Secret", "s");
        assertEquals("", secret.path("data").path("KEY").asText());
        assertEquals("ns1", secret.path("metadata").path("namespace").asText());
    }

    @Test
    void customResourceListsAreReplacedAndBuiltInKeyedListsMerged() throws IOException {
        ObjectNode cr = yaml("{apiVersion: x.example.io/v1, kind: X, spec: {items: [{name: a, v: 1}, {name: b}]}}");
        Kustomize.strategicMerge(cr, yaml("{spec: {items: [{name: a, v: 2}]}}"), Kustomize.builtIn(cr));
        assertEquals(1, cr.path("spec").path("items").size());

        ObjectNode pod = yaml("{apiVersion: v1, kind: Pod, spec: {containers: [{name: a, image: x}, {name: b, image: y}]}}");
        Kustomize.strategicMerge(pod, yaml("{spec: {containers: [{name: a, image: z}]}}"), Kustomize.builtIn(pod));
        assertEquals(2, pod.path("spec").path("containers").size());
        assertEquals("z", pod.path("spec").path("containers").get(0).path("image").asText());
    }

    @Test
    void nullInAPatchDeletesTheField() throws IOException {
        ObjectNode o = yaml("{spec: {a: 1, b: 2}}");
        Kustomize.strategicMerge(o, yaml("{spec: {a: null}}"), true);
        assertEquals("{\"spec\":{\"b\":2}}", o.toString());
    }

    @Test
    void jsonPatchAddsReplacesAndRemoves() throws IOException {
        ObjectNode o = yaml("{spec: {list: [1, 2], a: x}}");
        Kustomize.json6902(o, (ArrayNode) Yamls.YAML.readTree("""
                - {op: replace, path: /spec/list/0, value: 9}
                - {op: add, path: /spec/list/-, value: 3}
                - {op: remove, path: /spec/a}
                - {op: add, path: /spec/b~1c, value: y}
                """));
        assertEquals("{\"spec\":{\"list\":[9,2,3],\"b/c\":\"y\"}}", o.toString());
        assertThrows(IllegalArgumentException.class, () -> Kustomize.json6902(o,
                (ArrayNode) Yamls.YAML.readTree("[{op: replace, path: /spec/missing, value: 1}]")));
    }

    @Test
    void refusesWhatItDoesNotImplementAndPatchesThatMatchNothing() throws IOException {
        base();
        write("o1/kustomization.yaml", "resources: [../base]\ncommonLabels: {a: b}\n");
        assertThrows(IllegalArgumentException.class, () -> new Kustomize().render(dir.resolve("o1")));
        write("o2/kustomization.yaml", "resources: [../base]\npatches:\n  - path: p.yaml\n");
        write("o2/p.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nope}\nspec: {}\n");
        assertThrows(IllegalArgumentException.class, () -> new Kustomize().render(dir.resolve("o2")));
        write("o3/kustomization.yaml", "resources: [../base, ../base]\n");
        assertThrows(IllegalArgumentException.class, () -> new Kustomize().render(dir.resolve("o3")),
                "duplicate resources");
        write("o4/kustomization.yaml", "resources: [missing.yaml]\n");
        assertThrows(IllegalArgumentException.class, () -> new Kustomize().render(dir.resolve("o4")));
    }

    @Test
    void splitsImageReferences() {
        assertEquals(List.of("reg:5000/a/b", ":1.2"), List.of(Kustomize.splitImage("reg:5000/a/b:1.2")));
        assertEquals(List.of("reg:5000/a/b", ""), List.of(Kustomize.splitImage("reg:5000/a/b")));
        assertEquals(List.of("a", "@sha256:00"), List.of(Kustomize.splitImage("a@sha256:00")));
        assertTrue(Kustomize.builtIn(Yamls.JSON.createObjectNode().put("apiVersion", "networking.k8s.io/v1")));
        assertFalse(Kustomize.builtIn(Yamls.JSON.createObjectNode().put("apiVersion", "postgresql.cnpg.io/v1")));
    }
}
