package io.jjj.indicators.domain;

import io.jjj.platform.input.TextLimits;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What makes a catalogue entry valid, for the PUT endpoint and the catalogue feed alike: a dotted lower-case
 * code, an English name, a unit, one of the frequencies, a known source, and an {@code additive} flag that is
 * derived from the unit unless given.
 */
public final class IndicatorRules {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");
    /** Path segments under /api/indicators that are not indicator codes. */
    private static final Set<String> RESERVED = Set.of("feeds", "catalogue", "sources");

    private IndicatorRules() {
    }

    /** Caps on the free text of a definition. */
    public record Limits(TextLimits text, int maxUnitLength) {
    }

    /** The raw fields of a definition, as text. */
    public record Draft(String code, String nameEn, String nameZh, String unit, String frequency,
                        String description, String source, String additive) {
    }

    /**
     * Validates a draft against the known sources; errors go to {@code errors} as (field, message) with the field
     * named by {@code fieldNames} (feed columns or JSON properties). Returns the entry when it is valid.
     */
    public static Optional<Indicator> validate(Draft d, Set<String> sources, Map<String, String> fieldNames, Limits limits,
                                               BiConsumer<String, String> errors) {
        boolean ok = true;
        Map<String, Optional<String>> tooLong = new LinkedHashMap<>();
        tooLong.put("nameEn", limits.text().name(d.nameEn()));
        tooLong.put("nameZh", limits.text().name(d.nameZh()));
        tooLong.put("unit", d.unit() != null && d.unit().length() > limits.maxUnitLength()
                ? Optional.of("at most " + limits.maxUnitLength() + " characters, was " + d.unit().length()) : Optional.empty());
        tooLong.put("description", limits.text().text(d.description()));
        tooLong.put("source", limits.text().name(d.source()));
        for (Map.Entry<String, Optional<String>> e : tooLong.entrySet()) {
            if (e.getValue().isPresent()) {
                errors.accept(fieldNames.get(e.getKey()), e.getValue().get());
                ok = false;
            }
        }
        if (d.code() == null || d.code().isBlank()) {
            errors.accept(fieldNames.get("code"), "required");
            ok = false;
        } else if (!CODE.matcher(d.code()).matches() || d.code().length() > 100) {
            errors.accept(fieldNames.get("code"), "must be lower-case words joined by dots, like va.tertiary.share, was '" + d.code() + "'");
            ok = false;
        } else if (RESERVED.contains(d.code())) {
            errors.accept(fieldNames.get("code"), "'" + d.code() + "' is reserved");
            ok = false;
        }
        if (blank(d.nameEn())) {
            errors.accept(fieldNames.get("nameEn"), "required");
            ok = false;
        }
        if (blank(d.unit())) {
            errors.accept(fieldNames.get("unit"), "required");
            ok = false;
        }
        Optional<Frequency> frequency = Frequency.parse(d.frequency());
        if (blank(d.frequency())) {
            errors.accept(fieldNames.get("frequency"), "required");
            ok = false;
        } else if (frequency.isEmpty()) {
            errors.accept(fieldNames.get("frequency"), "must be annual, quarterly or monthly, was '" + d.frequency() + "'");
            ok = false;
        }
        if (!blank(d.source()) && !sources.contains(d.source().trim())) {
            errors.accept(fieldNames.get("source"), "unknown source '" + d.source().trim() + "'; sources are defined at /api/indicators/sources");
            ok = false;
        }
        Optional<Boolean> additive = Optional.empty();
        if (!blank(d.additive())) {
            additive = parseBoolean(d.additive());
            if (additive.isEmpty()) {
                errors.accept(fieldNames.get("additive"), "must be true or false, was '" + d.additive() + "'");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        Unit unit = Unit.parse(d.unit());
        if (additive.isPresent()) {
            unit = unit.withAdditive(additive.get());
        }
        return Optional.of(new Indicator(d.code().trim(), d.nameEn().trim(), trimmed(d.nameZh()), unit, frequency.get(),
                trimmed(d.description()), trimmed(d.source()), false, 0, null));
    }

    private static Optional<Boolean> parseBoolean(String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Optional.of(true);
            case "false", "no", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }
}
