package io.jjj.platform.input;

import java.util.Optional;

/**
 * C0 control characters (and DEL) have no place in ids, codes, parameters or names; PostgreSQL refuses NUL
 * outright. Tab is allowed everywhere, line breaks only in multi-line text such as a JSON string.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Why {@code value} is refused, naming the first control character and where it is; empty when it is clean. */
    public static Optional<String> inLine(String value) {
        return find(value, false);
    }

    /** As {@link #inLine}, but line feeds and carriage returns are allowed. */
    public static Optional<String> inText(String value) {
        return find(value, true);
    }

    private static Optional<String> find(String value, boolean lineBreaksAllowed) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (refused(c, lineBreaksAllowed)) {
                return Optional.of(String.format("contains the control character U+%04X at position %d", (int) c, i + 1));
            }
        }
        return Optional.empty();
    }

    private static boolean refused(char c, boolean lineBreaksAllowed) {
        if (c == '\t') {
            return false;
        }
        if (lineBreaksAllowed && (c == '\n' || c == '\r')) {
            return false;
        }
        return c < 0x20 || c == 0x7F;
    }
}
