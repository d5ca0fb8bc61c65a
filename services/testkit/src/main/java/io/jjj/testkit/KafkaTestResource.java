package io.jjj.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import java.util.Map;

/**
 * A real Kafka broker (KRaft, combined broker and controller) running in the test JVM, shared by every
 * Quarkus application start of the run. The broker can be stopped and started again on the same port to
 * test what happens while Kafka is down.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    public static synchronized KafkaClusterTestKit cluster() {
        if (cluster == null) {
            // Kafka's server code ends the process on faults it cannot handle; in a test JVM that would turn
            // a finished, green test run into a failed fork, so record the attempt instead
            Exit.setExitProcedure((code, message) -> System.err.println("in-process Kafka asked to exit(" + code + "): " + message));
            Exit.setHaltProcedure((code, message) -> System.err.println("in-process Kafka asked to halt(" + code + "): " + message));
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
            } catch (Exception e) {
                throw new IllegalStateException("in-process Kafka broker did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaTestResource::closeCluster));
        }
        return cluster;
    }

    public static String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    /** Stops the broker (the controller stays up); clients see Kafka as down until {@link #startBroker()}. */
    public static void stopBroker() {
        for (BrokerServer broker : cluster().brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    /** Starts the stopped broker again on the same port. */
    public static void startBroker() {
        try {
            for (BrokerServer broker : cluster().brokers().values()) {
                broker.startup();
            }
            cluster().waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not restart", e);
        }
    }

    private static synchronized void closeCluster() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("jjj.kafka.bootstrap-servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every application start of the run; closed when the JVM exits
    }
}
