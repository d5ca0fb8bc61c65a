package io.jjj.gateway.security;

import io.jjj.gateway.domain.ApiKeyCache;
import io.jjj.gateway.domain.ApiKeyService;
import io.jjj.gateway.domain.ApiKeyView;
import io.jjj.platform.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** An identity for an active API key, whose roles are the {@link Roles} its scopes give on the gateway. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private final ApiKeyService keys;
    private final ApiKeyCache keyCache;

    public ApiKeyIdentityProvider(ApiKeyService keys, ApiKeyCache keyCache) {
        this.keys = keys;
        this.keyCache = keyCache;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        Optional<Optional<ApiKeyView>> cached = keyCache.cached(request.secret());
        if (cached.isPresent()) {
            return Uni.createFrom().item(() -> identity(cached.get()));
        }
        return context.runBlocking(() -> identity(keys.authenticate(request.secret())));
    }

    private static SecurityIdentity identity(Optional<ApiKeyView> key) {
        if (key.isEmpty()) {
            throw new AuthenticationFailedException("The API key is not valid (unknown or revoked)");
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.get().name()))
                .addRoles(Roles.of(key.get().scopes(), "gateway"))
                .build();
    }
}
