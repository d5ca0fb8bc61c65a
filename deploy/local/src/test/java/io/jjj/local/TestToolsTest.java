package io.jjj.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                        "chromium", "chromium-driver", "nodejs", "npm", "docker-compose", "python3", "git"),
                TestTools.installCommand(missing, true));
        assertEquals("sudo", TestTools.installCommand(missing, false).get(0));
    }

    @Test
    void anyOneOfAToolsExecutablesWillDo() {
        Set<String> present = Set.of("chromium-browser", "chromedriver", "nodejs", "npx", "docker-compose", "python3");
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
}
