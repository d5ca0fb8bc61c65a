package io.jjj.transport.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A connection between two nodes, open from {@code opened} until the day before {@code closed}. */
public record Link(String id, String from, String to, String mode, String line, BigDecimal distanceKm,
                   BigDecimal minutes, LocalDate opened, LocalDate closed, boolean bidirectional, String source) {

    public Link {
        distanceKm = distanceKm == null ? null : Decimals.normal(distanceKm);
        minutes = minutes == null ? null : Decimals.normal(minutes);
    }

    /** The id a link gets when none is given: {@code FROM-TO-mode}. */
    public static String derivedId(String from, String to, String mode) {
        return from + "-" + to + "-" + mode;
    }

    public boolean openOn(LocalDate day) {
        return !opened.isAfter(day) && (closed == null || closed.isAfter(day));
    }
}
