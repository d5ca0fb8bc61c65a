package io.jjj.transport.domain;

import java.util.Arrays;
import java.util.List;
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

    public static List<String> names() {
        return Arrays.stream(values()).map(NodeKind::value).toList();
    }

    public static String allowed() {
        return String.join(", ", names());
    }
}
