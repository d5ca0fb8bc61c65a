package io.jjj.indicators.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A unit as the catalogue writes it ("CNY 100 million", "10 thousand persons", "percent", "µg/m³"), split into
 * its base ("CNY", "persons") and scale (1e8, 1e4), and whether values in it add up across regions: amounts of
 * money, counts, persons and lengths do; percentages, ratios, indices and concentrations do not.
 */
public record Unit(String label, String base, BigDecimal scale, boolean additive) {

    /** Scale words as they may follow an optional number; "hundred million" before "million" so it is seen whole. */
    private static final List<String> SCALE_WORDS = List.of("hundred million", "thousand", "million", "billion", "trillion");
    private static final String SCALE_INITIALS = "hHtTmMbB";
    private static final List<String> ADDITIVE_BASES = List.of(
            "cny", "yuan", "usd", "eur", "count", "number", "persons", "people", "km", "kilometres", "kilometers",
            "enterprises", "projects", "stations", "tonnes", "tons", "households", "jobs", "m²", "km²", "hectares", "mu");
    private static final List<String> NON_ADDITIVE_MARKERS = List.of(
            "percent", "%", "ratio", "index", "per ", "/", "rate", "mean", "average", "share", "times");

    /**
     * Splits {@code lead [number] word rest}, where the lead holds no digit and the word is the first scale word
     * that ends a word. One pass over the label, so its length costs linear time.
     */
    public static Unit parse(String label) {
        String trimmed = label.trim();
        String base = trimmed;
        BigDecimal scale = BigDecimal.ONE;
        int firstDigit = firstDigit(trimmed);
        for (int at = 0; at < trimmed.length(); at++) {
            String word = scaleWordAt(trimmed, at);
            if (word == null) {
                continue;
            }
            int numberEnd = skipSpacesBack(trimmed, at);
            int numberStart = numberStart(trimmed, numberEnd);
            int leadEnd = numberStart == numberEnd ? numberEnd : skipSpacesBack(trimmed, numberStart);
            if (firstDigit >= 0 && firstDigit < leadEnd) {
                break;
            }
            BigDecimal number = numberStart == numberEnd ? BigDecimal.ONE : new BigDecimal(trimmed.substring(numberStart, numberEnd));
            scale = number.multiply(multiplier(word));
            base = (trimmed.substring(0, leadEnd).trim() + " " + trimmed.substring(at + word.length()).trim()).trim();
            break;
        }
        return new Unit(trimmed, base.isEmpty() ? trimmed : base, scale, additiveBase(base));
    }

    /** The scale word starting at {@code at} (ASCII letters in any case) and followed by a word boundary, or null. */
    private static String scaleWordAt(String s, int at) {
        if (SCALE_INITIALS.indexOf(s.charAt(at)) < 0) {
            return null;
        }
        for (String word : SCALE_WORDS) {
            int end = at + word.length();
            if (end <= s.length() && s.regionMatches(true, at, word, 0, word.length())
                    && (end == s.length() || !isWordChar(s.charAt(end)))) {
                return word;
            }
        }
        return null;
    }

    /** Where a number {@code 12} or {@code 1.5} ending at {@code end} starts; {@code end} when there is none. */
    private static int numberStart(String s, int end) {
        int i = end;
        while (i > 0 && isDigit(s.charAt(i - 1))) {
            i--;
        }
        if (i < end && i > 1 && s.charAt(i - 1) == '.' && isDigit(s.charAt(i - 2))) {
            i--;
            while (i > 0 && isDigit(s.charAt(i - 1))) {
                i--;
            }
        }
        return i;
    }

    private static int skipSpacesBack(String s, int end) {
        int i = end;
        while (i > 0 && " \t\n\u000B\f\r".indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        return i;
    }

    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return isDigit(c) || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static BigDecimal multiplier(String word) {
        return switch (word) {
            case "thousand" -> new BigDecimal("1000");
            case "million" -> new BigDecimal("1000000");
            case "hundred million" -> new BigDecimal("100000000");
            case "billion" -> new BigDecimal("1000000000");
            default -> new BigDecimal("1000000000000");
        };
    }

    /** Unknown units count as not additive, so a sum is never made up for them. */
    static boolean additiveBase(String base) {
        String b = base.toLowerCase(Locale.ROOT).trim();
        if (NON_ADDITIVE_MARKERS.stream().anyMatch(b::contains)) {
            return false;
        }
        return ADDITIVE_BASES.stream().anyMatch(a -> b.equals(a) || b.startsWith(a + " ") || b.endsWith(" " + a));
    }

    public Unit withAdditive(boolean explicit) {
        return new Unit(label, base, scale, explicit);
    }
}
