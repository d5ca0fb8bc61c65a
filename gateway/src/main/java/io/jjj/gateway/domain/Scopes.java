package io.jjj.gateway.domain;

import java.util.List;
import java.util.Set;

/** The scopes an API key can carry. */
public final class Scopes {

    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of("indicators:write", "projects:write", "transport:write", ADMIN);
    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private Scopes() {
    }

    public static boolean isKnown(String scope) {
        return KNOWN.contains(scope);
    }

    public static String writeScopeOf(String service) {
        return service + ":write";
    }
}
