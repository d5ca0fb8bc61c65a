package io.jjj.transport.routing;

import io.jjj.platform.regions.Regions;
import io.jjj.transport.domain.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How fast every region reaches a target region: one search from all of the target's stations at once over the
 * reversed arcs gives every node's minutes to its nearest target station; a region's time is that of its best
 * station, counting the stations of the regions below it (county, prefecture, province).
 */
public final class Accessibility {

    /** Every node's minutes to the nearest target station, and the times per region. */
    public record Result(double[] nodeMinutes, List<RegionTime> regions) {
    }

    /** A region's fastest time ({@code +Infinity} when it cannot reach the target) and the station it starts from. */
    public record RegionTime(String region, int stations, double minutes, String station) {
    }

    private Accessibility() {
    }

    /** The nodes lying in {@code area} (a region, below it, or in a group). */
    public static int[] stationsIn(Network net, Regions regions, String area) {
        List<Integer> found = new ArrayList<>();
        for (int v = 0; v < net.nodeCount(); v++) {
            if (regions.contains(area, net.node(v).region())) {
                found.add(v);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    public static Result towards(Router router, Regions regions, int[] targets, Router.Filter filter) {
        Network net = router.network();
        double[] minutes = router.towards(targets, filter);
        Map<String, int[]> stations = new LinkedHashMap<>();
        Map<String, Integer> best = new LinkedHashMap<>();
        for (int v = 0; v < net.nodeCount(); v++) {
            Node node = net.node(v);
            for (String r : regions.selfAndAncestors(node.region())) {
                stations.computeIfAbsent(r, k -> new int[1])[0]++;
                Integer current = best.get(r);
                if (current == null || minutes[v] < minutes[current]
                        || (minutes[v] == minutes[current] && node.id().compareTo(net.node(current).id()) < 0)) {
                    best.put(r, v);
                }
            }
        }
        List<RegionTime> result = new ArrayList<>();
        stations.forEach((region, count) -> {
            int v = best.get(region);
            result.add(new RegionTime(region, count[0], minutes[v], Double.isInfinite(minutes[v]) ? null : net.node(v).id()));
        });
        return new Result(minutes, result);
    }
}
