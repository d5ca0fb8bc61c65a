package io.jjj.transport.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a node is. */
public enum NodeKind {
    HSR_STATION, RAIL_STATION, AIRPORT, PORT, CITY;

    public String value() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<NodeKind> parse(String raw) {
        return Arrays.stream(values()).filter(k -> k.value().equals(raw)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(NodeKind::value).toList());
    }
}
