package io.jjj.indicators.domain;

import io.jjj.platform.problem.ProblemException;

import java.util.Locale;

/** A server-side transform of the values of a query, parsed from {@code transform=}. */
public sealed interface Transform {

    String SYNTAX = "yoy, diff, index:YYYY (or another base period), share:<indicator>, gap:<region> or cagr";

    /** The values as stored. */
    record None() implements Transform {
    }

    /** Growth rate in percent over the same period one year earlier. */
    record YearOnYear() implements Transform {
    }

    /** Difference from the previous period. */
    record Difference() implements Transform {
    }

    /** The value relative to a base period (or a base year, averaged, for sub-annual series), base = 100. */
    record IndexTo(String base) implements Transform {
    }

    /** The value as a percentage of another indicator for the same region and period. */
    record ShareOf(String indicator) implements Transform {
    }

    /** The value minus another region's value of the same indicator and period. */
    record GapTo(String region) implements Transform {
    }

    /** Compound annual growth rate in percent between the first and last values in the requested range. */
    record CompoundAnnualGrowth() implements Transform {
    }

    static Transform parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new None();
        }
        String t = raw.trim();
        int colon = t.indexOf(':');
        String name = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT);
        String argument = colon < 0 ? null : t.substring(colon + 1).trim();
        Transform parsed = switch (name) {
            case "yoy" -> argument == null ? new YearOnYear() : null;
            case "diff" -> argument == null ? new Difference() : null;
            case "cagr" -> argument == null ? new CompoundAnnualGrowth() : null;
            case "index" -> argument == null || argument.isEmpty() ? null : indexTo(argument);
            case "share" -> argument == null || argument.isEmpty() ? null : new ShareOf(argument);
            case "gap" -> argument == null || argument.isEmpty() ? null : new GapTo(argument);
            default -> null;
        };
        if (parsed == null) {
            throw ProblemException.invalidParameter("transform", "unknown transform '" + raw + "'; use one of " + SYNTAX);
        }
        return parsed;
    }

    private static Transform indexTo(String base) {
        if (Frequency.ofLabel(base).isEmpty()) {
            throw ProblemException.invalidParameter("transform",
                    "index needs a base period such as index:2013 (or 2013Q1, 2013-01), was '" + base + "'");
        }
        return new IndexTo(base);
    }
}
