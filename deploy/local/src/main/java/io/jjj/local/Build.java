package io.jjj.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides whether the application jars must be (re)built, and builds them with the Maven wrapper.
 * A jar is stale when any file of its module, of the shared platform library or the root POM is
 * newer than it.
 */
public final class Build {

    /** Modules every application's jar depends on, besides its own. */
    static final List<String> SHARED_INPUTS = List.of("pom.xml", "services/platform/pom.xml", "services/platform/src");

    private Build() {
    }

    /** Why a build is needed, one line per application; empty when every jar is up to date. */
    public static List<String> reasons(Path root, List<App> apps) {
        List<String> reasons = new ArrayList<>();
        Optional<FileTime> shared = newest(root, SHARED_INPUTS);
        for (App app : apps) {
            Path jar = app.runnerJar(root);
            if (!Files.isRegularFile(jar)) {
                reasons.add(root.relativize(jar) + " is missing");
                continue;
            }
            FileTime built;
            try {
                built = Files.getLastModifiedTime(jar);
            } catch (IOException e) {
                reasons.add(root.relativize(jar) + " is unreadable");
                continue;
            }
            Optional<FileTime> own = newest(root, List.of(app.module() + "/pom.xml", app.module() + "/src"));
            Optional<FileTime> newest = Stream.of(own, shared).flatMap(Optional::stream).max(FileTime::compareTo);
            if (newest.isPresent() && newest.get().compareTo(built) > 0) {
                reasons.add(root.relativize(jar) + " is older than its sources");
            }
        }
        return reasons;
    }

    /** The newest modification time among the regular files under the given paths (relative to root). */
    static Optional<FileTime> newest(Path root, List<String> paths) {
        Optional<FileTime> max = Optional.empty();
        for (String rel : paths) {
            Path p = root.resolve(rel);
            if (!Files.exists(p)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(p)) {
                Optional<FileTime> m = files.filter(Files::isRegularFile).map(Build::mtime).max(FileTime::compareTo);
                if (m.isPresent() && (max.isEmpty() || m.get().compareTo(max.get()) > 0)) {
                    max = m;
                }
            } catch (IOException | UncheckedIOException e) {
                // unreadable: ignore, the build will tell
            }
        }
        return max;
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The build command: the applications and what they depend on ({@code -am}), nothing else
     * (not this launcher, whose jars are in use right now, nor unrelated modules).
     */
    static List<String> command(Path root, List<App> apps) {
        return List.of(root.resolve("mvnw").toString(), "-q", "-DskipTests", "package", "-pl", modules(apps), "-am");
    }

    static String modules(List<App> apps) {
        return String.join(",", apps.stream().map(App::module).toList());
    }

    public static void run(Path root, List<App> apps, PrintStream out) {
        List<String> cmd = command(root, apps);
        out.println("building: ./mvnw -q -DskipTests package -pl " + modules(apps) + " -am"
                + " (the first build downloads dependencies and takes several minutes)");
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).inheritIO().start();
            int code = p.waitFor();
            if (code != 0) {
                throw new LauncherException("the build failed (exit code " + code + "); see the Maven output above");
            }
        } catch (IOException e) {
            throw new LauncherException("cannot run the Maven wrapper: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("build interrupted");
        }
        out.printf("build done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
