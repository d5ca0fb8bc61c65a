package io.jjj.transport.domain;

/** A station, airport, port or city: where links start and end. */
public record Node(String id, String nameEn, String nameZh, String kind, String region, double lon, double lat) {
}
