package io.jjj.gateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key secret presented by a caller. */
public class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
