import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * A stand-in for the projects service where the reference data is too small for the bench: {@code GET /api/projects}
 * answers a GeoJSON FeatureCollection of about 1 MiB (line features shaped like the transport links'), and
 * {@code POST /api/projects/feeds} reads the whole body, keeps none of it, and answers 202 with the byte count.
 * Usage: {@code java StandIn.java <port>}.
 */
public class StandIn {

    public static void main(String[] args) throws IOException {
        byte[] geoJson = geoJson(1 << 20);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/projects", exchange -> {
            try (exchange) {
                if (exchange.getRequestMethod().equals("POST")) {
                    long received = drain(exchange.getRequestBody());
                    answer(exchange, 202, "application/json", ("{\"received\":" + received + "}").getBytes(StandardCharsets.UTF_8));
                } else {
                    drain(exchange.getRequestBody());
                    answer(exchange, 200, "application/geo+json", geoJson);
                }
            }
        });
        server.start();
        System.err.println("stand-in on port " + args[0] + ", GeoJSON of " + geoJson.length + " bytes");
    }

    private static long drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
            total += n;
        }
        return total;
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Line features between points around Beijing, Tianjin and Hebei, until the collection reaches {@code bytes}. */
    private static byte[] geoJson(int bytes) {
        StringBuilder json = new StringBuilder(bytes + 1024).append("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; json.length() < bytes - 400; i++) {
            double lon = 114.5 + (i * 37 % 400) / 100.0;
            double lat = 38.0 + (i * 53 % 300) / 100.0;
            json.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":\"L-").append(i)
                    .append("\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[")
                    .append(String.format(Locale.ROOT, "%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f", lon, lat, lon + 0.05, lat + 0.03, lon + 0.11, lat + 0.02))
                    .append("]]},\"properties\":{\"mode\":\"rail\",\"from\":\"N-").append(i).append("\",\"to\":\"N-").append(i + 1)
                    .append("\",\"minutes\":").append(10 + i % 50).append(",\"validFrom\":\"2015-01-01\",\"validTo\":null}}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
