package io.jjj.indicators.domain;

import io.jjj.platform.regions.Regions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DerivedTest {

    private final Regions regions = new Regions();

    @Test
    void aCodeMissingFromTheListIsPlacedByItsStructure() {
        assertEquals(List.of("130100", "130000"), Derived.selfAndAbove("130199", regions));
        assertEquals(List.of("130181", "130100", "130000"), Derived.selfAndAbove("130181", regions), "Xinji is listed now");
        assertEquals(List.of("130209", "130200", "130000"), Derived.selfAndAbove("130209", regions));
        assertEquals(List.of(), Derived.selfAndAbove("JJJ", regions));
    }

    @Test
    void projectsWithoutYearOrCancelledAreNotCounted() {
        var values = Derived.projects(List.of(
                new Derived.Project("a", "130209", "signed", 2015, new BigDecimal("10")),
                new Derived.Project("b", "130209", "cancelled", 2015, new BigDecimal("5")),
                new Derived.Project("c", "130209", "signed", null, new BigDecimal("7"))), regions);
        LocalDate y = LocalDate.of(2015, 1, 1);
        assertEquals(BigDecimal.ONE, values.get(Derived.INBOUND_COUNT).get(new SeriesKey(Derived.INBOUND_COUNT, "130000")).get(y));
        assertEquals(new BigDecimal("10"), values.get(Derived.INBOUND_INVESTMENT).get(new SeriesKey(Derived.INBOUND_INVESTMENT, "130200")).get(y));
    }

    @Test
    void aProjectInAXionganCountyCountsForBaodingAndXionganAndOnceForHebei() {
        var values = Derived.projects(List.of(new Derived.Project("a", "130638", "signed", 2018, new BigDecimal("10")),
                new Derived.Project("b", "130681", "signed", 2018, new BigDecimal("5"))), regions);
        LocalDate y = LocalDate.of(2018, 1, 1);
        var count = values.get(Derived.INBOUND_COUNT);
        var investment = values.get(Derived.INBOUND_INVESTMENT);
        assertEquals(BigDecimal.ONE, count.get(new SeriesKey(Derived.INBOUND_COUNT, "133100")).get(y), "Xiong'an: only Xiong County");
        assertEquals(new BigDecimal("2"), count.get(new SeriesKey(Derived.INBOUND_COUNT, "130600")).get(y), "Baoding: both");
        assertEquals(new BigDecimal("2"), count.get(new SeriesKey(Derived.INBOUND_COUNT, "130000")).get(y), "Hebei counts each once");
        assertEquals(new BigDecimal("15"), investment.get(new SeriesKey(Derived.INBOUND_INVESTMENT, "130000")).get(y));
    }

    @Test
    void hsrCountsTheStateAtYearEnd() {
        var links = List.of(new Derived.Link("l", "hsr", "A", "B", "110000", "120000", new BigDecimal("120"),
                        LocalDate.of(2008, 8, 1), LocalDate.of(2010, 12, 31)),
                new Derived.Link("r", "rail", "A", "C", "110000", "130000", new BigDecimal("300"), LocalDate.of(2008, 1, 1), null));
        Map<String, Map<SeriesKey, Map<LocalDate, BigDecimal>>> values = Derived.hsr(links, regions, 2011);
        var length = values.get(Derived.HSR_LENGTH);
        assertEquals(new BigDecimal("60"), length.get(new SeriesKey(Derived.HSR_LENGTH, "110000")).get(LocalDate.of(2009, 1, 1)));
        assertNull(length.get(new SeriesKey(Derived.HSR_LENGTH, "110000")).get(LocalDate.of(2010, 1, 1)), "closed on 31 December");
        assertFalse(length.containsKey(new SeriesKey(Derived.HSR_LENGTH, "130000")), "not a high-speed link");
        assertEquals(BigDecimal.ONE, values.get(Derived.HSR_STATIONS).get(new SeriesKey(Derived.HSR_STATIONS, "120000")).get(LocalDate.of(2008, 1, 1)));
    }
}
