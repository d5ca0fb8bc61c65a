package io.jjj.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A gateway token presented on a call with this method and raw path. */
public class GatewayTokenRequest extends BaseAuthenticationRequest {

    private final String token;
    private final String method;
    private final String path;

    public GatewayTokenRequest(String token, String method, String path) {
        this.token = token;
        this.method = method;
        this.path = path;
    }

    public String token() {
        return token;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
