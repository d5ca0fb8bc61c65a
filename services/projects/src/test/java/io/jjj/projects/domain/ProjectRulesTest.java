package io.jjj.projects.domain;

import io.jjj.platform.input.TextLimits;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.regions.Regions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectRulesTest {

    private final ProjectRules rules = new ProjectRules(new Regions(), new TextLimits(500, 5000));

    private static ProjectDraft draft(String kind, String origin, String destination, String signed, String operational) {
        return new ProjectDraft("r", "Name", null, kind, null, null, origin, destination, null, null, null, null, null, null,
                signed, null, operational, null, null);
    }

    private static List<String> fields(ProjectRules.Outcome outcome) {
        return outcome.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aYearAloneIsComparedByYear() {
        assertTrue(rules.check(draft("public-service", "110000", "131082", "2014-11-18", "2014")).valid());
        assertEquals(List.of("operational"), fields(rules.check(draft("public-service", "110000", "131082", "2014-11-18", "2013"))));
        assertEquals(List.of("operational"), fields(rules.check(draft("public-service", "110000", "131082", "2014-11-18", "2014-11-17"))));
    }

    @Test
    void movingKindsNeedTwoDifferentPlaces() {
        assertEquals(List.of("destination"), fields(rules.check(draft("relocation", "130100", "130100", null, null))));
        assertEquals(List.of("origin"), fields(rules.check(draft("market-relocation", null, "130100", null, null))));
        assertTrue(rules.check(draft("public-service", null, "130100", null, null)).valid());
    }

    @Test
    void theLocationDefaultsToTheDestinationsPoint() {
        Project p = rules.check(draft("science-park", "110108", "120115", "2013", null)).project();
        assertEquals(new Project.ProjectLocation(117.309, 39.717), p.location());
        assertEquals(LocalDate.of(2013, 1, 1), p.signed());
        assertEquals(2013, p.signedYear());
        assertEquals("proposed", p.status());
    }

    @Test
    void metricsCellsAreNumbersOrIsoDates() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> metrics = ProjectRules.parseMetrics("local_jobs=4000;share=11.2;turned_profitable=2014-05", "metrics", errors);
        assertEquals(Map.of("local_jobs", new BigDecimal("4000"), "share", new BigDecimal("11.2"), "turned_profitable", "2014-05"), metrics);
        assertTrue(errors.isEmpty());
        ProjectRules.parseMetrics("a=1;a=2;b;c=lots", "metrics", errors);
        assertEquals(3, errors.size());
    }

    @Test
    void foreignCurrenciesAreConvertedWithTheFixedTable() {
        assertEquals(new BigDecimal("13.8"), Currencies.toCny100m(new BigDecimal("2"), "USD").orElseThrow());
        assertEquals(new BigDecimal("176"), Currencies.toCny100m(new BigDecimal("176"), "CNY").orElseThrow());
        assertTrue(Currencies.toCny100m(BigDecimal.ONE, "XYZ").isEmpty());
    }
}
