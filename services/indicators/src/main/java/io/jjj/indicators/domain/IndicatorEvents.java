package io.jjj.indicators.domain;

import io.jjj.platform.events.EventPublisher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The events this service publishes on {@code jjj.indicators.v1}, as {@code docs/events.md} defines them. */
public final class IndicatorEvents {

    public static final String UPSERTED = "jjj.indicators.observation.upserted.v1";
    public static final String REVISED = "jjj.indicators.observation.revised.v1";
    public static final String INDICATOR_CHANGED = "jjj.indicators.indicator.changed.v1";

    /** One changed period of a series. */
    public record PeriodChange(String period, BigDecimal value, BigDecimal previous, String status, LocalDate published) {
    }

    /** The data of an observation event: one series and exactly the periods that changed. */
    public record SeriesChange(String indicator, String region, List<PeriodChange> periods) {
    }

    /** The data of a catalogue event: the entry as it now stands. */
    public record IndicatorChange(String code, String nameEn, String nameZh, String unit, BigDecimal scale,
                                  boolean additive, String frequency, String description, String source,
                                  boolean derived, long version) {
    }

    private IndicatorEvents() {
    }

    public static EventPublisher.Draft indicatorChanged(Indicator i) {
        return new EventPublisher.Draft(INDICATOR_CHANGED, i.code(), new IndicatorChange(i.code(), i.nameEn(), i.nameZh(),
                i.unit().label(), i.unit().scale(), i.additive(), i.frequency().value(), i.description(), i.source(),
                i.derived(), i.version()));
    }

    /** Collects changes per series and type, then turns them into one event per series and type. */
    public static final class Batch {
        private final Map<SeriesKey, List<PeriodChange>> upserted = new LinkedHashMap<>();
        private final Map<SeriesKey, List<PeriodChange>> revised = new LinkedHashMap<>();

        public void upserted(SeriesKey key, PeriodChange change) {
            upserted.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
        }

        public void revised(SeriesKey key, PeriodChange change) {
            revised.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
        }

        public List<EventPublisher.Draft> drafts() {
            List<EventPublisher.Draft> out = new ArrayList<>(upserted.size() + revised.size());
            upserted.forEach((k, periods) -> out.add(draft(UPSERTED, k, periods)));
            revised.forEach((k, periods) -> out.add(draft(REVISED, k, periods)));
            return out;
        }

        private static EventPublisher.Draft draft(String type, SeriesKey key, List<PeriodChange> periods) {
            return new EventPublisher.Draft(type, key.subject(), new SeriesChange(key.indicator(), key.region(), periods));
        }
    }
}
