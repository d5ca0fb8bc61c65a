package io.jjj.platform.input;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The numbers the API accepts: finite, under 10^30 in magnitude, with at most 30 decimals. {@code 1e999} parses
 * as a decimal or as infinity, and neither may reach a computation or a column.
 */
public final class Numbers {

    public static final int MAX_INTEGER_DIGITS = 30;
    public static final int MAX_DECIMALS = 30;

    private Numbers() {
    }

    /** Why the decimal is refused; empty when it is accepted. */
    public static Optional<String> refused(BigDecimal value) {
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return Optional.of("out of range: at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (value.scale() > MAX_DECIMALS) {
            return Optional.of("out of range: at most " + MAX_DECIMALS + " decimal places");
        }
        return Optional.empty();
    }

    /** Why the floating-point number is refused; empty when it is accepted. */
    public static Optional<String> refused(double value) {
        if (!Double.isFinite(value)) {
            return Optional.of("not a finite number");
        }
        if (Math.abs(value) >= 1e30) {
            return Optional.of("out of range: at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        return Optional.empty();
    }
}
