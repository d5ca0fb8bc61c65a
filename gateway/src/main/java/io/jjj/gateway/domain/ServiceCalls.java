package io.jjj.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.gateway.routing.Upstream;
import io.jjj.gateway.routing.Upstreams;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Reads from the services for the gateway's cross-service views. */
@ApplicationScoped
public class ServiceCalls {

    /** A successful answer, or why there is none (service down, slow, or an error status). */
    public record Outcome(String service, int status, JsonNode body, String failure, boolean timeout) {

        public boolean ok() {
            return failure == null && status == 200;
        }

        public String reason() {
            if (failure != null) {
                return failure;
            }
            String detail = body == null ? null : body.path("detail").asText(null);
            return "The " + service + " service answered HTTP " + status + (detail == null ? "" : ": " + detail);
        }
    }

    private final Upstreams upstreams;

    public ServiceCalls(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    public Future<Outcome> get(String service, String path, Map<String, Object> query, String requestId) {
        Upstream upstream = upstreams.named(service).orElseThrow(() -> new IllegalStateException("no service " + service));
        return upstreams.getJson(upstream, path + queryString(query), requestId)
                .map(reply -> new Outcome(service, reply.status(), reply.body(), null, false))
                .otherwise(failure -> failure instanceof Upstreams.UpstreamFailure f
                        ? new Outcome(service, f.status(), null, f.getMessage(), f.timeout())
                        : new Outcome(service, 503, null, "The " + service + " service call failed: " + failure.getMessage(), false));
    }

    public static Map<String, Object> query(Object... pairs) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return query;
    }

    private static String queryString(Map<String, Object> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joiner.add(k + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return joiner.toString();
    }
}
