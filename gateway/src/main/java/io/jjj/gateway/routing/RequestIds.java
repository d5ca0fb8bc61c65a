package io.jjj.gateway.routing;

import java.util.UUID;
import java.util.regex.Pattern;

/** {@code X-Request-Id}: the client's when it is sensible, else a new one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(String offered) {
        return offered != null && SENSIBLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
