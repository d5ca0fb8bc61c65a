package io.jjj.gateway.routing;

import io.vertx.core.http.HttpMethod;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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
            // the dashboard: its page, its modules and the map and chart libraries it loads
            own(GET, "/", PUBLIC), own(GET, "/dashboard/**", PUBLIC), own(GET, "/webjars/leaflet/**", PUBLIC),
            own(GET, "/webjars/echarts/**", PUBLIC),
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
            feed("indicators", "/api/indicators/feeds/catalogue"), feed("indicators", "/api/indicators/feeds/observations"),
            new Policy(POST, "/api/indicators/feeds/regions", "indicators", ADMIN, true),
            read("indicators", "/api/indicators/sources"), read("indicators", "/api/indicators/sources/{id}"),
            write("indicators", PUT, "/api/indicators/sources/{id}"),
            read("indicators", "/api/observations"),
            read("indicators", "/api/observations/{indicator}/{region}/{period}/history"),
            read("indicators", "/api/regions"), read("indicators", "/api/regions/{code}"),
            // projects
            read("projects", "/api/projects"), write("projects", POST, "/api/projects"),
            read("projects", "/api/projects/flows"), read("projects", "/api/projects/stats"),
            feed("projects", "/api/projects/feeds/projects"),
            read("projects", "/api/projects/{id}"), write("projects", PUT, "/api/projects/{id}"),
            write("projects", PATCH, "/api/projects/{id}"),
            write("projects", POST, "/api/projects/{id}/status"), read("projects", "/api/projects/{id}/history"),
            // transport
            read("transport", "/api/transport/nodes"), read("transport", "/api/transport/nodes/{id}"),
            write("transport", PUT, "/api/transport/nodes/{id}"),
            read("transport", "/api/transport/links"), read("transport", "/api/transport/links/{id}"),
            write("transport", PUT, "/api/transport/links/{id}"),
            feed("transport", "/api/transport/feeds/nodes"), feed("transport", "/api/transport/feeds/links"),
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
    private final Allowed[] decisions;
    private final Node root = new Node();

    public PolicyTable() {
        this(OPERATIONS);
    }

    /** A table of other operations than the API's. */
    public static PolicyTable of(List<Policy> policies) {
        return new PolicyTable(policies);
    }

    private PolicyTable(List<Policy> policies) {
        this.policies = List.copyOf(policies);
        this.decisions = new Allowed[policies.size()];
        for (int i = 0; i < policies.size(); i++) {
            decisions[i] = new Allowed(policies.get(i));
            root.add(policies.get(i).pattern(), i);
        }
    }

    public List<Policy> policies() {
        return policies;
    }

    /**
     * Decides on a canonical path (see {@link CanonicalPath}); one trailing slash is ignored. The first row of the
     * table that matches the path and the method wins.
     */
    public Decision decide(HttpMethod method, String canonicalPath) {
        HttpMethod asked = method == HttpMethod.HEAD ? GET : method;
        Matches matches = new Matches();
        root.match(canonicalPath, 1, end(canonicalPath), matches);
        int first = -1;
        for (int i = 0; i < matches.count; i++) {
            int row = matches.rows[i];
            if (policies.get(row).method().equals(asked) && (first < 0 || row < first)) {
                first = row;
            }
        }
        if (first >= 0) {
            return decisions[first];
        }
        if (matches.count == 0) {
            return NO_ROUTE;
        }
        int[] rows = Arrays.copyOf(matches.rows, matches.count);
        Arrays.sort(rows);
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (int row : rows) {
            allowed.add(policies.get(row).method());
            if (policies.get(row).method() == GET) {
                allowed.add(HttpMethod.HEAD);
            }
        }
        return new MethodNotAllowed(allowed);
    }

    /** Whether some operation on this path pattern (as a service's OpenAPI document writes it) goes to {@code target}. */
    public boolean routes(String target, String pathPattern) {
        Matches matches = new Matches();
        root.match(pathPattern, 1, end(pathPattern), matches);
        for (int i = 0; i < matches.count; i++) {
            if (policies.get(matches.rows[i]).target().equals(target)) {
                return true;
            }
        }
        return false;
    }

    /** Where the segments of a path end: one trailing slash is ignored, and "/" has none. */
    private static int end(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
    }

    /** The rows a path matches, in no particular order. */
    private static final class Matches {
        int[] rows = new int[4];
        int count;

        void add(int[] more) {
            for (int row : more) {
                if (count == rows.length) {
                    rows = Arrays.copyOf(rows, count * 2);
                }
                rows[count++] = row;
            }
        }
    }

    /**
     * The patterns compiled into a tree of segments: literal children compared in place (no split, no regex),
     * one child for any {@code {name}} segment, and the rows whose pattern ends here or in {@code **} here.
     */
    private static final class Node {
        private static final int[] NONE = new int[0];

        private String[] literals = new String[0];
        private Node[] children = new Node[0];
        private Node parameter;
        private int[] ending = NONE;
        private int[] rest = NONE;

        void add(String pattern, int row) {
            Node node = this;
            int end = end(pattern);
            int start = 1;
            while (start <= end && end > 1) {
                int slash = pattern.indexOf('/', start);
                int stop = slash < 0 || slash > end ? end : slash;
                String segment = pattern.substring(start, stop);
                if (segment.equals("**")) {
                    node.rest = append(node.rest, row);
                    return;
                }
                node = segment.startsWith("{") ? node.parameterChild() : node.literalChild(segment);
                start = stop + 1;
            }
            node.ending = append(node.ending, row);
        }

        /** Adds the rows matching the segments of {@code path} between {@code start} and {@code end}. */
        void match(String path, int start, int end, Matches matches) {
            matches.add(rest);
            if (start > end || end <= 1) {
                matches.add(ending);
                return;
            }
            int slash = path.indexOf('/', start);
            int stop = slash < 0 || slash > end ? end : slash;
            int length = stop - start;
            for (int i = 0; i < literals.length; i++) {
                String literal = literals[i];
                if (literal.length() == length && path.regionMatches(start, literal, 0, length)) {
                    children[i].match(path, stop + 1, end, matches);
                }
            }
            if (parameter != null) {
                parameter.match(path, stop + 1, end, matches);
            }
        }

        private Node parameterChild() {
            if (parameter == null) {
                parameter = new Node();
            }
            return parameter;
        }

        private Node literalChild(String segment) {
            for (int i = 0; i < literals.length; i++) {
                if (literals[i].equals(segment)) {
                    return children[i];
                }
            }
            literals = Arrays.copyOf(literals, literals.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            literals[literals.length - 1] = segment;
            children[children.length - 1] = new Node();
            return children[children.length - 1];
        }

        private static int[] append(int[] rows, int row) {
            int[] more = Arrays.copyOf(rows, rows.length + 1);
            more[rows.length] = row;
            return more;
        }
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
