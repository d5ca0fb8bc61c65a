package io.jjj.gateway.routing;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code X-Request-Id}: the client's when it is sensible, else a new one. A new id is UUID-shaped: 64 random bits
 * drawn once per process, then a counter that starts at a random value, so ids are unique without a random draw per
 * request.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final int MAX_LENGTH = 128;
    private static final long PROCESS_BITS;
    private static final AtomicLong COUNTER;

    static {
        SecureRandom random = new SecureRandom();
        PROCESS_BITS = random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L;
        COUNTER = new AtomicLong(random.nextLong());
    }

    private RequestIds() {
    }

    public static String acceptOrGenerate(String offered) {
        return offered != null && isSensible(offered) ? offered : generate();
    }

    static String generate() {
        return new UUID(PROCESS_BITS, COUNTER.getAndIncrement() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
    }

    /** 1 to 128 characters out of {@code A-Z a-z 0-9 . _ : @ / + = -}. */
    private static boolean isSensible(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '@' || c == '/' || c == '+' || c == '=' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
