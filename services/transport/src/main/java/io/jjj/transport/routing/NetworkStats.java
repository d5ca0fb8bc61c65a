package io.jjj.transport.routing;

import io.jjj.platform.regions.Regions;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Length and stations of the network open on a day. A link's length counts half to the region of each end and
 * again to every region above it (so all of it where both ends lie); a station counts where it lies when an open
 * link touches it — the rules the indicators service uses for {@code hsr.length} and {@code hsr.stations}.
 */
public final class NetworkStats {

    /** Kilometres and stations of one group. */
    public record Totals(double lengthKm, int stations) {
    }

    private NetworkStats() {
    }

    public static Totals total(Network net, Router.Filter filter) {
        return grouped(net, filter, k -> "all").getOrDefault("all", new Totals(0, 0));
    }

    public static Map<String, Totals> byMode(Network net, Router.Filter filter) {
        return grouped(net, filter, k -> net.linkMode(k).value());
    }

    /** Keyed by {@code mode/line}, since a line name belongs to a mode. */
    public static Map<String, Totals> byLine(Network net, Router.Filter filter) {
        return grouped(net, filter, k -> net.linkMode(k).value() + "/" + net.linkLine(k));
    }

    public static Map<String, Totals> byRegion(Network net, Regions regions, Router.Filter filter) {
        Map<String, double[]> sums = new TreeMap<>();
        BitSet touched = new BitSet(net.nodeCount());
        for (int k = 0; k < net.linkCount(); k++) {
            if (!net.linkOpen(k, filter.day(), filter.modeMask())) {
                continue;
            }
            double half = net.linkKm(k) / 2;
            for (int end : new int[] {net.linkFrom(k), net.linkTo(k)}) {
                touched.set(end);
                for (String r : regions.selfAndAncestors(net.node(end).region())) {
                    sums.computeIfAbsent(r, key -> new double[2])[0] += half;
                }
            }
        }
        touched.stream().forEach(v -> {
            for (String r : regions.selfAndAncestors(net.node(v).region())) {
                sums.computeIfAbsent(r, key -> new double[2])[1]++;
            }
        });
        Map<String, Totals> result = new TreeMap<>();
        sums.forEach((r, s) -> result.put(r, new Totals(s[0], (int) s[1])));
        return result;
    }

    /** Length and stations within an area (a region and everything below it, or a group). */
    public static Totals within(Network net, Regions regions, String area, Router.Filter filter) {
        BitSet inside = new BitSet(net.nodeCount());
        for (int v = 0; v < net.nodeCount(); v++) {
            if (regions.contains(area, net.node(v).region())) {
                inside.set(v);
            }
        }
        double km = 0;
        BitSet touched = new BitSet(net.nodeCount());
        for (int k = 0; k < net.linkCount(); k++) {
            if (!net.linkOpen(k, filter.day(), filter.modeMask())) {
                continue;
            }
            for (int end : new int[] {net.linkFrom(k), net.linkTo(k)}) {
                if (inside.get(end)) {
                    km += net.linkKm(k) / 2;
                    touched.set(end);
                }
            }
        }
        return new Totals(km, touched.cardinality());
    }

    private static Map<String, Totals> grouped(Network net, Router.Filter filter, IntFunction<String> key) {
        Map<String, double[]> km = new TreeMap<>();
        Map<String, BitSet> stations = new TreeMap<>();
        for (int k = 0; k < net.linkCount(); k++) {
            if (!net.linkOpen(k, filter.day(), filter.modeMask())) {
                continue;
            }
            String group = key.apply(k);
            km.computeIfAbsent(group, g -> new double[1])[0] += net.linkKm(k);
            BitSet touched = stations.computeIfAbsent(group, g -> new BitSet(net.nodeCount()));
            touched.set(net.linkFrom(k));
            touched.set(net.linkTo(k));
        }
        Map<String, Totals> result = new TreeMap<>();
        km.forEach((group, sum) -> result.put(group, new Totals(sum[0], stations.get(group).cardinality())));
        return result;
    }
}
