package io.jjj.indicators.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit as the catalogue writes it ("CNY 100 million", "10 thousand persons", "percent", "µg/m³"), split into
 * its base ("CNY", "persons") and scale (1e8, 1e4), and whether values in it add up across regions: amounts of
 * money, counts, persons and lengths do; percentages, ratios, indices and concentrations do not.
 */
public record Unit(String label, String base, BigDecimal scale, boolean additive) {

    private static final Pattern SCALED = Pattern.compile(
            "(?i)^(?<lead>[^\\d]*?)\\s*(?<number>\\d+(?:\\.\\d+)?)?\\s*(?<word>hundred million|thousand|million|billion|trillion)\\b\\s*(?<rest>.*)$");
    private static final List<String> ADDITIVE_BASES = List.of(
            "cny", "yuan", "usd", "eur", "count", "number", "persons", "people", "km", "kilometres", "kilometers",
            "enterprises", "projects", "stations", "tonnes", "tons", "households", "jobs", "m²", "km²", "hectares", "mu");
    private static final List<String> NON_ADDITIVE_MARKERS = List.of(
            "percent", "%", "ratio", "index", "per ", "/", "rate", "mean", "average", "share", "times");

    public static Unit parse(String label) {
        String trimmed = label.trim();
        String base = trimmed;
        BigDecimal scale = BigDecimal.ONE;
        Matcher m = SCALED.matcher(trimmed);
        if (m.matches()) {
            BigDecimal number = m.group("number") == null ? BigDecimal.ONE : new BigDecimal(m.group("number"));
            scale = number.multiply(multiplier(m.group("word").toLowerCase(Locale.ROOT)));
            base = (m.group("lead").trim() + " " + m.group("rest").trim()).trim();
        }
        return new Unit(trimmed, base.isEmpty() ? trimmed : base, scale, additiveBase(base));
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
