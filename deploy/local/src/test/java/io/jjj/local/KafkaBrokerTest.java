package io.jjj.local;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaBrokerTest {

    @Test
    void configuresACombinedSingleNodeOnTheGivenPorts() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(KafkaBroker.serverProperties(Path.of("/s/kafka/data"), 7000, 7001)));
        assertEquals("broker,controller", p.getProperty("process.roles"));
        assertEquals("1@localhost:7001", p.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://localhost:7000,CONTROLLER://localhost:7001", p.getProperty("listeners"));
        assertEquals("PLAINTEXT://localhost:7000", p.getProperty("advertised.listeners"));
        assertEquals("CONTROLLER", p.getProperty("controller.listener.names"));
        assertEquals("/s/kafka/data", p.getProperty("log.dirs"));
        assertEquals("1", p.getProperty("offsets.topic.replication.factor"), "one broker: internal topics need RF 1");
        assertEquals("1", p.getProperty("transaction.state.log.replication.factor"));
    }
}
