package io.jjj.gateway.routing;

import io.vertx.core.http.HttpMethod;

/**
 * One operation the gateway serves or forwards: its method and canonical path pattern ({@code {name}} matches one
 * segment, a final {@code **} any rest), who answers it ({@link #GATEWAY} or a service's name), who may call it,
 * and whether its body is a feed (which gets the feed body cap).
 */
public record Policy(HttpMethod method, String pattern, String target, Access access, boolean feed) {

    public static final String GATEWAY = "gateway";

    /** Who may call an operation. */
    public enum Access {
        /** Anyone; a key, if sent, must still be valid. */
        PUBLIC,
        /** A key with the target service's write scope ({@code <service>:write}) or {@code admin}. */
        WRITE,
        /** A key with the {@code admin} scope. */
        ADMIN
    }

    public boolean servedByGateway() {
        return target.equals(GATEWAY);
    }

    /** The scope a key needs for this operation; null for public ones. */
    public String scope() {
        return switch (access) {
            case PUBLIC -> null;
            case WRITE -> target + ":write";
            case ADMIN -> "admin";
        };
    }
}
