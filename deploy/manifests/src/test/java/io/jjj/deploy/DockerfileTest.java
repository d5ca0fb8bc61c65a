package io.jjj.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared Dockerfile, as far as it can be checked without a Docker engine: its build stage's
 * Maven command builds the modules the images need (and the reactor resolves them), the runtime
 * stage copies what that build produces, and .dockerignore keeps what the build needs in the
 * context. deploy/compose/check-image-build runs the build stage's command itself.
 */
class DockerfileTest {

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    static List<String> instructions() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Yamls.read(Yamls.root().resolve("Dockerfile")).split("\n")) {
            String l = line.strip();
            if (current.isEmpty() && (l.isEmpty() || l.startsWith("#"))) {
                continue;
            }
            if (l.endsWith("\\")) {
                current.append(l, 0, l.length() - 1).append(' ');
            } else {
                current.append(l);
                out.add(current.toString().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return out;
    }

    static int runtimeUser() {
        String user = null;
        for (String i : instructions()) {
            if (i.startsWith("USER ")) {
                user = i.substring(5).strip();
            }
        }
        assertNotNull(user, "the runtime stage must set USER");
        assertTrue(user.matches("[1-9][0-9]*"), "USER must be a numeric, non-root uid (for runAsNonRoot): " + user);
        return Integer.parseInt(user);
    }

    /** The build stage's Maven command, without the RUN and its --mount flags. */
    static String mavenCommand() {
        List<String> runs = instructions().stream().filter(i -> i.startsWith("RUN ") && i.contains("./mvnw ")).toList();
        assertEquals(1, runs.size(), "one RUN with the Maven wrapper");
        String command = runs.get(0).substring(4);
        while (command.startsWith("--")) {
            command = command.substring(command.indexOf(' ') + 1);
        }
        return command;
    }

    static List<String> rootModules() {
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Yamls.read(Yamls.root().resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1).strip());
        }
        return modules;
    }

    static Set<String> builtModules() {
        List<String> args = List.of(mavenCommand().split(" "));
        int pl = args.indexOf("-pl");
        assertTrue(pl >= 0 && pl + 1 < args.size(), "the build names its modules with -pl");
        return new LinkedHashSet<>(List.of(args.get(pl + 1).split(",")));
    }

    static String property(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Yamls.read(Yamls.root().resolve("pom.xml")));
        assertTrue(m.find(), "root pom property " + name);
        return m.group(1).strip();
    }

    @Test
    void bothStagesUseTheJavaReleaseThePomCompilesFor() {
        List<String> from = instructions().stream().filter(i -> i.startsWith("FROM ")).toList();
        assertEquals(2, from.size(), "a build stage and a runtime stage");
        assertTrue(from.get(0).matches("FROM eclipse-temurin:\\$\\{JAVA_VERSION}-jdk AS build"), from.get(0));
        assertTrue(from.get(1).matches("FROM eclipse-temurin:\\$\\{JAVA_VERSION}-jre AS runtime"), from.get(1));
        assertTrue(instructions().contains("ARG JAVA_VERSION=" + property("maven.compiler.release")),
                "ARG JAVA_VERSION must equal maven.compiler.release");
    }

    @Test
    void theBuildStageRunsTheWrapperOverTheModulesTheImagesNeed() throws IOException {
        String command = mavenCommand();
        List<String> args = List.of(command.split(" "));
        assertEquals("./mvnw", args.get(0));
        assertTrue(args.contains("-B"), "batch mode");
        assertTrue(args.contains("-am"), "-am builds the platform library the apps depend on");
        assertTrue(args.contains("package"), "package produces target/quarkus-app");
        assertFalse(args.contains("-o"), "the build stage starts from an empty Maven repository");
        Set<String> modules = builtModules();
        Set<String> expected = new LinkedHashSet<>();
        Overlays.APPS.forEach(a -> expected.add(a.equals("gateway") ? "gateway" : "services/" + a));
        assertEquals(expected, modules);
        assertEquals(expected, ComposeTest.builtModules(), "docker-compose.yml builds the same modules");
        List<String> reactor = rootModules();
        for (String module : modules) {
            assertTrue(reactor.contains(module), module + " is not a module of the root pom");
            Path pom = Yamls.root().resolve(module).resolve("pom.xml");
            assertTrue(Files.isRegularFile(pom), pom + " is missing");
            assertTrue(Files.readString(pom).contains("<artifactId>quarkus-maven-plugin</artifactId>"),
                    module + " must build with the Quarkus plugin to produce target/quarkus-app");
        }
        assertTrue(Files.isExecutable(Yamls.root().resolve("mvnw")), "mvnw must be executable in the context");
        String wrapper = Yamls.read(Yamls.root().resolve(".mvn/wrapper/maven-wrapper.properties"));
        assertTrue(wrapper.contains("apache-maven-3.9."), "the wrapper pins Maven 3.9 (Quarkus needs >= 3.9)");
        String script = Yamls.read(Yamls.root().resolve("deploy/compose/check-image-build"));
        assertTrue(script.contains("grep -E '^RUN .*\\./mvnw ' Dockerfile"), "check-image-build runs this very command");
    }

    @Test
    void theRuntimeStageCopiesTheFastJarOfItsModule() {
        List<String> ins = instructions();
        int runtime = -1;
        for (int i = 0; i < ins.size(); i++) {
            if (ins.get(i).startsWith("FROM ") && ins.get(i).endsWith(" AS runtime")) {
                runtime = i;
            }
        }
        List<String> buildStage = ins.subList(0, runtime);
        List<String> runtimeStage = ins.subList(runtime, ins.size());
        assertTrue(buildStage.contains("WORKDIR /src"), "the build stage works in /src");
        assertTrue(runtimeStage.contains("ARG MODULE"), "the runtime stage takes the module as a build arg");
        Set<String> copied = new LinkedHashSet<>();
        for (String i : runtimeStage) {
            if (i.startsWith("COPY ")) {
                assertTrue(i.contains("--from=build"), "the runtime stage copies only from the build: " + i);
                String[] parts = i.split(" ");
                String source = parts[parts.length - 2];
                String prefix = "/src/${MODULE}/target/quarkus-app/";
                assertTrue(source.startsWith(prefix), source);
                copied.add(source.substring(prefix.length()));
            }
        }
        assertEquals(Set.of("lib/", "*.jar", "app/", "quarkus/"), copied, "the whole fast-jar layout");
        String entrypoint = runtimeStage.stream().filter(i -> i.startsWith("ENTRYPOINT ")).findFirst().orElse("");
        assertTrue(entrypoint.contains("-jar /app/quarkus-run.jar"), entrypoint);
        assertTrue(runtimeStage.stream().anyMatch(i -> i.startsWith("RUN ") && i.contains("install") && i.contains("curl")),
                "compose's healthchecks use curl");
        runtimeUser();
    }

    @Test
    void theBuildContextKeepsWhatMavenNeedsAndDropsTheRest() {
        DockerIgnore ignore = new DockerIgnore(Yamls.read(Yamls.root().resolve(".dockerignore")));
        List<String> kept = new ArrayList<>(List.of("mvnw", ".mvn/wrapper/maven-wrapper.properties", "pom.xml",
                "Dockerfile", "deploy/data/observations.csv"));
        for (String module : rootModules()) {
            kept.add(module + "/pom.xml");
            kept.add(module + "/src/main/java/io/jjj/Example.java");
            kept.add(module + "/src/main/resources/application.properties");
        }
        for (String path : kept) {
            assertFalse(ignore.excludes(path), ".dockerignore must not exclude " + path);
        }
        for (String path : List.of("target/x", "services/indicators/target/quarkus-app/quarkus-run.jar",
                "gateway/target/classes/A.class", ".git/HEAD", ".env", "deploy/k8s/overlays/prod/secrets.env",
                "gateway/node_modules/x/index.js", ".jjj/state")) {
            assertTrue(ignore.excludes(path), ".dockerignore should exclude " + path);
        }
    }

    @Test
    void theDockerIgnoreMatcherFollowsDockersRules() {
        DockerIgnore ignore = new DockerIgnore("**/target\n*.md\n!README.md\ndocs/*/tmp\n");
        assertTrue(ignore.excludes("a/b/target/c"));
        assertTrue(ignore.excludes("target"));
        assertTrue(ignore.excludes("x.md"));
        assertFalse(ignore.excludes("README.md"));
        assertFalse(ignore.excludes("sub/x.md"), "a pattern without ** is anchored at the root");
        assertTrue(ignore.excludes("docs/a/tmp/f"));
        assertFalse(ignore.excludes("docs/a/b/tmp"));
    }

    /**
     * The reactor accepts the build stage's module list: the same command, with only the phase
     * replaced by validate (the full build is deploy/compose/check-image-build's job).
     */
    @Test
    void theReactorResolvesTheBuildStagesModules() throws Exception {
        List<String> command = new ArrayList<>();
        for (String arg : mavenCommand().split(" ")) {
            if (arg.equals("package")) {
                command.add("validate");
            } else if (!arg.startsWith("-DskipTests")) {
                command.add(arg);
            }
        }
        command.add(1, "-q");
        Path log = Files.createTempFile("mvnw-validate", ".log");
        Process p = new ProcessBuilder(command).directory(Yamls.root().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "mvnw validate timed out");
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + output);
    }

    /** .dockerignore matching: patterns anchored at the context root, *, ?, **, ! exceptions, last match wins. */
    static final class DockerIgnore {
        private final List<Pattern> patterns = new ArrayList<>();
        private final List<Boolean> negated = new ArrayList<>();

        DockerIgnore(String text) {
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                boolean not = l.startsWith("!");
                String p = (not ? l.substring(1) : l).replaceAll("^/+", "").replaceAll("/+$", "");
                StringBuilder rx = new StringBuilder();
                for (int i = 0; i < p.length(); i++) {
                    char c = p.charAt(i);
                    if (p.startsWith("**/", i)) {
                        rx.append("(?:.*/)?");
                        i += 2;
                    } else if (p.startsWith("**", i)) {
                        rx.append(".*");
                        i += 1;
                    } else if (c == '*') {
                        rx.append("[^/]*");
                    } else if (c == '?') {
                        rx.append("[^/]");
                    } else {
                        rx.append(Pattern.quote(String.valueOf(c)));
                    }
                }
                patterns.add(Pattern.compile(rx + "(?:/.*)?"));
                negated.add(not);
            }
        }

        boolean excludes(String path) {
            boolean excluded = false;
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(path).matches()) {
                    excluded = !negated.get(i);
                }
            }
            return excluded;
        }
    }
}
