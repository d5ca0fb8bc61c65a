package io.jjj.transport.api;

import io.jjj.platform.input.Dates;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.routing.Network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Query parameters taken as text and parsed here, so every bad value gets a 400 naming the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    /** {@code asOf=YYYY-MM-DD}, today in the cluster when absent. */
    static LocalDate date(String name, String raw) {
        LocalDate date = Dates.parameter(name, raw);
        return date == null ? LocalDate.now(Network.CLUSTER_TIME) : date;
    }

    /** A comma-separated list of modes as a mask; all modes when absent. */
    static int modes(String raw) {
        return modes(raw, Mode.ALL);
    }

    static int modes(String raw, int whenAbsent) {
        if (raw == null || raw.isBlank()) {
            return whenAbsent;
        }
        int mask = 0;
        for (String part : raw.split(",")) {
            String m = part.trim();
            mask |= Mode.parse(m).orElseThrow(() -> ProblemException.invalidParameter("modes",
                    "unknown mode '" + m + "'; one or more of " + Mode.allowed())).bit();
        }
        return mask;
    }

    static List<String> modeNames(int mask) {
        return Arrays.stream(Mode.values()).filter(m -> (m.bit() & mask) != 0).map(Mode::value).toList();
    }

    static double number(String name, String raw, double whenAbsent, double min, double max) {
        if (raw == null || raw.isBlank()) {
            return whenAbsent;
        }
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter(name, "not a number: '" + raw + "'");
        }
        if (!(value >= min && value <= max)) {
            throw ProblemException.invalidParameter(name, "must be between " + fmt(min) + " and " + fmt(max) + ", was " + raw.trim());
        }
        return value;
    }

    static int whole(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidParameter(name, "required");
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter(name, "not a whole number: '" + raw + "'");
        }
        if (value < min || value > max) {
            throw ProblemException.invalidParameter(name, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static String required(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidParameter(name, "required");
        }
        return raw.trim();
    }

    /** One node id resolved to its index in the snapshot. */
    static int node(Network net, String name, String raw) {
        String id = required(name, raw);
        return net.index(id).orElseThrow(() -> ProblemException.invalidParameter(name, "unknown node '" + id + "'"));
    }

    /** A comma-separated list of node ids, at most {@code max}; every unknown id is listed. */
    static int[] nodes(Network net, String name, String raw, int max) {
        String[] ids = required(name, raw).split(",");
        if (ids.length > max) {
            throw new ProblemException(413, "too-large", "Content too large", name + ": at most " + max
                    + " nodes, was " + ids.length, List.of(FieldError.field(name, "at most " + max + " nodes")));
        }
        int[] indices = new int[ids.length];
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i].trim();
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

    static double round(double minutes) {
        return Math.round(minutes * 100) / 100.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
