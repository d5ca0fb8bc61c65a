package io.jjj.indicators.domain;

/** An indicator for one region or region group. */
public record SeriesKey(String indicator, String region) {

    /** The subject of the series' events: {@code indicator/region}. */
    public String subject() {
        return indicator + "/" + region;
    }
}
