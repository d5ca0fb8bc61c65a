package io.jjj.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code kubectl kustomize}, which renders deploy/k8s. Its Kustomize must be v5 (kubectl 1.27 or newer):
 * Debian's kubectl 1.20 does not know the overlays' {@code labels}. The PATH's kubectl is used when it is new enough,
 * else the one {@code ./jjj test} installs into .jjj/tools; without either, rendering fails and says how to get one.
 */
final class Kubectl {
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("(?m)^Kustomize Version: v(\\d+)\\.");
    private static final int KUSTOMIZE_MAJOR = 5;

    private static Path executable;

    private Kubectl() {
    }

    /** What {@code kubectl kustomize dir} prints: the rendered resources as a YAML stream. */
    static String kustomize(Path dir) {
        Run run = run(executable(), "kustomize", dir.toString());
        if (run.exitCode() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit code " + run.exitCode() + "):\n"
                    + run.stderr());
        }
        return run.stdout();
    }

    private static synchronized Path executable() {
        if (executable == null) {
            executable = find();
        }
        return executable;
    }

    private static Path find() {
        List<String> seen = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        onPath().ifPresentOrElse(candidates::add, () -> seen.add("no kubectl on the PATH"));
        candidates.add(Yamls.root().resolve(".jjj/tools/kubectl"));
        for (Path candidate : candidates) {
            if (!Files.isExecutable(candidate)) {
                seen.add(candidate + " does not exist");
                continue;
            }
            Optional<Integer> major = kustomizeMajor(run(candidate, "version", "--client").stdout());
            if (major.filter(m -> m >= KUSTOMIZE_MAJOR).isPresent()) {
                return candidate;
            }
            seen.add(candidate + major.map(m -> " has Kustomize v" + m).orElse(" names no Kustomize version"));
        }
        throw new IllegalStateException("Rendering deploy/k8s needs kubectl with Kustomize v" + KUSTOMIZE_MAJOR
                + " (kubectl 1.27 or newer), and there is none: " + String.join("; ", seen) + ".\n"
                + "Run ./jjj test, which installs it into .jjj/tools, or put kubectl 1.27 or newer on the PATH"
                + " (https://kubernetes.io/docs/tasks/tools/).");
    }

    /** The major version in {@code kubectl version --client}'s "Kustomize Version: v5.5.0" line. */
    static Optional<Integer> kustomizeMajor(String versionOutput) {
        Matcher m = KUSTOMIZE_VERSION.matcher(versionOutput);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static Optional<Path> onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "kubectl");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(Path kubectl, String... args) {
        List<String> command = new ArrayList<>(List.of(kubectl.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("kubectl", ".out");
            Path err = Files.createTempFile("kubectl", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                int code = p.waitFor();
                return new Run(code, Files.readString(out), Files.readString(err));
            } finally {
                Files.delete(out);
                Files.delete(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
