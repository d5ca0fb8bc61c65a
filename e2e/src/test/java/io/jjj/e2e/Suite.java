package io.jjj.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real suite, started exactly as a user starts it: {@code ./jjj up --detach}, here on free ports and with
 * a state folder of its own ({@code e2e/target/<jjj.e2e.state>}), stopped with {@code ./jjj down}. Started once
 * per test JVM.
 */
final class Suite {

    private static Suite running;

    final Path root;
    final Path state;
    final String adminKey = "e2e-admin-" + UUID.randomUUID();
    /** The secret the gateway signs its calls to the services with (the fault tests call services directly). */
    final Map<String, String> env = new LinkedHashMap<>();
    final int gatewayPort;

    private Suite(Path root) throws IOException {
        this.root = root;
        this.state = root.resolve("e2e/target").resolve(System.getProperty("jjj.e2e.state", "suite-state"));
        List<Integer> ports = freePorts(8);
        gatewayPort = ports.get(0);
        env.put("JJJ_STATE_DIR", state.toString());
        env.put("JJJ_GATEWAY_PORT", String.valueOf(ports.get(0)));
        env.put("JJJ_INDICATORS_PORT", String.valueOf(ports.get(1)));
        env.put("JJJ_PROJECTS_PORT", String.valueOf(ports.get(2)));
        env.put("JJJ_TRANSPORT_PORT", String.valueOf(ports.get(3)));
        env.put("JJJ_PG_PORT", String.valueOf(ports.get(4)));
        env.put("JJJ_KAFKA_PORT", String.valueOf(ports.get(5)));
        env.put("JJJ_KAFKA_CONTROLLER_PORT", String.valueOf(ports.get(6)));
        env.put("JJJ_ADMIN_KEY", adminKey);
        env.put("JJJ_GATEWAY_URL", "http://localhost:" + gatewayPort);
    }

    static synchronized Suite get() {
        if (running == null) {
            Path root = Path.of(System.getProperty("jjj.root", "..")).toAbsolutePath().normalize();
            try {
                Suite suite = new Suite(root);
                suite.start();
                running = suite;
                Runtime.getRuntime().addShutdownHook(new Thread(suite::stop));
            } catch (IOException e) {
                throw new IllegalStateException("the suite did not start", e);
            }
        }
        return running;
    }

    /** The token secret {@code ./jjj up} generated for this installation and keeps in its state folder. */
    String tokenSecret() {
        try {
            return Files.readString(state.resolve("token-secret")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no token secret in " + state, e);
        }
    }

    String gateway() {
        return "http://localhost:" + gatewayPort;
    }

    /** A port the suite was started with, by its launcher variable ({@code JJJ_KAFKA_PORT}, ...). */
    int port(String variable) {
        return Integer.parseInt(env.get(variable));
    }

    private void start() throws IOException {
        deleteRecursively(state);
        Result up = jjj("up", "--detach", "--no-build", "--no-load");
        if (up.exit() != 0) {
            String logs = tailLogs();
            jjj("down");
            throw new IllegalStateException("./jjj up failed (" + up.exit() + "):\n" + up.output() + "\n" + logs);
        }
    }

    void stop() {
        jjj("down");
    }

    record Result(int exit, String output) {
    }

    /** Runs the launcher script with the suite's environment. */
    Result jjj(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("jjj").toString());
        command.addAll(List.of(args));
        return run(command, Map.of());
    }

    /** Runs a shell command in the repository root with the suite's environment plus {@code extra}. */
    Result run(List<String> command, Map<String, String> extra) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            pb.environment().putAll(extra);
            Path log = Files.createTempFile("jjj-e2e", ".log");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tailLogs() {
        StringBuilder out = new StringBuilder();
        Path logs = state.resolve("logs");
        try (var files = Files.list(logs)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(f);
                out.append("--- ").append(f.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException e) {
            out.append("(no logs: ").append(e.getMessage()).append(")");
        }
        return out.toString();
    }

    private static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
