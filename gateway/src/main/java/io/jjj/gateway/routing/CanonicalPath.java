package io.jjj.gateway.routing;

/**
 * The one form of a request path every decision of the gateway is made on, and the one it forwards (RFC 3986 §6):
 * escapes of unreserved characters decoded, dot-segments resolved, repeated slashes merged. What two components
 * could read in two ways is refused instead: an encoded slash, backslash or control character, a {@code ;} parameter,
 * an invalid escape, a character outside the URI syntax, a {@code ..} above the root.
 */
public final class CanonicalPath {

    /** Why a path was refused, worded for the client. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final String HEX = "0123456789ABCDEF";

    private CanonicalPath() {
    }

    public static String of(String raw) throws Refused {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            throw new Refused("The path must start with '/'");
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        boolean changed = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int value = i + 2 < raw.length() ? hexByte(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw new Refused("The path has an invalid percent-escape at character " + (i + 1));
                }
                if (isUnreserved(value)) {
                    decoded.append((char) value);
                    changed = true;
                } else if (value == '/' || value == '\\') {
                    throw new Refused("The path has an encoded " + (value == '/' ? "slash (%2F)" : "backslash (%5C)")
                            + ", which is ambiguous");
                } else if (value < 0x20 || value == 0x7f) {
                    throw new Refused("The path has an encoded control character (%" + raw.substring(i + 1, i + 3) + ")");
                } else {
                    decoded.append('%').append(HEX.charAt(value >> 4)).append(HEX.charAt(value & 0xf));
                    changed |= raw.charAt(i + 1) != HEX.charAt(value >> 4) || raw.charAt(i + 2) != HEX.charAt(value & 0xf);
                }
                i += 2;
            } else if (c == ';') {
                throw new Refused("The path has a ';' parameter, which is not accepted");
            } else if (c == '\\') {
                throw new Refused("The path has a backslash, which is ambiguous");
            } else if (c == '/' || isPathChar(c)) {
                decoded.append(c);
            } else {
                throw new Refused("The path has a character that is not allowed in a URI path at character " + (i + 1)
                        + "; percent-encode it");
            }
        }
        return resolveSegments(changed ? decoded.toString() : raw);
    }

    /** Merges empty segments and resolves {@code .} and {@code ..}; a path that needs none of it is returned as is. */
    private static String resolveSegments(String path) throws Refused {
        if (!needsResolving(path)) {
            return path;
        }
        String[] segments = path.split("/", -1);
        String[] kept = new String[segments.length];
        int depth = 0;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (depth == 0) {
                    throw new Refused("The path climbs above the root with '..'");
                }
                depth--;
            } else {
                kept[depth++] = segment;
            }
        }
        String last = segments[segments.length - 1];
        boolean trailingSlash = depth > 0 && (last.isEmpty() || last.equals(".") || last.equals(".."));
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < depth; i++) {
            out.append('/').append(kept[i]);
        }
        if (depth == 0 || trailingSlash) {
            out.append('/');
        }
        return out.toString();
    }

    private static boolean needsResolving(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                int next = i + 1;
                if (next < path.length() && path.charAt(next) == '/') {
                    return true;
                }
                int end = path.indexOf('/', next);
                String segment = path.substring(next, end < 0 ? path.length() : end);
                if (segment.equals(".") || segment.equals("..")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Checks a raw query: valid escapes only, and no control character, raw or encoded. */
    public static void checkQuery(String rawQuery) throws Refused {
        if (rawQuery == null) {
            return;
        }
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new Refused("The query has a control character at character " + (i + 1));
            }
            if (c == '%') {
                int value = i + 2 < rawQuery.length() ? hexByte(rawQuery.charAt(i + 1), rawQuery.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw new Refused("The query has an invalid percent-escape at character " + (i + 1));
                }
                if (value < 0x20 || value == 0x7f) {
                    throw new Refused("The query has an encoded control character (%" + rawQuery.substring(i + 1, i + 3) + ")");
                }
                i += 2;
            }
        }
    }

    private static int hexByte(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h << 4 | l;
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** pchar of RFC 3986 without '%' (escapes are handled apart) and without ';' (refused). */
    private static boolean isPathChar(char c) {
        return isUnreserved(c) || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*'
                || c == '+' || c == ',' || c == '=' || c == ':' || c == '@';
    }
}
