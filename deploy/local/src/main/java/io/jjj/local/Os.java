package io.jjj.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Small operating-system helpers. */
public final class Os {

    private Os() {
    }

    /** An executable on the PATH. */
    public static Optional<Path> which(String name) {
        if (name.startsWith("/")) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Prefix that starts a child in its own session, so a Ctrl-C in the terminal reaches only the
     * launcher, which then stops the children in order (and a detached run survives the terminal).
     */
    public static List<String> newSessionPrefix() {
        return which("setsid").map(p -> List.of(p.toString())).orElse(List.of());
    }

    /** The java executable of this JVM, used for every child JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The last lines of a text file, for error messages. */
    public static String tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "";
        }
        Deque<String> last = new ArrayDeque<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = readLineLenient(reader)) != null) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
        } catch (IOException e) {
            return "";
        }
        return String.join(System.lineSeparator(), new ArrayList<>(last));
    }

    private static String readLineLenient(java.io.BufferedReader r) throws IOException {
        try {
            return r.readLine();
        } catch (java.nio.charset.MalformedInputException e) {
            return "(unreadable line)";
        }
    }

    /** Keeps the previous run's log as NAME.1 and starts an empty one. */
    public static void rotate(Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.isRegularFile(log) && Files.size(log) > 0) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LauncherException("cannot rotate " + log + ": " + e.getMessage());
        }
    }
}
