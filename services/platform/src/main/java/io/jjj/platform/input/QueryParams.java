package io.jjj.platform.input;

import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The one query-parameter parser: parameters are taken as text ({@code @QueryParam String}) and parsed here, so every
 * bad value is a {@code 400} problem naming the parameter (in {@code detail} and {@code errors[].field}) and saying
 * what was expected. Values are trimmed; absent and blank are the same. Dates: {@link Dates#parameter},
 * {@link Dates#asOf}; paging: {@link io.jjj.platform.paging.PageRequest#parse}.
 *
 * <pre>{@code
 * List<String> kinds = QueryParams.list("kind", kind, ProjectRules.KINDS);     // null when absent
 * double speed = QueryParams.number("speed", speed, 60, 1, 400);               // 60 when absent
 * int minutes = QueryParams.whole("minutes", minutes, 1, 600);                  // required
 * }</pre>
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A required parameter, trimmed. */
    public static String required(String name, String raw) {
        if (absent(raw)) {
            throw ProblemException.invalidParameter(name, "required");
        }
        return raw.trim();
    }

    /** A required parameter that must match {@code pattern}; {@code expected} describes it ("a region code"). */
    public static String required(String name, String raw, String pattern, String expected) {
        if (absent(raw)) {
            throw ProblemException.invalidParameter(name, "required (" + expected + ")");
        }
        return optional(name, raw, pattern, expected);
    }

    /** An optional parameter that must match {@code pattern} when given; null when absent. */
    public static String optional(String name, String raw, String pattern, String expected) {
        if (absent(raw)) {
            return null;
        }
        String trimmed = raw.trim();
        if (!trimmed.matches(pattern)) {
            throw ProblemException.invalidParameter(name, "expected " + expected + ", was '" + raw + "'");
        }
        return trimmed;
    }

    /** One of {@code allowed}; {@code fallback} when absent. */
    public static String oneOf(String name, String raw, List<String> allowed, String fallback) {
        if (absent(raw)) {
            return fallback;
        }
        String v = raw.trim();
        if (!allowed.contains(v)) {
            throw ProblemException.invalidParameter(name, "must be one of " + String.join(", ", allowed) + ", was '" + raw + "'");
        }
        return v;
    }

    /** Comma-separated values, trimmed, empty ones skipped, each one of {@code allowed} unless that is null; null when absent. */
    public static List<String> list(String name, String raw, List<String> allowed) {
        if (absent(raw)) {
            return null;
        }
        List<String> values = split(raw);
        if (allowed != null) {
            for (String v : values) {
                if (!allowed.contains(v)) {
                    throw ProblemException.invalidParameter(name, "unknown value '" + v + "'; one of " + String.join(", ", allowed));
                }
            }
        }
        return values;
    }

    /**
     * A required comma-separated list of at most {@code max} values ({@code noun} names them: "nodes"); more is a
     * {@code 413} problem, since the work grows with the list.
     */
    public static List<String> requiredList(String name, String raw, int max, String noun) {
        List<String> values = split(required(name, raw));
        if (values.isEmpty()) {
            throw ProblemException.invalidParameter(name, "required");
        }
        if (values.size() > max) {
            throw new ProblemException(413, "too-large", "Content too large", name + ": at most " + max + " " + noun
                    + ", was " + values.size(), List.of(FieldError.field(name, "at most " + max + " " + noun)));
        }
        return values;
    }

    /** A required whole number from {@code min} to {@code max}. */
    public static int whole(String name, String raw, int min, int max) {
        if (absent(raw)) {
            throw ProblemException.invalidParameter(name, "required (a whole number from " + min + " to " + max + ")");
        }
        return whole(name, raw, 0, min, max);
    }

    /** A whole number from {@code min} to {@code max}; {@code whenAbsent} when absent. */
    public static int whole(String name, String raw, int whenAbsent, int min, int max) {
        if (absent(raw)) {
            return whenAbsent;
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

    /** A finite number from {@code min} to {@code max}; {@code whenAbsent} when absent. */
    public static double number(String name, String raw, double whenAbsent, double min, double max) {
        if (absent(raw)) {
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

    /** {@code YYYY} or {@code YYYY-MM-DD}; a year alone means its first day, or its last when {@code endOfYear}; null when absent. */
    public static LocalDate dateOrYear(String name, String raw, boolean endOfYear) {
        if (raw != null && raw.trim().matches("\\d{4}")) {
            int year = Dates.yearParameter(name, raw);
            return endOfYear ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
        }
        if (raw != null && !raw.isBlank() && !raw.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw ProblemException.invalidParameter(name, "not a year (YYYY) or a date (YYYY-MM-DD): '" + raw + "'");
        }
        return Dates.parameter(name, raw);
    }

    /** {@code bbox=minLon,minLat,maxLon,maxLat} in WGS 84 degrees; null when absent. */
    public static double[] bbox(String raw) {
        return bbox("bbox", raw);
    }

    /** The same for a parameter of another name. */
    public static double[] bbox(String name, String raw) {
        if (absent(raw)) {
            return null;
        }
        String[] parts = raw.split(",", -1);
        if (parts.length != 4) {
            throw ProblemException.invalidParameter(name, "must be four numbers minLon,minLat,maxLon,maxLat, was '" + raw + "'");
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                box[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidParameter(name, "'" + parts[i].trim() + "' is not a number; " + name
                        + " is minLon,minLat,maxLon,maxLat");
            }
            if (!Double.isFinite(box[i])) {
                throw ProblemException.invalidParameter(name, "'" + parts[i].trim() + "' is not a finite number");
            }
        }
        if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
            throw ProblemException.invalidParameter(name, "longitudes lie in -180..180 and latitudes in -90..90");
        }
        if (box[0] > box[2] || box[1] > box[3]) {
            throw ProblemException.invalidParameter(name, "min must not exceed max (minLon,minLat,maxLon,maxLat)");
        }
        return box;
    }

    private static List<String> split(String raw) {
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean absent(String raw) {
        return raw == null || raw.isBlank();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
