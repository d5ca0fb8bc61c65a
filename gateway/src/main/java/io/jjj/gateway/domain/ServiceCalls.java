package io.jjj.gateway.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.gateway.contracts.ServiceReads;
import io.jjj.gateway.routing.Upstream;
import io.jjj.gateway.routing.Upstreams;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Reads from the services for the gateway's cross-service views, through the records of {@link ServiceReads}. */
@ApplicationScoped
public class ServiceCalls {

    /**
     * A successful answer (read, and as it was sent), or why there is none (service down, slow, an error status, or an
     * answer the gateway cannot read).
     */
    public record Outcome<T>(String service, int status, T answer, JsonNode sent, String failure, boolean timeout) {

        public boolean ok() {
            return failure == null && status == 200 && answer != null;
        }

        /** This unsuccessful outcome, for a call that needed it and so was not made. */
        public <U> Outcome<U> unanswered() {
            return new Outcome<>(service, status, null, sent, failure, timeout);
        }

        public String reason() {
            if (failure != null) {
                return failure;
            }
            String detail = problemDetail(sent);
            return "The " + service + " service answered HTTP " + status + (detail == null ? "" : ": " + detail);
        }
    }

    /** An item of a list read through its record, with the item as the service sent it (for views that relay it). */
    public record Relayed<T>(T read, JsonNode sent) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Upstreams upstreams;

    public ServiceCalls(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    public <T> Future<Outcome<T>> get(ServiceReads.Read<T> read, Map<String, Object> query, String requestId, String... pathValues) {
        if (!read.parameters().containsAll(query.keySet())) {
            throw new IllegalArgumentException(read.path() + " is read with " + read.parameters() + ", not " + query.keySet());
        }
        String service = read.service();
        Upstream upstream = upstreams.named(service).orElseThrow(() -> new IllegalStateException("no service " + service));
        return upstreams.getJson(upstream, read.pathWith(pathValues) + queryString(query), requestId)
                .map(reply -> outcome(read, reply))
                .otherwise(failure -> failure instanceof Upstreams.UpstreamFailure f
                        ? new Outcome<>(service, f.status(), null, null, f.getMessage(), f.timeout())
                        : new Outcome<>(service, 503, null, null, "The " + service + " service call failed: " + failure.getMessage(), false));
    }

    private static <T> Outcome<T> outcome(ServiceReads.Read<T> read, Upstreams.JsonReply reply) {
        if (reply.status() != 200 || reply.body() == null) {
            return new Outcome<>(read.service(), reply.status(), null, reply.body(), null, false);
        }
        try {
            return new Outcome<>(read.service(), 200, JSON.treeToValue(reply.body(), read.answer()), reply.body(), null, false);
        } catch (JsonProcessingException e) {
            return new Outcome<>(read.service(), 502, null, reply.body(), "The " + read.service() + " service answered "
                    + read.path() + " with a body the gateway cannot read: " + e.getOriginalMessage(), false);
        }
    }

    /** The items of a list answer paired with the items as sent; {@code items} was read from {@code page}. */
    public static <T> List<Relayed<T>> relayed(List<T> items, JsonNode page) {
        List<Relayed<T>> relayed = new ArrayList<>();
        JsonNode sent = page.path("items");
        for (int i = 0; i < items.size(); i++) {
            relayed.add(new Relayed<>(items.get(i), sent.get(i)));
        }
        return relayed;
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

    private static String problemDetail(JsonNode body) {
        if (body == null) {
            return null;
        }
        try {
            return JSON.treeToValue(body, ServiceReads.ProblemAnswer.class).detail();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
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
