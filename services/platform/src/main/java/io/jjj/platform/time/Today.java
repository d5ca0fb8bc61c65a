package io.jjj.platform.time;

import io.jjj.platform.input.Dates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What "today" is: the date in {@link #ZONE}, Asia/Shanghai, the zone of the data (Beijing, Tianjin, Hebei), read
 * from the one {@link Clock} bean ({@link Clocks}; a test replaces it with its own {@code @Produces Clock}).
 *
 * <pre>{@code
 * @Inject Today today;
 * LocalDate day = today.date();                 // the date in Asia/Shanghai now
 * LocalDate asOf = today.asOf(rawAsOfParameter); // absent → today, else the checked date
 * }</pre>
 */
@ApplicationScoped
public class Today {

    /** The data's zone: dates without a zone (asOf, periods, opening days) are dates here. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    @Inject
    public Today(Clock clock) {
        this.clock = clock;
    }

    /** Today's date in {@link #ZONE}. */
    public LocalDate date() {
        return of(clock);
    }

    /** The current year in {@link #ZONE}. */
    public int year() {
        return date().getYear();
    }

    /** Whether {@code date} lies before today. */
    public boolean isPast(LocalDate date) {
        return date.isBefore(date());
    }

    /** The {@code asOf} query parameter: absent or blank → today; see {@link Dates#asOf(String, String, Today)}. */
    public LocalDate asOf(String raw) {
        return Dates.asOf("asOf", raw, this);
    }

    /** The clock itself, for instants ({@code clock().instant()}); its zone is UTC. */
    public Clock clock() {
        return clock;
    }

    /** Today in {@link #ZONE} by any clock, for code outside CDI; whatever the clock's own zone is. */
    public static LocalDate of(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
