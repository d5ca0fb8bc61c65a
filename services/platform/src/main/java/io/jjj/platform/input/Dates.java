package io.jjj.platform.input;

import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.time.Today;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The calendar the API accepts: ISO dates from 1900-01-01 to 2200-12-31. Every date a client sends (query
 * parameters, JSON bodies, feed cells) is checked against it, so none can overflow a database date or a day count.
 */
public final class Dates {

    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(2200, 12, 31);
    public static final String RANGE = "from " + MIN + " to " + MAX;

    private Dates() {
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(MIN) && !date.isAfter(MAX);
    }

    public static boolean yearInRange(long year) {
        return year >= MIN.getYear() && year <= MAX.getYear();
    }

    /** Why the date is refused: outside {@link #RANGE}. */
    public static String outOfRange(Object given) {
        return "must lie " + RANGE + ", was '" + given + "'";
    }

    /** A {@code YYYY-MM-DD} query parameter; null when absent or blank. */
    public static LocalDate parameter(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.trim());
        } catch (DateTimeException e) {
            throw ProblemException.invalidParameter(name, "not a date (YYYY-MM-DD): '" + raw + "'");
        }
        if (!inRange(date)) {
            throw ProblemException.invalidParameter(name, outOfRange(raw.trim()));
        }
        return date;
    }

    /** A {@code YYYY} query parameter; null when absent or blank. */
    public static Integer yearParameter(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        if (!v.matches("\\d{4}")) {
            throw ProblemException.invalidParameter(name, "not a year (YYYY): '" + raw + "'");
        }
        int year = Integer.parseInt(v);
        if (!yearInRange(year)) {
            throw ProblemException.invalidParameter(name, "the year must lie between " + MIN.getYear() + " and "
                    + MAX.getYear() + ", was " + year);
        }
        return year;
    }

    /**
     * The one {@code asOf} rule: a {@code YYYY-MM-DD} date {@link #RANGE}; absent or blank means today in
     * {@link Today#ZONE}. A date in the future is accepted (the state as known now, plans included), like any past one.
     *
     * @param name the parameter as the 400 problem names it (usually {@code "asOf"})
     * @throws ProblemException 400 naming {@code name} when not a date or out of range
     */
    public static LocalDate asOf(String name, String raw, Today today) {
        LocalDate date = parameter(name, raw);
        return date == null ? today.date() : date;
    }

    /** {@link #asOf(String, String, Today)} for the parameter {@code asOf}. */
    public static LocalDate asOf(String raw, Today today) {
        return asOf("asOf", raw, today);
    }

    /** {@link #asOf(String, String, Today)} with today given, for code outside CDI (e.g. {@code Today.of(clock)}). */
    public static LocalDate asOf(String name, String raw, LocalDate today) {
        LocalDate date = parameter(name, raw);
        return date == null ? today : date;
    }
}
