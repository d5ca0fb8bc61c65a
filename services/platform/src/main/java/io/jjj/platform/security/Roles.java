package io.jjj.platform.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles a caller holds inside one service, from the scopes of its API key: {@code <service>:write} gives
 * {@link #WRITE}, {@code admin} gives {@link #ADMIN} and {@link #WRITE}; scopes of other services give nothing here.
 */
public final class Roles {

    public static final String WRITE = "write";
    public static final String ADMIN = "admin";

    private Roles() {
    }

    public static Set<String> of(List<String> scopes, String service) {
        Set<String> roles = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope.equals(ADMIN)) {
                roles.add(ADMIN);
                roles.add(WRITE);
            } else if (scope.equals(service + ":write")) {
                roles.add(WRITE);
            }
        }
        return roles;
    }
}
