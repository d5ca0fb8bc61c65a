package io.jjj.indicators;

import io.jjj.indicators.domain.Frequency;
import io.jjj.indicators.domain.Unit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitTest {

    @Test
    void scaleAndBaseComeFromTheLabel() {
        Unit cny = Unit.parse("CNY 100 million");
        assertEquals("CNY", cny.base());
        assertEquals(0, new BigDecimal("100000000").compareTo(cny.scale()));
        assertTrue(cny.additive());
        Unit persons = Unit.parse("10 thousand persons");
        assertEquals("persons", persons.base());
        assertEquals(0, new BigDecimal("10000").compareTo(persons.scale()));
        assertTrue(persons.additive());
        assertEquals(0, new BigDecimal("1000000000").compareTo(Unit.parse("USD billion").scale()));
    }

    @Test
    void theScaleWordMayComeAloneFirstLastOrInAnyCase() {
        Unit alone = Unit.parse("million");
        assertEquals("million", alone.base());
        assertEquals(0, new BigDecimal("1000000").compareTo(alone.scale()));
        Unit tail = Unit.parse("yuan 1.5 Thousand");
        assertEquals("yuan", tail.base());
        assertEquals(0, new BigDecimal("1500").compareTo(tail.scale()));
        assertEquals(0, new BigDecimal("1000000000000").compareTo(Unit.parse("CNY trillion").scale()));
        assertEquals(0, BigDecimal.ONE.compareTo(Unit.parse("thousands of tonnes").scale()), "a scale word must end a word");
        assertEquals(0, BigDecimal.ONE.compareTo(Unit.parse("2 and 3 million").scale()), "a digit before the number stops the split");
    }

    /**
     * The split is one pass over the label: 100,000 spaces around and between the parts give the same unit as one
     * would (a backtracking pattern takes cubic time here and never finishes).
     */
    @Test
    void longRunsOfSpacesParseInOnePass() {
        String spaces = " ".repeat(100_000);
        Unit spaced = Unit.parse("CNY" + spaces + "100" + spaces + "million" + spaces + "x");
        assertEquals("CNY x", spaced.base());
        assertEquals(0, new BigDecimal("100000000").compareTo(spaced.scale()));
        Unit noScale = Unit.parse("a" + spaces + "b");
        assertEquals(0, BigDecimal.ONE.compareTo(noScale.scale()));
        assertEquals(100_002, noScale.base().length());
        assertEquals("", Unit.parse(spaces).label());
    }

    @Test
    void sharesRatiosAndConcentrationsDoNotAddUp() {
        assertFalse(Unit.parse("percent").additive());
        assertFalse(Unit.parse("ratio").additive());
        assertFalse(Unit.parse("µg/m³").additive());
        assertFalse(Unit.parse("yuan per person").additive());
        assertFalse(Unit.parse("something new").additive());
        assertTrue(Unit.parse("km").additive());
        assertTrue(Unit.parse("count").additive());
    }

    @Test
    void periodLabelsRoundTripInEachFrequency() {
        assertEquals(LocalDate.of(2013, 4, 1), Frequency.QUARTERLY.parseLabel("2013Q2").orElseThrow());
        assertEquals("2013Q2", Frequency.QUARTERLY.label(LocalDate.of(2013, 4, 1)));
        assertEquals("2013-07", Frequency.MONTHLY.label(Frequency.startOf("2013-07").orElseThrow()));
        assertEquals(LocalDate.of(2014, 1, 1), Frequency.endOf("2013").orElseThrow());
        assertEquals(LocalDate.of(2013, 10, 1), Frequency.endOf("2013Q3").orElseThrow());
        assertTrue(Frequency.ANNUAL.parseLabel("2013Q2").isEmpty());
        assertTrue(Frequency.startOf("2013-13").isEmpty());
        assertTrue(Frequency.startOf("2013Q5").isEmpty());
    }
}
