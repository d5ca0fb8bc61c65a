package io.jjj.projects.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fixed conversion table behind {@code investmentCny100m}. Amounts are in 100 million units of their currency
 * (亿); one unit of each currency is worth this many yuan. The rates are round long-run references (2015–2024),
 * fixed on purpose so that a project's normalised figure never moves with the exchange rate of the day.
 */
public final class Currencies {

    public static final Map<String, BigDecimal> CNY_PER_UNIT = new TreeMap<>(Map.of(
            "CNY", BigDecimal.ONE,
            "USD", new BigDecimal("6.90"),
            "EUR", new BigDecimal("7.60"),
            "HKD", new BigDecimal("0.88"),
            "JPY", new BigDecimal("0.055"),
            "GBP", new BigDecimal("8.80")));

    private Currencies() {
    }

    public static boolean isKnown(String currency) {
        return currency != null && CNY_PER_UNIT.containsKey(currency);
    }

    /** The amount in CNY 100 million, to 4 decimals, when the currency is known. */
    public static Optional<BigDecimal> toCny100m(BigDecimal amount, String currency) {
        if (amount == null || !isKnown(currency)) {
            return Optional.empty();
        }
        BigDecimal cny = amount.multiply(CNY_PER_UNIT.get(currency));
        return Optional.of(currency.equals("CNY") ? amount : cny.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros());
    }
}
