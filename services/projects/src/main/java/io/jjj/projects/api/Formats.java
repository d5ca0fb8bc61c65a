package io.jjj.projects.api;

import io.jjj.platform.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Picks the answer's format from {@code format=} or else the {@code Accept} header. */
final class Formats {

    static final String CSV = "text/csv";
    static final String GEOJSON = "application/geo+json";

    private Formats() {
    }

    static String choose(String format, HttpHeaders headers, List<String> offered) {
        if (format != null && !format.isBlank()) {
            String wanted = switch (format.trim().toLowerCase()) {
                case "json" -> MediaType.APPLICATION_JSON;
                case "csv" -> CSV;
                case "geojson" -> GEOJSON;
                default -> null;
            };
            if (wanted == null || !offered.contains(wanted)) {
                throw ProblemException.invalidParameter("format", "must be one of "
                        + String.join(", ", offered.stream().map(Formats::shortName).toList()) + ", was '" + format + "'");
            }
            return wanted;
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            for (String o : offered) {
                if (accepted.isCompatible(MediaType.valueOf(o))) {
                    return accepted.isWildcardType() ? offered.get(0) : o;
                }
            }
        }
        return offered.get(0);
    }

    private static String shortName(String mediaType) {
        return switch (mediaType) {
            case CSV -> "csv";
            case GEOJSON -> "geojson";
            default -> "json";
        };
    }

    /** One CSV line, quoting what needs it. */
    static String csvLine(List<?> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object c = cells.get(i);
            String s = c == null ? "" : c instanceof java.math.BigDecimal d ? d.toPlainString() : c.toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                b.append(s);
            }
        }
        return b.append("\r\n").toString();
    }
}
