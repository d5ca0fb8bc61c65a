package io.jjj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where a real Kustomize is at hand (kubectl kustomize), the overlays must render to exactly what the
 * test renderer produces, so the other tests check what a cluster would receive. Skipped without kubectl.
 */
class KubectlCrossCheckTest {
    @TempDir
    Path tmp;

    static Stream<String> overlays() {
        return Overlays.names();
    }

    private static Path kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "kubectl");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kustomizeRendersWhatTheTestRendererRenders(String overlay) throws Exception {
        Path kubectl = kubectl();
        assumeTrue(kubectl != null, "kubectl is not installed");
        // A copy of deploy/k8s with the example secrets in place of the uncommitted secrets.env.
        Path copy = tmp.resolve("k8s");
        try (Stream<Path> s = Files.walk(Overlays.k8s())) {
            for (Path p : s.toList()) {
                Path target = copy.resolve(Overlays.k8s().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("secrets.env")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path dir = copy.resolve("overlays").resolve(overlay);
        Files.copy(dir.resolve("secrets.env.example"), dir.resolve("secrets.env"));
        Path rendered = tmp.resolve(overlay + ".yaml");
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                .redirectOutput(rendered.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "kubectl kustomize timed out");
        assertEquals(0, p.exitValue(), "kubectl kustomize " + overlay + " failed");

        Map<String, JsonNode> real = new TreeMap<>();
        for (JsonNode doc : Yamls.documents(rendered)) {
            real.put(Kustomize.id(doc), normalise(doc));
        }
        Map<String, JsonNode> ours = new TreeMap<>();
        for (ObjectNode doc : Overlays.render(overlay)) {
            ours.put(Kustomize.id(doc), normalise(doc));
        }
        assertEquals(real.keySet(), ours.keySet(), overlay + ": the same resources");
        for (String id : real.keySet()) {
            assertEquals(real.get(id), ours.get(id), overlay + ": " + id);
        }
    }

    /** Kustomize writes some scalars as strings (and ints as ints); compare through one YAML round trip. */
    private static JsonNode normalise(JsonNode doc) throws IOException {
        return Yamls.YAML.readTree(Yamls.YAML.writeValueAsString(doc));
    }
}
