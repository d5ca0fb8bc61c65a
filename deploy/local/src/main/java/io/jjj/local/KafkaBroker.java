package io.jjj.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka (KRaft, combined broker and controller) run as a child JVM from the
 * {@code kafka_2.13} jars in the launcher's lib folder. The log directory persists in the state
 * folder; it is formatted ({@code kafka.tools.StorageTool format}) on first use.
 */
public final class KafkaBroker {

    private final Path home;
    private final Path data;
    private final Path properties;
    private final Path log;
    private final Path libDir;

    public KafkaBroker(Path stateDir, Path logsDir, Path libDir) {
        this.home = stateDir.resolve("kafka");
        this.data = home.resolve("data");
        this.properties = home.resolve("server.properties");
        this.log = logsDir.resolve("kafka.log");
        this.libDir = libDir;
    }

    public Path log() {
        return log;
    }

    /** The broker configuration: a static one-voter quorum, so ports may change between runs. */
    static String serverProperties(Path data, int port, int controllerPort) {
        return String.join("\n",
                "# written by ./jjj up at every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath().toString().replace("\\", "/"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "# the default 128 MiB compaction buffer would be most of a small heap",
                "log.cleaner.dedupe.buffer.size=16777216",
                "") ;
    }

    /** Writes the configuration and formats the storage when it is new. */
    public void prepare(int port, int controllerPort) {
        try {
            Files.createDirectories(data);
            Files.writeString(properties, serverProperties(data, port, controllerPort), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LauncherException("cannot write " + properties + ": " + e.getMessage());
        }
        if (Files.isRegularFile(data.resolve("meta.properties"))) {
            return;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Os.javaExecutable());
        cmd.add("-Xmx128m");
        cmd.addAll(logging());
        cmd.addAll(List.of("-cp", classpath(), "kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", properties.toString(), "--ignore-formatted"));
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new LauncherException("formatting the Kafka storage took over 2 minutes; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new LauncherException("formatting the Kafka storage failed (exit code " + p.exitValue() + "); see " + log
                        + System.lineSeparator() + Os.tail(log, 15));
            }
        } catch (IOException e) {
            throw new LauncherException("cannot run the Kafka storage tool: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while formatting the Kafka storage");
        }
    }

    /** The command line of the broker JVM. */
    public List<String> command(List<String> javaOpts) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Os.javaExecutable());
        cmd.addAll(javaOpts);
        cmd.addAll(logging());
        cmd.addAll(List.of("-cp", classpath(), "kafka.Kafka", properties.toString()));
        return cmd;
    }

    private List<String> logging() {
        return List.of(
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss,SSS",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.utils.AppInfoParser=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaConfig=warn",
                "-Dlog4j2.statusLoggerLevel=OFF");
    }

    private String classpath() {
        return libDir.toAbsolutePath() + File.separator + "*";
    }

    /** True when the broker answers a metadata request. */
    public static boolean ready(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2500);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(p)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2500)).nodes()
                    .get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
