package io.jjj.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BuildTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Path file(Path root, String rel, Instant mtime) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, rel);
        Files.setLastModifiedTime(p, FileTime.from(mtime));
        return p;
    }

    private static void project(Path root, Instant sources, Instant jar) throws Exception {
        file(root, "pom.xml", sources);
        file(root, "services/platform/src/main/java/P.java", sources);
        file(root, "services/indicators/pom.xml", sources);
        file(root, "services/indicators/src/main/java/A.java", sources);
        file(root, "services/indicators/target/quarkus-app/quarkus-run.jar", jar);
    }

    @Test
    void aJarNewerThanAllItsSourcesIsUpToDate(@TempDir Path root) throws Exception {
        project(root, T, T.plusSeconds(60));
        assertEquals(List.of(), Build.reasons(root, List.of(App.INDICATORS)));
    }

    @Test
    void aMissingJarNeedsABuild(@TempDir Path root) throws Exception {
        assertEquals(List.of("gateway/target/quarkus-app/quarkus-run.jar is missing"),
                Build.reasons(root, List.of(App.GATEWAY)));
    }

    @Test
    void aChangedSourceOfTheModuleMakesTheJarStale(@TempDir Path root) throws Exception {
        project(root, T, T.plusSeconds(60));
        file(root, "services/indicators/src/main/resources/application.properties", T.plusSeconds(120));
        assertEquals(List.of("services/indicators/target/quarkus-app/quarkus-run.jar is older than its sources"),
                Build.reasons(root, List.of(App.INDICATORS)));
    }

    @Test
    void aChangedPlatformSourceOrRootPomMakesEveryJarStale(@TempDir Path root) throws Exception {
        project(root, T, T.plusSeconds(60));
        file(root, "services/platform/src/main/java/Q.java", T.plusSeconds(120));
        assertEquals(1, Build.reasons(root, List.of(App.INDICATORS)).size());

        Path other = root.resolve("other");
        project(other, T, T.plusSeconds(60));
        Files.setLastModifiedTime(other.resolve("pom.xml"), FileTime.from(T.plusSeconds(120)));
        assertEquals(1, Build.reasons(other, List.of(App.INDICATORS)).size());
    }

    @Test
    void changesInOtherModulesDoNotCount(@TempDir Path root) throws Exception {
        project(root, T, T.plusSeconds(60));
        file(root, "services/projects/src/main/java/B.java", T.plusSeconds(120));
        assertEquals(List.of(), Build.reasons(root, List.of(App.INDICATORS)));
    }

    @Test
    void theBuildMakesTheApplicationsAndTheirDependenciesOnly() {
        List<String> cmd = Build.command(Path.of("/r"), List.of(App.values()));
        assertEquals("/r/mvnw", cmd.get(0));
        assertEquals(List.of("-q", "-DskipTests", "package", "-pl",
                "services/indicators,services/projects,services/transport,gateway", "-am"), cmd.subList(1, cmd.size()));
    }
}
