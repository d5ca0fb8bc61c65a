package io.jjj.platform.regions;

import java.util.List;
import java.util.Map;

/**
 * What one chunk of a regions feed adds to the reference, as the {@code jjj.regions.updated.v1} event carries it:
 * regions (new, or replacing the one with their code), changes, and the citations of new source ids.
 */
public record RegionUpdate(List<Region> regions, List<RegionChange> changes, Map<String, String> sources) {
}
