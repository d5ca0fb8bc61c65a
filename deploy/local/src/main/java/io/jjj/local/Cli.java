package io.jjj.local;

import java.util.List;
import java.util.Optional;

/** The parsed command line of {@code ./jjj}. Pure: no I/O. */
public record Cli(Command command, boolean detach, boolean noBuild, boolean noLoad, boolean infraOnly, boolean purge,
                  String file, String to, boolean partial, String idempotencyKey, String part,
                  boolean noInstall, List<String> mavenArgs) {

    public enum Command { UP, DOWN, STATUS, LOAD, TEST, HELP }

    public static final String USAGE = """
            usage: ./jjj <command> [options]

              up [--detach|-d] [--no-build] [--no-load] [--infra-only]
                    build what is missing, start PostgreSQL, Kafka, the three services and the
                    gateway, wait until all are ready, load the default data set (deploy/data)
                    through the gateway's feeds; Ctrl-C stops everything.
                    --detach      return once everything is ready and leave it running
                    --no-build    never run the Maven build: start the jars as they are
                    --no-load     do not load the default data set
                    --infra-only  start only PostgreSQL and Kafka (to run services from an IDE)
              down [--purge]
                    stop everything a previous 'up' started
                    --purge       also delete the data: databases and Kafka topics (.jjj/postgres/data,
                                  .jjj/kafka), e.g. after a migration was edited
              down <part> / up <part>
                    stop one part of a detached run, or start it again and wait until it is ready;
                    a part is postgres, kafka, indicators, projects, transport or gateway
              status
                    what runs where: pid, port, state, log file
              load <file> [--to /api/...] [--partial] [--idempotency-key KEY]
                    POST a feed file (.csv or .ndjson) to the gateway with the admin key;
                    the endpoint follows from the file name unless --to is given
              test [--no-install] [-- <Maven arguments>]
                    every test and check, as CI runs them: installs what the tests need beyond a
                    JDK when it is missing (Chromium, ChromeDriver, Node.js, docker-compose, ...,
                    through apt-get as root or with sudo; otherwise prints the command), then
                    ./mvnw -B verify, the OpenAPI lint and the deployment checks
                    --no-install  only say what is missing
              help  this text

            Environment: see deploy/local/README.md (ports JJJ_*_PORT, DB_URL/DB_USER/DB_PASSWORD,
            KAFKA_BOOTSTRAP_SERVERS, JJJ_ADMIN_KEY, JJJ_START_TIMEOUT, JJJ_SERVICE_JAVA_OPTS, ...).
            """;

    public static Cli parse(List<String> args) {
        if (args.isEmpty()) {
            throw usageError("no command given");
        }
        Command command = switch (args.get(0)) {
            case "up", "start" -> Command.UP;
            case "down", "stop" -> Command.DOWN;
            case "status", "ps" -> Command.STATUS;
            case "load" -> Command.LOAD;
            case "test" -> Command.TEST;
            case "help", "-h", "--help" -> Command.HELP;
            default -> throw usageError("unknown command '" + args.get(0) + "'");
        };
        boolean detach = false;
        boolean noBuild = false;
        boolean noLoad = false;
        boolean infraOnly = false;
        boolean partial = false;
        boolean purge = false;
        String file = null;
        String to = null;
        String key = null;
        String part = null;
        boolean noInstall = false;
        List<String> mavenArgs = List.of();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            String opt = a;
            String inlineValue = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                opt = a.substring(0, eq);
                inlineValue = a.substring(eq + 1);
            }
            switch (command) {
                case UP -> {
                    switch (opt) {
                        case "--detach", "-d" -> detach = true;
                        case "--no-build" -> noBuild = true;
                        case "--no-load" -> noLoad = true;
                        case "--infra-only" -> infraOnly = true;
                        default -> {
                            if (a.startsWith("-")) {
                                throw usageError("unknown option '" + a + "' for up");
                            }
                            part = part(part, a);
                        }
                    }
                    if (inlineValue != null) {
                        throw usageError("option " + opt + " takes no value");
                    }
                }
                case LOAD -> {
                    switch (opt) {
                        case "--to" -> {
                            to = inlineValue != null ? inlineValue : value(args, ++i, "--to");
                            if (!to.startsWith("/")) {
                                throw usageError("--to takes a path on the gateway such as /api/indicators/feeds/observations, got '" + to + "'");
                            }
                        }
                        case "--partial" -> partial = true;
                        case "--idempotency-key" -> key = inlineValue != null ? inlineValue : value(args, ++i, "--idempotency-key");
                        default -> {
                            if (a.startsWith("-") && a.length() > 1) {
                                throw usageError("unknown option '" + a + "' for load");
                            }
                            if (file != null) {
                                throw usageError("load takes one file, got '" + file + "' and '" + a + "'");
                            }
                            file = a;
                        }
                    }
                }
                case DOWN -> {
                    if (a.equals("--purge")) {
                        purge = true;
                    } else if (a.startsWith("-")) {
                        throw usageError("unknown option '" + a + "' for down");
                    } else {
                        part = part(part, a);
                    }
                }
                case TEST -> {
                    if (a.equals("--no-install")) {
                        noInstall = true;
                    } else if (a.equals("--")) {
                        mavenArgs = List.copyOf(args.subList(i + 1, args.size()));
                        i = args.size();
                    } else {
                        throw usageError("unknown option '" + a + "' for test (Maven arguments go after --)");
                    }
                }
                case HELP -> { /* ignore anything after help */ }
                default -> throw usageError(command.name().toLowerCase() + " takes no arguments, got '" + a + "'");
            }
        }
        if (command == Command.LOAD && file == null) {
            throw usageError("load needs a file, e.g. ./jjj load deploy/data/observations.csv");
        }
        if (part != null && (detach || noBuild || noLoad || infraOnly || purge)) {
            throw usageError("a part is stopped or started alone, without options: " + command.name().toLowerCase() + " " + part);
        }
        if (infraOnly && noBuild) {
            // harmless: infra-only never builds anyway
            noBuild = true;
        }
        return new Cli(command, detach, noBuild, noLoad, infraOnly, purge, file, to, partial, key, part, noInstall, mavenArgs);
    }

    public Optional<String> toOption() {
        return Optional.ofNullable(to);
    }

    private static String part(String already, String given) {
        if (already != null) {
            throw usageError("one part at a time, got '" + already + "' and '" + given + "'");
        }
        if (!Part.NAMES.contains(given)) {
            throw usageError("unknown part '" + given + "'; the parts are " + String.join(", ", Part.NAMES));
        }
        return given;
    }

    private static String value(List<String> args, int i, String opt) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw usageError(opt + " needs a value");
        }
        return args.get(i);
    }

    static LauncherException usageError(String message) {
        return new LauncherException(message + "\n\n" + USAGE, 2);
    }
}
