package io.jjj.gateway.routing;

import io.jjj.gateway.domain.ApiKeyView;
import io.jjj.platform.security.GatewayToken;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GatewayTokensTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes";
    private static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final ApiKeyView KEY = new ApiKeyView(UUID.randomUUID(), "hebei-stats", List.of("indicators:write"), Instant.EPOCH, 1);
    private static final Upstream INDICATORS = Upstream.of("indicators", "http://localhost:8081");
    private static final Upstream PROJECTS = Upstream.of("projects", "http://localhost:8082");

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final GatewayTokens tokens = new GatewayTokens(SECRET, LIFETIME, now::get);

    @Test
    void theSameCallGetsTheSameTokenForHalfItsLifetimeThenANewOne() throws Exception {
        String first = tokens.token(KEY, INDICATORS, HttpMethod.PUT, "/api/indicators/gdp");
        now.addAndGet(14_999);
        assertEquals(first, tokens.token(KEY, INDICATORS, HttpMethod.PUT, "/api/indicators/gdp"));
        now.addAndGet(1);
        String renewed = tokens.token(KEY, INDICATORS, HttpMethod.PUT, "/api/indicators/gdp");
        assertNotEquals(first, renewed);
        GatewayToken.Claims claims = GatewayToken.verify(SECRET, renewed, new GatewayToken.Call("indicators", "PUT", "/api/indicators/gdp"),
                Instant.ofEpochMilli(now.get()).plusSeconds(15), Duration.ZERO);
        assertEquals("hebei-stats", claims.subject());
    }

    @Test
    void aCachedTokenStaysBoundToItsServiceMethodPathAndKey() {
        String token = tokens.token(KEY, INDICATORS, HttpMethod.PUT, "/api/indicators/gdp");
        assertNotEquals(token, tokens.token(KEY, INDICATORS, HttpMethod.PUT, "/api/indicators/population"));
        assertNotEquals(token, tokens.token(KEY, INDICATORS, HttpMethod.DELETE, "/api/indicators/gdp"));
        assertNotEquals(token, tokens.token(KEY, PROJECTS, HttpMethod.PUT, "/api/indicators/gdp"));
        ApiKeyView other = new ApiKeyView(UUID.randomUUID(), "tianjin-stats", List.of("indicators:write"), Instant.EPOCH, 1);
        assertNotEquals(token, tokens.token(other, INDICATORS, HttpMethod.PUT, "/api/indicators/gdp"));
        Instant at = Instant.ofEpochMilli(now.get());
        assertThrows(GatewayToken.Refused.class, () -> GatewayToken.verify(SECRET, token,
                new GatewayToken.Call("indicators", "PUT", "/api/indicators/population"), at, Duration.ZERO));
        assertThrows(GatewayToken.Refused.class, () -> GatewayToken.verify(SECRET, token,
                new GatewayToken.Call("projects", "PUT", "/api/indicators/gdp"), at, Duration.ZERO));
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < GatewayTokens.CAPACITY + 500; i++) {
            tokens.token(KEY, INDICATORS, HttpMethod.GET, "/api/indicators/code-" + i);
        }
        assertEquals(GatewayTokens.CAPACITY, tokens.size());
    }
}
