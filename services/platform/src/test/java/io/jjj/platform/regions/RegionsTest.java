package io.jjj.platform.regions;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionsTest {

    private final Regions regions = new Regions();

    @Test
    void readsTheReferenceList() {
        assertEquals("Xiong'an New Area", regions.region("133100").orElseThrow().nameEn());
        assertEquals("雄安新区", regions.region("133100").orElseThrow().nameZh());
        assertEquals(28, regions.all().size());
        assertEquals(4, regions.groups().size());
    }

    @Test
    void aProvinceContainsItsPrefecturesAndTheirCounties() {
        assertTrue(regions.contains("130000", "130209"), "Caofeidian lies in Tangshan, in Hebei");
        assertTrue(regions.contains("130200", "130209"));
        assertFalse(regions.contains("110000", "130209"));
        assertTrue(regions.expand("130200").contains("130209"));
        assertFalse(regions.expand("130200").contains("130300"));
    }

    @Test
    void aGroupExpandsToItsMembersAndWhatLiesBelowThem() {
        assertEquals(java.util.List.of("110000", "120000", "130000"), regions.members("JJJ"));
        assertTrue(regions.expand("JJJ").contains("131082"));
        assertTrue(regions.contains("TWO-WINGS", "133100"));
        assertTrue(regions.contains("COASTAL-BELT", "120116"), "Binhai lies in Tianjin, a member");
        assertFalse(regions.contains("COASTAL-BELT", "130100"));
    }

    @Test
    void provinceAndPrefectureOfARegion() {
        assertEquals("130000", regions.province("130209").orElseThrow());
        assertEquals("130200", regions.prefecture("130209").orElseThrow());
        assertTrue(regions.prefecture("110000").isEmpty());
        assertTrue(regions.province("JJJ").isEmpty());
    }

    @Test
    void aGroupPointIsTheMeanOfItsMembers() {
        double[] p = regions.point("TWO-WINGS").orElseThrow();
        assertEquals((116.657 + 115.930) / 2, p[0], 1e-9);
        assertEquals((39.910 + 39.050) / 2, p[1], 1e-9);
    }

    @Test
    void requireNamesTheFieldOfAnUnknownCode() {
        var e = assertThrows(io.jjj.platform.problem.ProblemException.class, () -> regions.require("destination", "999999"));
        assertEquals(400, e.status());
        assertEquals("destination", e.errors().get(0).field());
    }
}
