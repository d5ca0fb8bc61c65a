package io.jjj.indicators.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Status flags of an observation. {@code derived} marks values this service computes and is not taken from feeds. */
public enum ObservationStatus {
    PUBLISHED, PROVISIONAL, ESTIMATED, REVISED, FORECAST, DERIVED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean acceptedFromFeeds() {
        return this != DERIVED;
    }

    public static Optional<ObservationStatus> parse(String raw) {
        return Arrays.stream(values()).filter(s -> s.value().equalsIgnoreCase(raw.trim())).findFirst();
    }

    public static List<String> feedValues() {
        return Arrays.stream(values()).filter(ObservationStatus::acceptedFromFeeds).map(ObservationStatus::value).toList();
    }
}
