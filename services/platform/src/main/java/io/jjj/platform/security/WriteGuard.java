package io.jjj.platform.security;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Services accept writes under {@code /api} only with a valid token signed by the gateway carrying the service's
 * write scope ({@code <service>:write} or {@code admin}), so going around the gateway does not work.
 */
public class WriteGuard {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final PlatformConfig config;

    public WriteGuard(PlatformConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void requireGatewayToken(ContainerRequestContext request) {
        if (!config.security().requireGatewayToken() || !WRITES.contains(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String scope = config.service().name() + ":write";
        String token = request.getHeaderString(GatewayToken.HEADER);
        if (token == null) {
            throw new ProblemException(401, "unauthorized", "Unauthorized",
                    "Writes go through the gateway with an API key that has the scope " + scope, List.of())
                    .header("WWW-Authenticate", "Bearer");
        }
        Optional<GatewayToken.Claims> claims = GatewayToken.verify(config.security().tokenSecret(), token);
        if (claims.isEmpty()) {
            throw new ProblemException(401, "unauthorized", "Unauthorized",
                    "The gateway token is invalid or expired", List.of()).header("WWW-Authenticate", "Bearer");
        }
        if (!claims.get().allows(scope)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "The API key '" + claims.get().subject() + "' lacks the scope " + scope, List.of());
        }
    }
}
