package io.jjj.platform.input;

import io.jjj.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every parser, its default when absent, and the problem (status, parameter, message) for each bad value. */
class QueryParamsTest {

    @Test
    void requiredAndPatterns() {
        assertEquals("x", QueryParams.required("q", " x "));
        refused("q", "q: required", () -> QueryParams.required("q", " "));
        assertEquals("130000", QueryParams.required("region", "130000", "\\d{6}", "a region code"));
        refused("region", "region: required (a region code)", () -> QueryParams.required("region", null, "\\d{6}", "a region code"));
        refused("region", "region: expected a region code, was '13'", () -> QueryParams.optional("region", "13", "\\d{6}", "a region code"));
        assertNull(QueryParams.optional("region", "", "\\d{6}", "a region code"));
    }

    @Test
    void oneOfAndLists() {
        assertEquals("asc", QueryParams.oneOf("order", null, List.of("asc", "desc"), "asc"));
        assertEquals("desc", QueryParams.oneOf("order", " desc", List.of("asc", "desc"), "asc"));
        refused("order", "order: must be one of asc, desc, was 'up'", () -> QueryParams.oneOf("order", "up", List.of("asc", "desc"), "asc"));
        assertNull(QueryParams.list("kind", " ", List.of("a")));
        assertEquals(List.of("a", "b"), QueryParams.list("kind", "a, ,b", List.of("a", "b")));
        assertEquals(List.of("x", "y"), QueryParams.list("sector", "x,y", null));
        refused("kind", "kind: unknown value 'c'; one of a, b", () -> QueryParams.list("kind", "a,c", List.of("a", "b")));
    }

    @Test
    void requiredListsAreCapped() {
        assertEquals(List.of("a", "b"), QueryParams.requiredList("to", "a, b", 2, "nodes"));
        refused("to", "to: required", () -> QueryParams.requiredList("to", null, 2, "nodes"));
        refused("to", "to: required", () -> QueryParams.requiredList("to", " , ", 2, "nodes"));
        ProblemException tooMany = assertThrows(ProblemException.class, () -> QueryParams.requiredList("to", "a,b,c", 2, "nodes"));
        assertEquals(413, tooMany.status());
        assertEquals("to: at most 2 nodes, was 3", tooMany.getMessage());
        assertEquals("to", tooMany.errors().get(0).field());
    }

    @Test
    void numbers() {
        assertEquals(60, QueryParams.number("speed", null, 60, 1, 400));
        assertEquals(2.5, QueryParams.number("speed", "2.5", 60, 1, 400));
        refused("speed", "speed: not a number: 'fast'", () -> QueryParams.number("speed", "fast", 60, 1, 400));
        refused("speed", "speed: must be between 1 and 400, was 500", () -> QueryParams.number("speed", "500", 60, 1, 400));
        refused("speed", "speed: must be between 1 and 400, was NaN", () -> QueryParams.number("speed", "NaN", 60, 1, 400));
        refused("share", "share: must be between 0 and 0.5, was 1", () -> QueryParams.number("share", "1", 0, 0, 0.5));

        assertEquals(30, QueryParams.whole("minutes", "30", 1, 600));
        refused("minutes", "minutes: required (a whole number from 1 to 600)", () -> QueryParams.whole("minutes", null, 1, 600));
        refused("minutes", "minutes: not a whole number: '3.5'", () -> QueryParams.whole("minutes", "3.5", 1, 600));
        refused("minutes", "minutes: must be between 1 and 600, was 601", () -> QueryParams.whole("minutes", "601", 1, 600));
        assertEquals(10, QueryParams.whole("limit", null, 10, 1, 100));
        assertEquals(5, QueryParams.whole("limit", "5", 10, 1, 100));
    }

    @Test
    void datesOrYears() {
        assertEquals(LocalDate.of(2014, 1, 1), QueryParams.dateOrYear("signedFrom", "2014", false));
        assertEquals(LocalDate.of(2014, 12, 31), QueryParams.dateOrYear("signedTo", "2014", true));
        assertEquals(LocalDate.of(2014, 5, 6), QueryParams.dateOrYear("signedTo", "2014-05-06", true));
        assertNull(QueryParams.dateOrYear("signedTo", null, true));
        refused("signedTo", "signedTo: not a year (YYYY) or a date (YYYY-MM-DD): '14'", () -> QueryParams.dateOrYear("signedTo", "14", true));
        refused("signedTo", "signedTo: the year must lie between 1900 and 2200, was 1800", () -> QueryParams.dateOrYear("signedTo", "1800", true));
    }

    @Test
    void boundingBoxes() {
        assertNull(QueryParams.bbox(null));
        assertArrayEquals(new double[] {115, 38.5, 119, 40.5}, QueryParams.bbox("115, 38.5,119,40.5"));
        refused("bbox", "bbox: must be four numbers minLon,minLat,maxLon,maxLat, was '1,2,3'", () -> QueryParams.bbox("1,2,3"));
        refused("bbox", "bbox: 'x' is not a number; bbox is minLon,minLat,maxLon,maxLat", () -> QueryParams.bbox("x,2,3,4"));
        refused("bbox", "bbox: 'Infinity' is not a finite number", () -> QueryParams.bbox("Infinity,2,3,4"));
        refused("bbox", "bbox: longitudes lie in -180..180 and latitudes in -90..90", () -> QueryParams.bbox("-181,0,0,1"));
        refused("bbox", "bbox: min must not exceed max (minLon,minLat,maxLon,maxLat)", () -> QueryParams.bbox("2,0,1,1"));
        refused("area", "area: must be four numbers minLon,minLat,maxLon,maxLat, was '1'", () -> QueryParams.bbox("area", "1"));
    }

    private static void refused(String parameter, String detail, Executable parse) {
        ProblemException e = assertThrows(ProblemException.class, parse);
        assertEquals(400, e.status());
        assertEquals(detail, e.getMessage());
        assertEquals(parameter, e.errors().get(0).field());
    }
}
