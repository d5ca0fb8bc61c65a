package io.jjj.transport.domain;

import java.math.BigDecimal;

/** Decimal values compared and written without their incidental scale. */
public final class Decimals {

    private Decimals() {
    }

    /** Drops trailing zeros, so 120.000 from a numeric column equals the 120 that was written. */
    public static BigDecimal normal(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A JSON-friendly number: a whole value as a long (120, not 120.0 or 1.2E+2), otherwise a double. */
    public static Number json(BigDecimal v) {
        BigDecimal n = normal(v);
        return n.scale() == 0 ? (Number) n.longValueExact() : (Number) n.doubleValue();
    }
}
