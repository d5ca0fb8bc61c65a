package io.jjj.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./jjj test}: installs what the tests need beyond a JDK (Debian packages, through apt-get) when it is missing,
 * then runs every test and check: the Maven build with all its tests, the OpenAPI lint, the deployment checks and every
 * benchmark in quick mode (proving each still runs; no figure is asserted).
 */
final class TestRun {

    /** One step of the test command, run from the repository root. */
    record Step(String name, List<String> command) {
    }

    private final Path root;
    private final Cli cli;
    private final PrintStream out;

    TestRun(Path root, Cli cli, PrintStream out) {
        this.root = root;
        this.cli = cli;
        this.out = out;
    }

    static List<Step> steps(Path root, List<String> mavenArgs) {
        List<String> maven = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "verify"));
        maven.addAll(mavenArgs);
        return List.of(
                new Step("every test (./mvnw -B verify)", maven),
                new Step("OpenAPI lint of the merged document", List.of(root.resolve("gateway/src/test/spectral/lint.sh").toString())),
                new Step("docker-compose.yml check", List.of(root.resolve("deploy/compose/check").toString())),
                new Step("image build check", List.of(root.resolve("deploy/compose/check-image-build").toString())),
                new Step("every benchmark in quick mode (bench/run --quick)", List.of(root.resolve("bench/run").toString(), "--quick")));
    }

    int run() {
        ensureTools();
        TestTools.ensureKubectl(root, cli.noInstall(), out);
        for (Step step : steps(root, cli.mavenArgs())) {
            out.println("jjj test: " + step.name());
            out.flush();
            int code = exec(step.command(), Map.of());
            if (code != 0) {
                throw new LauncherException("test step failed: " + step.name() + " (exit code " + code + ")", code);
            }
        }
        out.println("jjj test: every test and check passed");
        return 0;
    }

    private void ensureTools() {
        List<TestTools.Tool> missing = TestTools.missing(Os::which);
        if (missing.isEmpty()) {
            return;
        }
        boolean root = isRoot();
        List<String> install = TestTools.installCommand(missing, root);
        String needed = String.join("; ", missing.stream().map(t -> t.name() + " (" + t.neededBy() + ")").toList());
        boolean canInstall = !cli.noInstall() && Os.which("apt-get").isPresent() && (root || sudoWithoutPassword());
        if (!canInstall) {
            throw new LauncherException("the tests need " + needed + ".\nInstall them with:\n  " + String.join(" ", install), 2);
        }
        out.println("jjj test: installing " + needed);
        out.flush();
        List<String> update = new ArrayList<>(root ? List.of() : List.of("sudo"));
        update.addAll(List.of("apt-get", "update", "-qq"));
        Map<String, String> quiet = Map.of("DEBIAN_FRONTEND", "noninteractive");
        if (exec(update, quiet) != 0 || exec(install, quiet) != 0) {
            throw new LauncherException("installing failed; run it yourself:\n  " + String.join(" ", install), 2);
        }
        List<TestTools.Tool> still = TestTools.missing(Os::which);
        if (!still.isEmpty()) {
            throw new LauncherException("still missing after installing: "
                    + String.join(", ", still.stream().map(TestTools.Tool::name).toList()), 2);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || quietSucceeds(List.of("sh", "-c", "test \"$(id -u)\" = 0"));
    }

    private static boolean sudoWithoutPassword() {
        return Os.which("sudo").isPresent() && quietSucceeds(List.of("sudo", "-n", "true"));
    }

    private static boolean quietSucceeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int exec(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).inheritIO();
            builder.environment().putAll(env);
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new LauncherException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
