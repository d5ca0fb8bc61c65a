package io.jjj.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether local ports are free, reported by the name of what wanted them. */
public final class Ports {

    private Ports() {
    }

    /**
     * True when something accepts connections on the port on this machine, or the port cannot be
     * bound on all interfaces (someone listens on another address of this host).
     */
    public static boolean inUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException notListening) {
            // nothing on loopback: try to bind it ourselves
        }
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** True when something accepts connections on localhost:port. */
    public static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One line per taken port, e.g. "port 8081 (indicators) is already in use"; empty when all are free. */
    public static List<String> taken(Map<Integer, String> portsByName) {
        List<String> problems = new ArrayList<>();
        portsByName.forEach((port, name) -> {
            if (listening(port)) {
                problems.add(describe(port, name));
            } else if (inUse(port)) {
                problems.add(describe(port, name) + " (no server listens on it, but a connection still holds it;"
                        + " it frees up within a minute or so)");
            }
        });
        return problems;
    }

    static String describe(int port, String name) {
        return "port " + port + " (" + name + ") is already in use";
    }
}
