package io.jjj.platform.paging;

import io.jjj.platform.problem.ProblemException;

/**
 * {@code page} (from 0) and {@code size} (1..1000, default 50), validated; the first item of the page
 * ({@code page × size}) must be at most {@link #MAX_OFFSET}, so an offset never overflows.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;
    public static final long MAX_OFFSET = 100_000_000L;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.invalidParameter("page", "must be 0 or more, was " + p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalidParameter("size", "must be between 1 and " + MAX_SIZE + ", was " + s);
        }
        if ((long) p * s > MAX_OFFSET) {
            throw ProblemException.invalidParameter("page", "page × size must be at most " + MAX_OFFSET
                    + ", so with size " + s + " page is at most " + MAX_OFFSET / s + ", was " + p);
        }
        return new PageRequest(p, s);
    }

    /** Parses the raw query values so that {@code size=abc} gets the same clear answer as {@code size=5000}. */
    public static PageRequest parse(String page, String size) {
        return of(parseInt("page", page), parseInt("size", size));
    }

    private static Integer parseInt(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter(name, "not a whole number: '" + raw + "'");
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
