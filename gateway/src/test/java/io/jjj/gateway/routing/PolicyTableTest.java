package io.jjj.gateway.routing;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.jjj.gateway.routing.Policy.Access.ADMIN;
import static io.jjj.gateway.routing.Policy.Access.PUBLIC;
import static io.jjj.gateway.routing.Policy.Access.WRITE;
import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.HEAD;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTableTest {

    private static final Policy KEYS = new Policy(GET, "/api/keys/{id}", Policy.GATEWAY, ADMIN, false);
    private static final Policy SOURCES = new Policy(GET, "/api/things/sources", "things", PUBLIC, false);
    private static final Policy ONE_THING = new Policy(GET, "/api/things/{code}", "things", PUBLIC, false);
    private static final Policy PUT_THING = new Policy(PUT, "/api/things/{code}", "things", WRITE, false);
    private static final Policy HISTORY = new Policy(GET, "/api/things/{code}/{period}/history", "things", PUBLIC, false);
    private static final Policy FEED = new Policy(POST, "/api/things/feeds", "things", WRITE, true);
    private static final Policy UI = new Policy(GET, "/ui/**", Policy.GATEWAY, PUBLIC, false);
    private static final Policy DELETE_KEY = new Policy(DELETE, "/api/keys/{id}", Policy.GATEWAY, ADMIN, false);

    private final PolicyTable table = PolicyTable.of(List.of(KEYS, SOURCES, ONE_THING, PUT_THING, HISTORY, FEED, UI, DELETE_KEY));

    @Test
    void theFirstRowMatchingPathAndMethodWins() {
        assertEquals(SOURCES, allowed(GET, "/api/things/sources"));
        assertEquals(ONE_THING, allowed(GET, "/api/things/110000"));
        assertEquals(PUT_THING, allowed(PUT, "/api/things/110000"));
        assertEquals(FEED, allowed(POST, "/api/things/feeds"));
        assertEquals(HISTORY, allowed(GET, "/api/things/a/2020/history"));
        assertEquals(ONE_THING, allowed(HEAD, "/api/things/110000"));
    }

    @Test
    void oneTrailingSlashIsIgnoredAndParametersTakeOneSegment() {
        assertEquals(ONE_THING, allowed(GET, "/api/things/110000/"));
        assertInstanceOf(PolicyTable.NoRoute.class, table.decide(GET, "/api/things/110000/2020"));
        assertInstanceOf(PolicyTable.NoRoute.class, table.decide(GET, "/api/things"));
        assertInstanceOf(PolicyTable.NoRoute.class, table.decide(GET, "/api/thing/110000"));
        assertInstanceOf(PolicyTable.NoRoute.class, table.decide(GET, "/"));
    }

    @Test
    void aFinalDoubleStarMatchesItsPrefixAndAnyRest() {
        assertEquals(UI, allowed(GET, "/ui"));
        assertEquals(UI, allowed(GET, "/ui/index.html"));
        assertEquals(UI, allowed(GET, "/ui/js/app/main.js"));
        assertInstanceOf(PolicyTable.NoRoute.class, table.decide(GET, "/uix/index.html"));
    }

    @Test
    void aListedPathWithAnotherMethodNamesTheAllowedOnesInTableOrder() {
        PolicyTable.Decision decision = table.decide(POST, "/api/things/110000");
        assertEquals(new PolicyTable.MethodNotAllowed(Set.of(GET, HEAD, PUT)), decision);
        assertEquals(List.of(GET, HEAD, PUT), List.copyOf(((PolicyTable.MethodNotAllowed) decision).allowed()));
        assertEquals(List.of(GET, HEAD, DELETE), List.copyOf(((PolicyTable.MethodNotAllowed) table.decide(PUT, "/api/keys/7")).allowed()));
    }

    @Test
    void routesTellsWhichTargetAnsweredPathPatterns() {
        assertTrue(table.routes("things", "/api/things/{id}"));
        assertTrue(table.routes("things", "/api/things/feeds"));
        assertFalse(table.routes("things", "/api/keys/{id}"));
        assertFalse(table.routes("things", "/api/things/{id}/history"));
        assertTrue(table.routes(Policy.GATEWAY, "/ui/anything"));
    }

    @Test
    void theApiTableDecidesItsOwnRows() {
        PolicyTable api = new PolicyTable();
        for (Policy policy : api.policies()) {
            String path = policy.pattern().replace("/**", "/x").replaceAll("\\{[a-z]+}", "p1");
            PolicyTable.Decision decision = api.decide(policy.method(), path);
            assertInstanceOf(PolicyTable.Allowed.class, decision, path);
            assertEquals(policy.method(), ((PolicyTable.Allowed) decision).policy().method(), path);
        }
    }

    @Test
    void everyFeedKindIsOneRowWithItsServicesScopeAndTheOldFeedPathsAreGone() {
        PolicyTable api = new PolicyTable();
        Map<String, String> scopes = Map.of(
                "/api/indicators/feeds/catalogue", "indicators:write",
                "/api/indicators/feeds/observations", "indicators:write",
                "/api/indicators/feeds/regions", "admin",
                "/api/projects/feeds/projects", "projects:write",
                "/api/transport/feeds/nodes", "transport:write",
                "/api/transport/feeds/links", "transport:write");
        scopes.forEach((path, scope) -> {
            Policy policy = assertInstanceOf(PolicyTable.Allowed.class, api.decide(POST, path), path).policy();
            assertEquals(scope, policy.scope(), path);
            assertTrue(policy.feed(), path);
        });
        assertEquals(scopes.keySet(), api.policies().stream().filter(Policy::feed).map(Policy::pattern).collect(Collectors.toSet()));
        for (String old : List.of("/api/indicators/feeds", "/api/indicators/catalogue/feeds", "/api/regions/feeds",
                "/api/projects/feeds", "/api/transport/feeds")) {
            assertFalse(api.decide(POST, old) instanceof PolicyTable.Allowed, old);
        }
    }

    private Policy allowed(HttpMethod method, String path) {
        PolicyTable.Decision decision = table.decide(method, path);
        return assertInstanceOf(PolicyTable.Allowed.class, decision, path).policy();
    }
}
