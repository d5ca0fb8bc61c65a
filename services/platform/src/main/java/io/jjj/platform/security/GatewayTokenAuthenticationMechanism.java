package io.jjj.platform.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Reads the gateway's token from {@code X-JJJ-Gateway-Token}; without one the caller stays anonymous and may only
 * read. The token is checked against the call as this service sees it: its own name, the method and the path of the
 * request line.
 */
@ApplicationScoped
public class GatewayTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = context.request().getHeader(GatewayToken.HEADER);
        if (token == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        GatewayTokenRequest request = new GatewayTokenRequest(token, context.request().method().name(), context.request().path());
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"jjj\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(GatewayTokenRequest.class);
    }
}
