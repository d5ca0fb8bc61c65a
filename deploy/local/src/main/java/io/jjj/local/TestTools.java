package io.jjj.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the README's test command needs beyond a JDK, and the Debian package that brings each. Pure: the PATH lookup is
 * passed in.
 */
final class TestTools {

    /** A program some test or check runs; any one of {@code executables} will do. */
    record Tool(String name, List<String> executables, String debianPackage, String neededBy) {
    }

    static final List<Tool> REQUIRED = List.of(
            new Tool("Chromium", List.of("chromium", "chromium-browser", "google-chrome"), "chromium",
                    "the browser tests (Swagger UI, the dashboard)"),
            new Tool("ChromeDriver", List.of("chromedriver"), "chromium-driver", "the browser tests drive Chromium with it"),
            new Tool("Node.js", List.of("node", "nodejs"), "nodejs", "Spectral (the OpenAPI lint) and the front-end checks"),
            new Tool("npm", List.of("npx"), "npm", "runs Spectral and the front-end checks"),
            new Tool("docker-compose", List.of("docker-compose"), "docker-compose", "deploy/compose/check validates docker-compose.yml"),
            new Tool("Python 3", List.of("python3"), "python3", "deploy/compose/check-image-build filters the build context"),
            new Tool("git", List.of("git"), "git", "deploy/compose/check-image-build lists the build context"));

    private TestTools() {
    }

    static List<Tool> missing(Function<String, Optional<Path>> which) {
        List<Tool> missing = new ArrayList<>();
        for (Tool tool : REQUIRED) {
            if (tool.executables().stream().map(which).noneMatch(Optional::isPresent)) {
                missing.add(tool);
            }
        }
        return missing;
    }

    /** The apt-get command line that installs {@code tools}, through sudo unless already root. */
    static List<String> installCommand(List<Tool> tools, boolean root) {
        List<String> command = new ArrayList<>();
        if (!root) {
            command.add("sudo");
        }
        command.addAll(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends"));
        command.addAll(new LinkedHashSet<>(tools.stream().map(Tool::debianPackage).toList()));
        return command;
    }
}
