package io.jjj.transport.routing;

import java.util.List;

/**
 * The fastest way between two nodes: total minutes (travel plus transfer penalties), distance, and the legs, one per
 * run of consecutive links on the same line.
 */
public record Route(int from, int to, double minutes, double km, int transfers, double transferMinutes, List<Leg> legs) {

    /** Consecutive links on one line: node indices in travel order and the link indices between them. */
    public record Leg(String line, io.jjj.transport.domain.Mode mode, List<Integer> nodes, List<Integer> links,
                      double minutes, double km) {
    }
}
