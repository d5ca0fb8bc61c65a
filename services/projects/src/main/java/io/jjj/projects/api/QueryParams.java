package io.jjj.projects.api;

import io.jjj.platform.input.Dates;
import io.jjj.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Query parameters taken as text and parsed here, so that every bad value gets a clear 400 naming it. */
final class QueryParams {

    private QueryParams() {
    }

    /** {@code YYYY} or {@code YYYY-MM-DD}; a year alone means its first day, or its last when {@code endOfYear}. */
    static LocalDate dateOrYear(String name, String raw, boolean endOfYear) {
        if (raw != null && raw.trim().matches("\\d{4}")) {
            int year = Dates.yearParameter(name, raw);
            return endOfYear ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
        }
        if (raw != null && !raw.isBlank() && !raw.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw ProblemException.invalidParameter(name, "not a year (YYYY) or a date (YYYY-MM-DD): '" + raw + "'");
        }
        return Dates.parameter(name, raw);
    }

    /** Comma-separated values, each one of {@code allowed} when that is given. */
    static List<String> list(String name, String raw, List<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        List<String> values = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (allowed != null) {
            for (String v : values) {
                if (!allowed.contains(v)) {
                    throw ProblemException.invalidParameter(name, "unknown value '" + v + "'; one of " + String.join(", ", allowed));
                }
            }
        }
        return values;
    }

    static String oneOf(String name, String raw, List<String> allowed, String fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String v = raw.trim();
        if (!allowed.contains(v)) {
            throw ProblemException.invalidParameter(name, "must be one of " + String.join(", ", allowed) + ", was '" + raw + "'");
        }
        return v;
    }

    /** {@code minLon,minLat,maxLon,maxLat}. */
    static double[] bbox(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] parts = raw.split(",", -1);
        if (parts.length != 4) {
            throw ProblemException.invalidParameter("bbox", "must be four numbers minLon,minLat,maxLon,maxLat, was '" + raw + "'");
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                box[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalidParameter("bbox", "'" + parts[i].trim() + "' is not a number; bbox is minLon,minLat,maxLon,maxLat");
            }
            if (!Double.isFinite(box[i])) {
                throw ProblemException.invalidParameter("bbox", "'" + parts[i].trim() + "' is not a finite number");
            }
        }
        if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
            throw ProblemException.invalidParameter("bbox", "longitudes lie in -180..180 and latitudes in -90..90");
        }
        if (box[0] > box[2] || box[1] > box[3]) {
            throw ProblemException.invalidParameter("bbox", "min must not exceed max (minLon,minLat,maxLon,maxLat)");
        }
        return box;
    }
}
