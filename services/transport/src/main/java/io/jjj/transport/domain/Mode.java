package io.jjj.transport.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a link is travelled. Each mode has a bit so a set of modes is an int mask. */
public enum Mode {
    HSR, INTERCITY, RAIL, EXPRESSWAY, METRO;

    public static final int ALL = (1 << values().length) - 1;

    public String value() {
        return name().toLowerCase();
    }

    public int bit() {
        return 1 << ordinal();
    }

    public static Optional<Mode> parse(String raw) {
        return Arrays.stream(values()).filter(m -> m.value().equals(raw)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Mode::value).toList();
    }

    public static String allowed() {
        return String.join(", ", names());
    }
}
