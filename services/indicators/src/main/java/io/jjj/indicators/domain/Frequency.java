package io.jjj.indicators.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often an indicator is observed, and the period labels that go with it: {@code 2013}, {@code 2013Q2},
 * {@code 2013-07}. A period is stored as its first day.
 */
public enum Frequency {
    ANNUAL(12, "YYYY, e.g. 2013"),
    QUARTERLY(3, "YYYYQn, e.g. 2013Q2"),
    MONTHLY(1, "YYYY-MM, e.g. 2013-07");

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    private final int months;
    public final String pattern;

    Frequency(int months, String pattern) {
        this.months = months;
        this.pattern = pattern;
    }

    public String value() {
        return name().toLowerCase();
    }

    public static Optional<Frequency> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        for (Frequency f : values()) {
            if (f.value().equalsIgnoreCase(raw.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public int periodsPerYear() {
        return 12 / months;
    }

    /** The frequency a period label is written in, if it is a well-formed label at all. */
    public static Optional<Frequency> ofLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        if (YEAR.matcher(label).matches()) {
            return Optional.of(ANNUAL);
        }
        if (QUARTER.matcher(label).matches()) {
            return Optional.of(QUARTERLY);
        }
        if (MONTH.matcher(label).matches()) {
            return Optional.of(MONTHLY);
        }
        return Optional.empty();
    }

    /** The first day of a period label in any frequency; empty when the label is malformed. */
    public static Optional<LocalDate> startOf(String label) {
        if (label == null) {
            return Optional.empty();
        }
        Matcher m = YEAR.matcher(label);
        if (m.matches()) {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1));
        }
        m = QUARTER.matcher(label);
        if (m.matches()) {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
        }
        m = MONTH.matcher(label);
        if (m.matches()) {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1));
        }
        return Optional.empty();
    }

    /** The day after the last day of a period label in any frequency (its exclusive end). */
    public static Optional<LocalDate> endOf(String label) {
        return ofLabel(label).flatMap(f -> startOf(label).map(f::next));
    }

    /** The first day of the period, when the label is written in this frequency. */
    public Optional<LocalDate> parseLabel(String label) {
        return ofLabel(label).filter(f -> f == this).flatMap(f -> startOf(label));
    }

    public String label(LocalDate start) {
        return switch (this) {
            case ANNUAL -> Integer.toString(start.getYear());
            case QUARTERLY -> start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case MONTHLY -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
        };
    }

    public LocalDate next(LocalDate start) {
        return start.plusMonths(months);
    }

    public LocalDate previous(LocalDate start) {
        return start.minusMonths(months);
    }
}
