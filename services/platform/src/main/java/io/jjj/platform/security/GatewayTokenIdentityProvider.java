package io.jjj.platform.security;

import io.jjj.platform.config.PlatformConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/** Turns a verified gateway token into an identity whose roles are the {@link Roles} its scopes give here. */
@ApplicationScoped
public class GatewayTokenIdentityProvider implements IdentityProvider<GatewayTokenRequest> {

    private final PlatformConfig config;
    private final TokenSecret secret;
    private final Clock clock = Clock.systemUTC();

    public GatewayTokenIdentityProvider(PlatformConfig config, TokenSecret secret) {
        this.config = config;
        this.secret = secret;
    }

    @Override
    public Class<GatewayTokenRequest> getRequestType() {
        return GatewayTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(GatewayTokenRequest request, AuthenticationRequestContext context) {
        GatewayToken.Call call = new GatewayToken.Call(config.service().name(), request.method(), request.path());
        try {
            GatewayToken.Claims claims = GatewayToken.verify(secret.value(), request.token(), call, Instant.now(clock),
                    config.security().clockSkew());
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(claims.subject()))
                    .addRoles(Roles.of(claims.scopes(), config.service().name()))
                    .build());
        } catch (GatewayToken.Refused refused) {
            return Uni.createFrom().failure(new AuthenticationFailedException(refused.getMessage()));
        }
    }
}
