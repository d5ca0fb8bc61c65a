package io.jjj.gateway.domain;

import io.jjj.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters taken as text and parsed with messages that say what is wrong. */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter("asOf", "not a date (YYYY-MM-DD): '" + value + "'");
        }
    }

    public static int integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidParameter(name, "required (a whole number from " + min + " to " + max + ")");
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw ProblemException.invalidParameter(name, "must be from " + min + " to " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter(name, "not a whole number: '" + value + "'");
        }
    }

    public static String required(String name, String value, String pattern, String expected) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidParameter(name, "required (" + expected + ")");
        }
        return optional(name, value, pattern, expected);
    }

    public static String optional(String name, String value, String pattern, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (!trimmed.matches(pattern)) {
            throw ProblemException.invalidParameter(name, "expected " + expected + ", got '" + value + "'");
        }
        return trimmed;
    }
}
