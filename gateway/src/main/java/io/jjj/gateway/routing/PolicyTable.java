package io.jjj.gateway.routing;

import io.vertx.core.http.HttpMethod;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.jjj.gateway.routing.Policy.Access.ADMIN;
import static io.jjj.gateway.routing.Policy.Access.PUBLIC;
import static io.jjj.gateway.routing.Policy.Access.WRITE;
import static io.jjj.gateway.routing.Policy.GATEWAY;
import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

/**
 * Every operation the gateway serves or forwards, and who may call it: deny by default. A path the table does not
 * list is a 404 that is never forwarded; a listed path with an unlisted method is a 405. {@code HEAD} is allowed
 * wherever {@code GET} is.
 */
@Singleton
public final class PolicyTable {

    private static final List<Policy> OPERATIONS = List.of(
            // the gateway's own
            own(GET, "/api/keys", ADMIN), own(POST, "/api/keys", ADMIN),
            own(GET, "/api/keys/{id}", ADMIN), own(DELETE, "/api/keys/{id}", ADMIN),
            own(GET, "/api/events", PUBLIC),
            own(GET, "/api/insights/reachable", PUBLIC),
            own(GET, "/api/regions/{code}/profile", PUBLIC),
            own(GET, "/openapi.json", PUBLIC), own(GET, "/openapi.yaml", PUBLIC), own(GET, "/asyncapi.yaml", PUBLIC),
            own(GET, "/swagger-ui", PUBLIC), own(GET, "/swagger-ui/**", PUBLIC),
            own(GET, "/q/health", PUBLIC), own(GET, "/q/health/**", PUBLIC), own(GET, "/q/metrics", PUBLIC),
            own(GET, "/q/openapi", PUBLIC),
            // each service's parked events (poison events and failed handlings)
            parked("indicators", GET, "/api/indicators/events/parked"),
            parked("indicators", POST, "/api/indicators/events/parked/{id}/retry"),
            parked("indicators", DELETE, "/api/indicators/events/parked/{id}"),
            parked("projects", GET, "/api/projects/events/parked"),
            parked("projects", POST, "/api/projects/events/parked/{id}/retry"),
            parked("projects", DELETE, "/api/projects/events/parked/{id}"),
            parked("transport", GET, "/api/transport/events/parked"),
            parked("transport", POST, "/api/transport/events/parked/{id}/retry"),
            parked("transport", DELETE, "/api/transport/events/parked/{id}"),
            // each service's feed runs (a feed answered 202 is polled here)
            write("indicators", GET, "/api/indicators/feeds/runs/{id}"),
            write("projects", GET, "/api/projects/feeds/runs/{id}"),
            write("transport", GET, "/api/transport/feeds/runs/{id}"),
            // indicators
            read("indicators", "/api/indicators"), read("indicators", "/api/indicators/{code}"),
            write("indicators", PUT, "/api/indicators/{code}"),
            feed("indicators", "/api/indicators/feeds"), feed("indicators", "/api/indicators/catalogue/feeds"),
            read("indicators", "/api/indicators/sources"), read("indicators", "/api/indicators/sources/{id}"),
            write("indicators", PUT, "/api/indicators/sources/{id}"),
            read("indicators", "/api/observations"),
            read("indicators", "/api/observations/{indicator}/{region}/{period}/history"),
            read("indicators", "/api/regions"), read("indicators", "/api/regions/{code}"),
            new Policy(POST, "/api/regions/feeds", "indicators", ADMIN, true),
            // projects
            read("projects", "/api/projects"), write("projects", POST, "/api/projects"),
            read("projects", "/api/projects/flows"), read("projects", "/api/projects/stats"),
            feed("projects", "/api/projects/feeds"),
            read("projects", "/api/projects/{id}"), write("projects", PUT, "/api/projects/{id}"),
            write("projects", PATCH, "/api/projects/{id}"),
            write("projects", POST, "/api/projects/{id}/status"), read("projects", "/api/projects/{id}/history"),
            // transport
            read("transport", "/api/transport/nodes"), read("transport", "/api/transport/nodes/{id}"),
            write("transport", PUT, "/api/transport/nodes/{id}"),
            read("transport", "/api/transport/links"), read("transport", "/api/transport/links/{id}"),
            write("transport", PUT, "/api/transport/links/{id}"),
            feed("transport", "/api/transport/feeds"),
            read("transport", "/api/transport/routes"), read("transport", "/api/transport/isochrones"),
            read("transport", "/api/transport/matrix"), read("transport", "/api/transport/accessibility"),
            read("transport", "/api/transport/stats"), read("transport", "/api/transport/stats/series"));

    /** What the table says of one request. */
    public sealed interface Decision permits Allowed, NoRoute, MethodNotAllowed {
    }

    public record Allowed(Policy policy) implements Decision {
    }

    public record NoRoute() implements Decision {
    }

    public record MethodNotAllowed(Set<HttpMethod> allowed) implements Decision {
    }

    private static final NoRoute NO_ROUTE = new NoRoute();

    private final List<Policy> policies;
    private final List<String[]> patterns;

    public PolicyTable() {
        this(OPERATIONS);
    }

    /** A table of other operations than the API's. */
    public static PolicyTable of(List<Policy> policies) {
        return new PolicyTable(policies);
    }

    private PolicyTable(List<Policy> policies) {
        this.policies = List.copyOf(policies);
        this.patterns = new ArrayList<>(policies.size());
        for (Policy policy : policies) {
            patterns.add(segments(policy.pattern()));
        }
    }

    public List<Policy> policies() {
        return policies;
    }

    /** Decides on a canonical path (see {@link CanonicalPath}); one trailing slash is ignored. */
    public Decision decide(HttpMethod method, String canonicalPath) {
        String[] path = segments(canonicalPath);
        HttpMethod asked = method == HttpMethod.HEAD ? GET : method;
        Set<HttpMethod> allowed = null;
        for (int i = 0; i < policies.size(); i++) {
            if (matches(patterns.get(i), path)) {
                Policy policy = policies.get(i);
                if (policy.method().equals(asked)) {
                    return new Allowed(policy);
                }
                if (allowed == null) {
                    allowed = new LinkedHashSet<>();
                }
                allowed.add(policy.method());
                if (policy.method() == GET) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        return allowed == null ? NO_ROUTE : new MethodNotAllowed(allowed);
    }

    /** Whether some operation on this path pattern (as a service's OpenAPI document writes it) goes to {@code target}. */
    public boolean routes(String target, String pathPattern) {
        String[] path = segments(pathPattern);
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).target().equals(target) && matches(patterns.get(i), path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String[] pattern, String[] path) {
        for (int i = 0; i < pattern.length; i++) {
            String expected = pattern[i];
            if (expected.equals("**")) {
                return true;
            }
            if (i >= path.length) {
                return false;
            }
            if (!(expected.startsWith("{") || expected.equals(path[i]))) {
                return false;
            }
        }
        return pattern.length == path.length;
    }

    private static String[] segments(String path) {
        int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
        return end <= 1 ? new String[0] : path.substring(1, end).split("/", -1);
    }

    private static Policy own(HttpMethod method, String pattern, Policy.Access access) {
        return new Policy(method, pattern, GATEWAY, access, false);
    }

    private static Policy read(String service, String pattern) {
        return new Policy(GET, pattern, service, PUBLIC, false);
    }

    private static Policy write(String service, HttpMethod method, String pattern) {
        return new Policy(method, pattern, service, WRITE, false);
    }

    private static Policy parked(String service, HttpMethod method, String pattern) {
        return new Policy(method, pattern, service, ADMIN, false);
    }

    private static Policy feed(String service, String pattern) {
        return new Policy(POST, pattern, service, WRITE, true);
    }
}
