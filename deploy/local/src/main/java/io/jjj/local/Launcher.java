package io.jjj.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/** Entry point of {@code ./jjj}: parses the command line and runs one command. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // quiet the libraries the launcher itself uses (zonky, kafka-clients); children log to their files
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "off");
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        try {
            Cli cli = Cli.parse(Arrays.asList(args));
            if (cli.command() == Cli.Command.HELP) {
                out.print(Cli.USAGE);
                return 0;
            }
            Config config = Config.from(System.getenv(), root());
            return switch (cli.command()) {
                case UP -> {
                    if (cli.part() != null) {
                        yield new Part(config, cli.part(), out).start();
                    }
                    preloadOwnClasses();
                    yield new Up(config, cli, out).run();
                }
                case DOWN -> cli.part() != null ? new Part(config, cli.part(), out).stop() : new Down(config, out).run(cli.purge());
                case STATUS -> new Status(config, out).run();
                case LOAD -> new Load(config, cli, out).run();
                case TEST -> new TestRun(root(), cli, out).run();
                case HELP -> 0;
            };
        } catch (LauncherException e) {
            out.flush();
            System.err.println("jjj: " + e.getMessage());
            return e.exitCode();
        }
    }

    /**
     * Loads every class of the launcher's own jar now. A long-running {@code up} must not read its
     * jar again later (say, in the shutdown hook): a rebuild of deploy/local meanwhile rewrites it.
     * The jars in target/lib are not rewritten by a rebuild (same versions).
     */
    static void preloadOwnClasses() {
        try {
            var location = Launcher.class.getProtectionDomain().getCodeSource().getLocation();
            Path self = Path.of(location.toURI());
            if (!java.nio.file.Files.isRegularFile(self)) {
                return; // running from classes/ (tests, IDE)
            }
            try (var jar = new java.util.jar.JarFile(self.toFile())) {
                var names = jar.stream()
                        .map(java.util.jar.JarEntry::getName)
                        .filter(n -> n.startsWith("io/jjj/local/") && n.endsWith(".class"))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                        .toList();
                for (String n : names) {
                    Class.forName(n, false, Launcher.class.getClassLoader());
                }
            }
        } catch (Exception | LinkageError e) {
            // best effort
        }
    }

    /** The repository root: given by the ./jjj script, else the working directory. */
    static Path root() {
        String r = System.getProperty("jjj.root");
        return (r == null || r.isBlank() ? Path.of("") : Path.of(r)).toAbsolutePath().normalize();
    }

    static Path libDir(Path root) {
        return root.resolve("deploy/local/target/lib");
    }

    /** A path as the user best reads it: relative to the working directory when inside it. */
    static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (abs.startsWith(cwd) && !abs.equals(cwd)) {
            return cwd.relativize(abs).toString();
        }
        return abs.toString();
    }
}
