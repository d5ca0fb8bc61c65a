package io.jjj.gateway.events;

import io.jjj.platform.regions.Regions;

import java.util.List;

/**
 * Which events a subscriber wants: types by prefix ({@code jjj.projects.} or a full type; a trailing {@code *} is
 * allowed) and a region (events whose data mentions it or a region inside it).
 */
public record EventFilter(List<String> typePrefixes, String region) {

    public static final EventFilter ALL = new EventFilter(List.of(), null);

    public static EventFilter of(String types, String region) {
        List<String> prefixes = types == null ? List.of() : java.util.Arrays.stream(types.split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).map(t -> t.endsWith("*") ? t.substring(0, t.length() - 1) : t)
                .toList();
        return new EventFilter(prefixes, region == null || region.isBlank() ? null : region.trim());
    }

    public boolean matches(RelayedEvent event, Regions regions) {
        if (!typePrefixes.isEmpty() && typePrefixes.stream().noneMatch(event.type()::startsWith)) {
            return false;
        }
        return region == null || event.regions().stream().anyMatch(r -> regions.contains(region, r));
    }
}
