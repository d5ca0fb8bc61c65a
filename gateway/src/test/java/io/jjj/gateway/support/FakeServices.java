package io.jjj.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jjj.platform.regions.Regions;
import io.jjj.platform.security.GatewayToken;
import io.jjj.platform.security.Roles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Three fake services (indicators, projects, transport) on ports of their own, answering from the reference data
 * set; shared by every application start of the test run.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public static final FakeService INDICATORS = new FakeService("indicators");
    public static final FakeService PROJECTS = new FakeService("projects");
    public static final FakeService TRANSPORT = new FakeService("transport");

    /** The services' side of the shared secret (the default the gateway runs with in tests). */
    public static final String TOKEN_SECRET = "gateway-tests-shared-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Regions REGIONS = new Regions();
    private static boolean routed;

    /**
     * Stations reachable from TJ within 60 minutes, worked out by hand on deploy/data/transport-links.csv
     * (shortest paths over all links, both directions): TJ 0; TJW 8 (TJ-TJW); TJS 12 (TJ-TJS); BH 20 (TJ-BH);
     * BJS 30 (BJS-TJ); LF 30 (TJS-LF 12+18); CZW 32 (TJS-CZW 12+20); TS 35 (TJ-TS); BJSC 45 (BJS-BJSC 30+15);
     * BD 60 (TS-BD 35+25). Out of reach: BJW 65 (metro from BJS), BDE 68 (via TJW), BJC 70, QHD 80.
     */
    static final String ISOCHRONE_TJ_60 = """
            {"from":{"id":"TJ","nameEn":"Tianjin"},"minutes":60,"nodes":[
             {"id":"TJ","region":"120000","minutes":0},{"id":"TJW","region":"120000","minutes":8},
             {"id":"TJS","region":"120000","minutes":12},{"id":"BH","region":"120116","minutes":20},
             {"id":"BJS","region":"110000","minutes":30},{"id":"LF","region":"131000","minutes":30},
             {"id":"CZW","region":"130900","minutes":32},{"id":"TS","region":"130200","minutes":35},
             {"id":"BJSC","region":"110112","minutes":45},{"id":"BD","region":"120115","minutes":60}]}""";

    /**
     * Minutes from Tianjin's stations (and a few others) to each destination, by hand on the same links:
     * to Beijing: BD 20 (BD-BJSC, Tongzhou lies in Beijing), TJ 30, TJW 38, TJS 39 (via LF), BH 50;
     * to Xiong'an: TJW 80 (TJW-BDE 60 + BDE-XA 20), TJ 88, BH 108, BD 110, LF 97 (LF-BJS-BJW-PKX-XA 21+35+20+20).
     */
    static final Map<String, String> ACCESSIBILITY = Map.of(
            "110000", """
                    {"to":"110000","nodes":[{"id":"BJS","region":"110000","minutes":0},{"id":"BD","region":"120115","minutes":20},
                     {"id":"TJ","region":"120000","minutes":30},{"id":"TJW","region":"120000","minutes":38},
                     {"id":"TJS","region":"120000","minutes":39},{"id":"BH","region":"120116","minutes":50},
                     {"id":"LF","region":"131000","minutes":21}]}""",
            "120000", """
                    {"to":"120000","nodes":[{"id":"TJ","region":"120000","minutes":0},{"id":"BJS","region":"110000","minutes":30},
                     {"id":"LF","region":"131000","minutes":30}]}""",
            "133100", """
                    {"to":"133100","nodes":[{"id":"XA","region":"133100","minutes":0},{"id":"TJW","region":"120000","minutes":80},
                     {"id":"TJ","region":"120000","minutes":88},{"id":"BH","region":"120116","minutes":108},
                     {"id":"BD","region":"120115","minutes":110},{"id":"LF","region":"131000","minutes":97}]}""");

    public static synchronized void startAll() {
        if (!routed) {
            routeIndicators();
            routeProjects();
            routeTransport();
            routed = true;
        }
        INDICATORS.start();
        PROJECTS.start();
        TRANSPORT.start();
    }

    @Override
    public Map<String, String> start() {
        startAll();
        return Map.of(
                "jjj.gateway.services.indicators.url", INDICATORS.url(),
                "jjj.gateway.services.projects.url", PROJECTS.url(),
                "jjj.gateway.services.transport.url", TRANSPORT.url(),
                "jjj.security.token-secret", TOKEN_SECRET);
    }

    @Override
    public void stop() {
        // shared by every application start of the run
    }

    private static void routeIndicators() {
        INDICATORS.route("GET", "/q/openapi", r -> FakeService.json(r, 200, resource("fake-openapi/indicators.json")));
        INDICATORS.route("GET", "/api/regions", r -> {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode items = body.putArray("items");
            ReferenceData.rows("regions.csv").forEach(row -> items.addObject().put("code", row.get("code")).put("nameEn", row.get("name_en")));
            body.put("total", items.size());
            FakeService.json(r, 200, body.toString());
        });
        ArrayNode catalogue = JSON.createArrayNode();
        for (Map<String, String> row : ReferenceData.rows("indicators.csv")) {
            ObjectNode indicator = JSON.createObjectNode().put("code", row.get("code")).put("nameEn", row.get("name_en"))
                    .put("unit", row.get("unit")).put("additive", !row.get("unit").matches("percent|ratio|µg/m³"));
            catalogue.add(indicator);
            INDICATORS.route("GET", "/api/indicators/" + row.get("code"), r -> FakeService.json(r, 200, indicator.toString()));
        }
        INDICATORS.route("GET", "/api/indicators", r -> {
            ObjectNode page = JSON.createObjectNode();
            page.set("items", catalogue);
            page.put("total", catalogue.size());
            FakeService.json(r, 200, page.toString());
        });
        INDICATORS.route("GET", "/api/observations", FakeServices::observations);
        INDICATORS.route("GET", "/api/indicators/passthrough", r -> {
            int status = Integer.parseInt(Optional.ofNullable(r.getParam("status")).orElse("200"));
            HttpServerResponse response = r.response().setStatusCode(status)
                    .putHeader("ETag", "\"v42\"")
                    .putHeader("Link", "<" + r.getHeader("X-Forwarded-Proto") + "://" + r.getHeader("X-Forwarded-Host")
                            + "/api/indicators/passthrough?page=1>; rel=\"next\"")
                    .putHeader("Location", "/api/indicators/passthrough/7")
                    .putHeader("X-Custom", "kept")
                    .putHeader("X-Seen-Host", String.valueOf(r.authority()));
            if (status == 503 || status == 429) {
                response.putHeader("Retry-After", "17");
            }
            if (status >= 400) {
                response.putHeader("Content-Type", "application/problem+json").end(
                        "{\"type\":\"https://jjj.example/problems/precondition-failed\",\"title\":\"Precondition failed\",\"status\":"
                                + status + ",\"detail\":\"stale ETag\",\"errors\":[{\"field\":\"If-Match\",\"message\":\"stale\"}]}");
            } else if (status == 204 || status == 304) {
                response.end();
            } else {
                response.putHeader("Content-Type", "application/json").end("{\"answer\":42}");
            }
        });
        INDICATORS.route("GET", "/api/indicators/slow", r -> FakeService.vertx().setTimer(5000, t -> {
            if (!r.response().closed()) {
                FakeService.json(r, 200, "{\"late\":true}");
            }
        }));
        INDICATORS.route("GET", "/api/indicators/stream", r -> {
            HttpServerResponse response = r.response().setChunked(true).putHeader("Content-Type", "text/plain");
            for (int i = 0; i < 2000; i++) {
                response.write(Buffer.buffer("line " + i + " " + "x".repeat(500) + "\n"));
            }
            response.end();
        });
        INDICATORS.route("POST", "/api/indicators/feeds/observations", r -> r.response().setStatusCode(202)
                .putHeader("Location", "/api/indicators/feeds/runs/1")
                .putHeader("Content-Type", "application/json")
                .end("{\"received\":" + r.response().headers().get("X-Fake-Received-Bytes") + "}"));
        INDICATORS.route("PUT", "/api/indicators/small", r -> FakeService.json(r, 201, "{\"ok\":true}"));
    }

    private static void observations(HttpServerRequest r) {
        if (r.getParam("indicator") == null) {
            r.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                    .end("{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"indicator: required\"}");
            return;
        }
        List<String> indicators = List.of(r.getParam("indicator").split(","));
        List<String> regions = r.getParam("region") == null ? null : List.of(r.getParam("region").split(","));
        String from = r.getParam("from");
        String to = r.getParam("to");
        boolean latest = "1".equals(r.getParam("latest"));
        List<Map<String, String>> matching = ReferenceData.rows("observations.csv").stream()
                .filter(o -> indicators.contains(o.get("indicator")))
                .filter(o -> regions == null || regions.contains(o.get("region")))
                .filter(o -> from == null || o.get("period").compareTo(from) >= 0)
                .filter(o -> to == null || o.get("period").compareTo(to) <= 0)
                .toList();
        List<Map<String, String>> rows = !latest ? matching
                : matching.stream().filter(o -> matching.stream().noneMatch(other -> other.get("indicator").equals(o.get("indicator"))
                    && other.get("region").equals(o.get("region")) && other.get("period").compareTo(o.get("period")) > 0)).toList();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        rows.forEach(o -> items.addObject().put("indicator", o.get("indicator")).put("region", o.get("region"))
                .put("period", o.get("period")).put("value", new BigDecimal(o.get("value"))).put("status", o.get("status")));
        body.put("total", items.size());
        FakeService.json(r, 200, body.toString());
    }

    private static void routeProjects() {
        PROJECTS.route("GET", "/q/openapi", r -> FakeService.json(r, 200, resource("fake-openapi/projects.json")));
        PROJECTS.route("GET", "/api/projects", r -> {
            String destination = r.getParam("destination");
            String origin = r.getParam("origin");
            ObjectNode body = JSON.createObjectNode();
            ArrayNode items = body.putArray("items");
            List<Map<String, String>> rows = ReferenceData.rows("projects.csv");
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> p = rows.get(i);
                if (destination != null && !(REGIONS.isKnown(p.get("destination")) && REGIONS.contains(destination, p.get("destination")))
                        || origin != null && !(REGIONS.isKnown(p.get("origin")) && REGIONS.contains(origin, p.get("origin")))) {
                    continue;
                }
                ObjectNode item = items.addObject().put("id", String.format("P-%06d", i + 1)).put("ref", p.get("ref"))
                        .put("nameEn", p.get("name_en")).put("origin", p.get("origin")).put("destination", p.get("destination"))
                        .put("status", p.get("status"));
                if (p.get("investment_cny_100m").isEmpty()) {
                    item.putNull("investmentCny100m");
                } else {
                    item.put("investmentCny100m", new BigDecimal(p.get("investment_cny_100m")));
                }
            }
            body.put("total", items.size());
            FakeService.json(r, 200, body.toString());
        });
        PROJECTS.route("POST", "/api/projects", r -> {
            Optional<GatewayToken.Claims> claims = verified(r.getHeader(GatewayToken.HEADER), "projects", "POST", r.path());
            if (claims.isEmpty() || !Roles.of(claims.get().scopes(), "projects").contains(Roles.WRITE)) {
                r.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                        .end("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Writes go through the gateway\"}");
                return;
            }
            r.response().setStatusCode(201).putHeader("Location", "/api/projects/P-000999").putHeader("ETag", "\"1\"")
                    .putHeader("Content-Type", "application/json").end("{\"id\":\"P-000999\",\"by\":\"" + claims.get().subject() + "\"}");
        });
    }

    private static void routeTransport() {
        TRANSPORT.route("GET", "/q/openapi", r -> FakeService.json(r, 200, resource("fake-openapi/transport.json")));
        TRANSPORT.route("GET", "/api/transport/isochrones", r -> {
            if ("TJ".equals(r.getParam("from")) && "60".equals(r.getParam("minutes"))) {
                FakeService.json(r, 200, ISOCHRONE_TJ_60);
            } else {
                r.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"title\":\"Not found\",\"status\":404,\"detail\":\"No node " + r.getParam("from") + "\"}");
            }
        });
        TRANSPORT.route("GET", "/api/transport/accessibility", r -> FakeService.json(r, 200,
                ACCESSIBILITY.getOrDefault(r.getParam("to"), "{\"nodes\":[]}")));
    }

    /** The claims of a token a fake service received, checked as a real service checks them; fails otherwise. */
    public static GatewayToken.Claims verifiedToken(FakeService.Received received, String service, String method, String path) {
        return verified(received.header(GatewayToken.HEADER), service, method, path)
                .orElseThrow(() -> new AssertionError("no valid token for " + method + " " + path + " at " + service));
    }

    private static Optional<GatewayToken.Claims> verified(String token, String service, String method, String path) {
        try {
            return Optional.of(GatewayToken.verify(TOKEN_SECRET, token, new GatewayToken.Call(service, method, path),
                    java.time.Instant.now(), java.time.Duration.ofSeconds(5)));
        } catch (GatewayToken.Refused refused) {
            return Optional.empty();
        }
    }

    private static String resource(String name) {
        try (InputStream in = FakeServices.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
