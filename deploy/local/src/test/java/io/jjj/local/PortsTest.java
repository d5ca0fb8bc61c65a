package io.jjj.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest {

    @Test
    void aListeningPortIsReportedByName() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            assertTrue(Ports.inUse(port));
            assertTrue(Ports.listening(port));
            Map<Integer, String> wanted = new LinkedHashMap<>();
            wanted.put(port, "indicators");
            assertEquals(List.of("port " + port + " (indicators) is already in use"), Ports.taken(wanted));
        }
    }

    @Test
    void aPortBoundOnAllInterfacesIsInUseToo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertTrue(Ports.inUse(taken.getLocalPort()));
        }
    }

    @Test
    void aClosedPortIsFree() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(0));
            port = probe.getLocalPort();
        }
        assertFalse(Ports.inUse(port));
        assertFalse(Ports.listening(port));
        assertTrue(Ports.taken(Map.of(port, "gateway")).isEmpty());
    }

    @Test
    void describeNamesPortAndOwner() {
        assertEquals("port 8081 (indicators) is already in use", Ports.describe(8081, "indicators"));
    }
}
