package io.jjj.platform.time;

import io.jjj.platform.input.Dates;
import io.jjj.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Today is the date in Asia/Shanghai by the injected clock; asOf defaults to it. */
class TodayTest {

    /** 2024-12-31T17:00Z is already 1 January 2025 in Shanghai (UTC+8). */
    private static final Instant NEW_YEAR_IN_SHANGHAI = Instant.parse("2024-12-31T17:00:00Z");

    @Test
    void todayIsTheDateInShanghaiWhateverTheClocksZone() {
        assertEquals(ZoneId.of("Asia/Shanghai"), Today.ZONE);
        for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, ZoneId.of("America/New_York"), Today.ZONE}) {
            Today today = new Today(Clock.fixed(NEW_YEAR_IN_SHANGHAI, zone));
            assertEquals(LocalDate.of(2025, 1, 1), today.date(), zone.toString());
            assertEquals(2025, today.year());
        }
        assertEquals(LocalDate.of(2024, 12, 31), new Today(Clock.fixed(Instant.parse("2024-12-31T15:59:59Z"), ZoneOffset.UTC)).date());
    }

    @Test
    void pastIsBeforeToday() {
        Today today = new Today(Clock.fixed(NEW_YEAR_IN_SHANGHAI, ZoneOffset.UTC));
        assertTrue(today.isPast(LocalDate.of(2024, 12, 31)));
        assertFalse(today.isPast(LocalDate.of(2025, 1, 1)));
    }

    @Test
    void asOfIsTodayWhenAbsentAndAnyDateInRangeOtherwise() {
        Today today = new Today(Clock.fixed(NEW_YEAR_IN_SHANGHAI, ZoneOffset.UTC));
        assertEquals(LocalDate.of(2025, 1, 1), today.asOf(null));
        assertEquals(LocalDate.of(2025, 1, 1), Dates.asOf(" ", today));
        assertEquals(LocalDate.of(2016, 12, 31), Dates.asOf(" 2016-12-31 ", today));
        assertEquals(LocalDate.of(2030, 1, 1), Dates.asOf("2030-01-01", today), "a future date is accepted");
        assertEquals(LocalDate.of(2020, 2, 2), Dates.asOf("on", null, LocalDate.of(2020, 2, 2)));
    }

    @Test
    void aBadAsOfIsA400NamingTheParameter() {
        Today today = new Today(Clock.fixed(NEW_YEAR_IN_SHANGHAI, ZoneOffset.UTC));
        ProblemException notADate = assertThrows(ProblemException.class, () -> Dates.asOf("2016-13-01", today));
        assertEquals(400, notADate.status());
        assertEquals("asOf", notADate.errors().get(0).field());
        assertEquals("asOf: not a date (YYYY-MM-DD): '2016-13-01'", notADate.getMessage());
        ProblemException outOfRange = assertThrows(ProblemException.class, () -> Dates.asOf("day", "1899-12-31", today));
        assertEquals("day", outOfRange.errors().get(0).field());
        assertTrue(outOfRange.getMessage().contains("from 1900-01-01 to 2200-12-31"), outOfRange.getMessage());
    }
}
