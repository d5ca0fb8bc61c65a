package io.jjj.transport.api;

import io.jjj.platform.input.QueryParams;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.routing.Network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The parameters only the network has: mode sets as bit masks and node ids resolved in the routing snapshot. */
final class NetworkParams {

    private NetworkParams() {
    }

    /** A comma-separated list of modes as a mask; all modes when absent. */
    static int modes(String raw) {
        return modes(raw, Mode.ALL);
    }

    static int modes(String raw, int whenAbsent) {
        List<String> names = QueryParams.list("modes", raw, Mode.names());
        if (names == null || names.isEmpty()) {
            return whenAbsent;
        }
        return names.stream().mapToInt(name -> Mode.parse(name).orElseThrow().bit()).reduce(0, (a, b) -> a | b);
    }

    static List<String> modeNames(int mask) {
        return Arrays.stream(Mode.values()).filter(m -> (m.bit() & mask) != 0).map(Mode::value).toList();
    }

    /** One node id resolved to its index in the snapshot. */
    static int node(Network net, String name, String raw) {
        String id = QueryParams.required(name, raw);
        return net.index(id).orElseThrow(() -> ProblemException.invalidParameter(name, "unknown node '" + id + "'"));
    }

    /** A comma-separated list of node ids, at most {@code max}; every unknown id is listed. */
    static int[] nodes(Network net, String name, String raw, int max) {
        List<String> ids = QueryParams.requiredList(name, raw, max, "nodes");
        int[] indices = new int[ids.size()];
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            indices[i] = net.index(id).orElse(-1);
            if (indices[i] < 0) {
                unknown.add(FieldError.field(name, "unknown node '" + id + "'"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest(name + ": " + unknown.size() + " unknown node(s)", unknown);
        }
        return indices;
    }

    /** Minutes and kilometres as answered: to the hundredth. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
