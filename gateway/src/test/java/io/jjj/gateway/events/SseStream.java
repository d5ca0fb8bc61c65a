package io.jjj.gateway.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SSE client on a plain socket, so a test controls how fast it reads and how small its receive buffer is: the
 * status and headers are read at once, the event stream only once {@link #startReading()} is called.
 */
final class SseStream implements AutoCloseable {

    final int status;
    final Map<String, String> headers = new HashMap<>();
    final List<String> ids = new CopyOnWriteArrayList<>();
    final List<String> retries = new CopyOnWriteArrayList<>();
    volatile boolean ended;
    private final Socket socket;
    private final InputStream in;
    private final boolean chunked;

    SseStream(URL events, String query, String lastEventId, int receiveBufferBytes) throws IOException {
        socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress(events.getHost(), events.getPort()), 5000);
        OutputStream out = socket.getOutputStream();
        String request = "GET " + events.getPath() + query + " HTTP/1.1\r\nHost: " + events.getHost() + ":" + events.getPort()
                + "\r\nAccept: text/event-stream\r\n" + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = socket.getInputStream();
        String statusLine = line();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
    }

    /** Reads the stream in the background, collecting event ids and retry hints, until the server ends it. */
    SseStream startReading() {
        Thread reader = new Thread(() -> {
            try {
                StringBuilder pending = new StringBuilder();
                for (byte[] chunk = next(); chunk != null; chunk = next()) {
                    pending.append(new String(chunk, StandardCharsets.UTF_8));
                    for (int nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
                        String l = pending.substring(0, nl);
                        pending.delete(0, nl + 1);
                        if (l.startsWith("id:")) {
                            ids.add(l.substring(3).trim());
                        } else if (l.startsWith("retry:")) {
                            retries.add(l.substring(6).trim());
                        }
                    }
                }
            } catch (IOException closed) {
                // the test closed the socket
            }
            ended = true;
        });
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    private byte[] next() throws IOException {
        if (!chunked) {
            byte[] buffer = new byte[8192];
            int n = in.read(buffer);
            return n < 0 ? null : java.util.Arrays.copyOf(buffer, n);
        }
        String size = line();
        int length = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (length == 0) {
            return null;
        }
        byte[] chunk = in.readNBytes(length);
        line();
        return chunk;
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("stream ended");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
