package io.jjj.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 client that sends the request target byte for byte: {@code java.net.http} and {@link java.net.URI}
 * normalise or refuse exactly the forms a hostile client sends ({@code //api}, {@code %2e%2e}, {@code ;x=1}, a
 * backslash). One connection per request ({@code Connection: close}). The request is written on its own thread
 * while the answer is read, so a server that answers before reading a large body is heard, not deadlocked.
 */
public final class RawHttp {

    /** Bodies are kept up to this size; the rest is read and dropped. */
    public static final int MAX_KEPT_BODY = 256 * 1024;
    private static final int TIMEOUT_MILLIS = 30_000;

    public record Response(int status, List<Map.Entry<String, String>> headers, String body) {

        public String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        /** The media type of Content-Type, lower case and without parameters; empty when absent. */
        public String mediaType() {
            String type = header("Content-Type");
            return type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        }
    }

    private final String host;
    private final int port;
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-writer");
        t.setDaemon(true);
        return t;
    });

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends {@code method target HTTP/1.1} with the target's characters as single bytes (ISO-8859-1), the given
     * headers (values as UTF-8 bytes), {@code Host}, {@code Connection: close} and, with a body,
     * {@code Content-Length}.
     */
    public Response send(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        head.writeBytes(("Host: " + host + ":" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        for (Map.Entry<String, String> h : headers) {
            head.writeBytes((h.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes(h.getValue().getBytes(StandardCharsets.UTF_8));
            head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (body != null) {
            head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        head.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] request = head.toByteArray();

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            writers.submit(() -> {
                try {
                    out.write(request);
                    if (body != null) {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException refusedMidway) {
                    // the server answered (413, 401, ...) and closed before taking the whole body: its answer is read below
                }
            });
            return read(new BufferedInputStream(socket.getInputStream()), method.equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + ": " + e.getMessage(), e);
        }
    }

    /** The same, with headers as a map and a text body (UTF-8), or none when {@code body} is null. */
    public Response send(String method, String target, Map<String, String> headers, String body) {
        return send(method, target, List.copyOf(headers.entrySet()), body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
        }
        Response bare = new Response(status, headers, "");
        if (head || status / 100 == 1 || status == 204 || status == 304 || bare.mediaType().equals("text/event-stream")) {
            return bare;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String encoding = bare.header("Transfer-Encoding");
        String length = bare.header("Content-Length");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                copy(in, body, size);
                line(in);
            }
        } else if (length != null) {
            copy(in, body, Long.parseLong(length.trim()));
        } else {
            copy(in, body, Long.MAX_VALUE);
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static long chunkSize(String line) throws IOException {
        if (line == null) {
            throw new IOException("the chunked body ended early");
        }
        return Long.parseLong(line.split(";", 2)[0].trim(), 16);
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (count == Long.MAX_VALUE) {
                    return;
                }
                throw new IOException("the body ended " + left + " bytes early");
            }
            body.write(buffer, 0, Math.min(n, Math.max(0, MAX_KEPT_BODY - body.size())));
            left -= n;
        }
    }

    /** One line without its CRLF, bytes as ISO-8859-1; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
