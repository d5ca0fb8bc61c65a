package io.jjj.platform.feeds;

import io.jjj.platform.problem.ProblemException;

/** Atomic: one bad row and nothing is written. Partial: the good rows are applied and the rest reported. */
public enum FeedMode {
    ATOMIC, PARTIAL;

    public static FeedMode parse(String raw) {
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("atomic")) {
            return ATOMIC;
        }
        if (raw.equalsIgnoreCase("partial")) {
            return PARTIAL;
        }
        throw ProblemException.invalidParameter("mode", "must be 'atomic' (default) or 'partial', was '" + raw + "'");
    }

    public String value() {
        return name().toLowerCase();
    }
}
