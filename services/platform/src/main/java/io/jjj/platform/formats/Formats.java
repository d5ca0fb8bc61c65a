package io.jjj.platform.formats;

import io.jjj.platform.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Picks a response's representation from {@code format=} or else the {@code Accept} header, and writes CSV lines. */
public final class Formats {

    public static final String JSON = MediaType.APPLICATION_JSON;
    public static final String CSV = "text/csv";
    public static final String GEOJSON = "application/geo+json";

    private Formats() {
    }

    /** The media type to answer with, among {@code offered} (the first is the default). */
    public static String choose(String format, HttpHeaders headers, List<String> offered) {
        return choose(format, headers.getAcceptableMediaTypes(), offered);
    }

    /** The same from a raw {@code Accept} header value. */
    public static String choose(String format, String accept, List<String> offered) {
        List<MediaType> acceptable = new ArrayList<>();
        if (accept != null) {
            for (String part : accept.split(",")) {
                try {
                    acceptable.add(MediaType.valueOf(part.trim()));
                } catch (IllegalArgumentException ignored) {
                    // an unreadable entry of Accept is skipped, as if absent
                }
            }
        }
        return choose(format, acceptable, offered);
    }

    public static String choose(String format, List<MediaType> acceptable, List<String> offered) {
        if (format != null && !format.isBlank()) {
            String wanted = switch (format.trim().toLowerCase()) {
                case "json" -> JSON;
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
        for (MediaType accepted : acceptable) {
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

    /** One RFC 4180 CSV line (CRLF-terminated), quoting what needs it; decimals in plain notation. */
    public static String csvLine(List<?> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object c = cells.get(i);
            String s = c == null ? "" : c instanceof BigDecimal d ? d.toPlainString() : c.toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                b.append(s);
            }
        }
        return b.append("\r\n").toString();
    }

    public static String csvLine(Object... cells) {
        return csvLine(Arrays.asList(cells));
    }
}
