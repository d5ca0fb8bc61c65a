package io.jjj.transport.api;

import io.jjj.platform.problem.ProblemException;

import java.util.List;
import java.util.stream.Collectors;

/** Picks the representation from {@code format=} or the Accept header, and writes CSV cells. */
final class Formats {

    static final String CSV = "text/csv";
    static final String GEOJSON = "application/geo+json";

    enum Format { JSON, CSV, GEOJSON }

    private Formats() {
    }

    static Format pick(String format, String accept, Format... allowed) {
        List<Format> ok = List.of(allowed);
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase();
            Format chosen = switch (f) {
                case "json" -> Format.JSON;
                case "csv" -> Format.CSV;
                case "geojson" -> Format.GEOJSON;
                default -> null;
            };
            if (chosen == null || !ok.contains(chosen)) {
                throw ProblemException.invalidParameter("format", "one of " + ok.stream()
                        .map(a -> a.name().toLowerCase()).collect(Collectors.joining(", ")) + ", was '" + format + "'");
            }
            return chosen;
        }
        if (accept != null) {
            if (accept.contains(GEOJSON) && ok.contains(Format.GEOJSON)) {
                return Format.GEOJSON;
            }
            if (accept.contains(CSV) && ok.contains(Format.CSV)) {
                return Format.CSV;
            }
        }
        return Format.JSON;
    }

    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    static String csvLine(Object... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvCell(cells[i]));
        }
        return line.append('\n').toString();
    }
}
