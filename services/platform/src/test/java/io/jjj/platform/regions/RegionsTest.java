package io.jjj.platform.regions;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        assertEquals(4, regions.groups().size());
    }

    @Test
    void theCountsPerLevelAreThoseOfTheStatisticalDivisionCodes2023() {
        var current = regions.on(LocalDate.of(2023, 6, 30));
        assertEquals(3, current.stream().filter(r -> r.level().equals("province")).count());
        assertEquals(12, current.stream().filter(r -> r.level().equals("prefecture")).count(), "Hebei's 11 and Xiong'an");
        assertEquals(222, current.stream().filter(r -> r.level().equals("county")).count());
        assertEquals(16, current.stream().filter(r -> "110000".equals(r.parent())).count());
        assertEquals(16, current.stream().filter(r -> "120000".equals(r.parent())).count());
        assertEquals(33, regions.all().stream().filter(r -> r.validTo() != null).count(), "units retired since 2002");
    }

    @Test
    void everyRowNamesASourceTheReferenceCites() {
        regions.all().forEach(r -> assertTrue(regions.sources().containsKey(r.source()), r.code() + " " + r.source()));
        regions.changes().forEach(c -> List.of(c.source().split(";"))
                .forEach(s -> assertTrue(regions.sources().containsKey(s), c.id() + " " + s)));
        regions.all().stream().filter(Region::hasPoint).forEach(r -> assertEquals("DATASET", r.pointSource(), r.code()));
    }

    @Test
    void everyRegionCodeOfTheDefaultDataSetResolves() throws IOException {
        Pattern code = Pattern.compile("\\b1[123]\\d{4}\\b");
        for (String file : List.of("regions.csv", "region-groups.csv", "observations.csv", "projects.csv", "transport-nodes.csv")) {
            Matcher m = code.matcher(Files.readString(Path.of("..", "..", "deploy", "data", file)));
            while (m.find()) {
                assertTrue(regions.isRegion(m.group()), file + ": " + m.group());
            }
        }
    }

    @Test
    void binhaiNewAreaReplacedTangguHanguAndDagangIn2009() {
        RegionChange change = regions.retirement("120107").orElseThrow();
        assertEquals(List.of("120107", "120108", "120109"), change.predecessors());
        assertEquals(List.of("120116"), change.successors());
        assertTrue(change.pureMerge());
        assertTrue(regions.notInForce("120108", LocalDate.of(2009, 1, 1)).isEmpty(), "Hangu still reported 2009");
        String retired = regions.notInForce("120108", LocalDate.of(2010, 1, 1)).orElseThrow();
        assertTrue(retired.contains("use its successor 120116 (Binhai New Area)"), retired);
        String early = regions.notInForce("120116", LocalDate.of(2008, 1, 1)).orElseThrow();
        assertTrue(early.contains("120107 (Tanggu District), 120108 (Hangu District), 120109 (Dagang District)"), early);
        assertEquals(List.of(change), regions.mergesInto("120116", LocalDate.of(2008, 1, 1)));
        assertTrue(regions.mergesInto("120116", LocalDate.of(2010, 1, 1)).isEmpty());
    }

    @Test
    void chongwenAndXuanwuWereMergedIntoDongchengAndXichengIn2010() {
        assertEquals(List.of("110101", "110103"), regions.retirement("110103").orElseThrow().predecessors());
        assertEquals(List.of("110102"), regions.retirement("110104").orElseThrow().successors());
        assertTrue(regions.retirement("110101").isEmpty(), "Dongcheng lives on");
        assertTrue(regions.on(LocalDate.of(2010, 1, 1)).stream().anyMatch(r -> r.code().equals("110103")));
        assertFalse(regions.on(LocalDate.of(2011, 1, 1)).stream().anyMatch(r -> r.code().equals("110103")));
        assertTrue(regions.notInForce("110104", LocalDate.of(2011, 1, 1)).orElseThrow().contains("110102 (Xicheng District)"));
        assertEquals(1, regions.mergesInto("110101", LocalDate.of(2009, 1, 1)).size());
        assertTrue(regions.contains("110000", "110103"), "a retired unit stays inside its parent");
    }

    @Test
    void xionganAdministersThreeCountiesThatGbt2260KeepsUnderBaoding() {
        for (String county : List.of("130629", "130632", "130638")) {
            assertEquals("130600", regions.parentOf(county));
            assertTrue(regions.contains("130600", county));
            assertTrue(regions.contains("133100", county));
            assertEquals(List.of("130600", "130000", "133100"), regions.ancestors(county), "each once, Hebei once");
            assertEquals("130600", regions.prefecture(county).orElseThrow(), "GB/T 2260 places it under Baoding");
        }
        assertEquals(List.of("130629", "130632", "130638"), regions.administered("133100"));
        assertTrue(regions.expand("133100").containsAll(List.of("130629", "130632", "130638")));
        assertFalse(regions.contains("133100", "130681"), "Zhuozhou stays Baoding's alone");
        assertEquals(LocalDate.of(2017, 4, 1), regions.region("133100").orElseThrow().validFrom());
    }

    @Test
    void anUpdateLaysRegionsAndChangesOverTheReferenceAndOneThatWouldOverlapAGroupIsRefused() {
        Regions updated = new Regions();
        Region added = new Region("130191", "Test District", "测试区", "county", "130100", null, LocalDate.of(2190, 1, 1),
                null, null, null, null, "feed", "NBS2023", null);
        RegionChange merge = new RegionChange("130191@2190-01-01", LocalDate.of(2190, 1, 1), "merge", List.of("130102"),
                List.of("130191"), "NBS2023", "test");
        updated.apply(List.of(new RegionUpdate(List.of(added), List.of(merge), java.util.Map.of())));
        assertTrue(updated.contains("130100", "130191"));
        assertEquals(List.of(merge), updated.mergesInto("130191", LocalDate.of(2100, 1, 1)));
        assertFalse(regions.isRegion("130191"), "another instance keeps its own reference");
        Region qinhuangdao = updated.region("130300").orElseThrow();
        Region underTangshan = new Region("130300", qinhuangdao.nameEn(), qinhuangdao.nameZh(), "prefecture", "130000", "130200",
                null, null, null, null, null, "feed", "NBS2023", null);
        var e = assertThrows(IllegalStateException.class,
                () -> updated.apply(List.of(new RegionUpdate(List.of(underTangshan), List.of(), java.util.Map.of()))));
        assertTrue(e.getMessage().contains("COASTAL-BELT"), e.getMessage());
        assertTrue(updated.isRegion("130191"), "the refused update left the reference as it was");
        assertFalse(updated.contains("130200", "130300"));
    }

    @Test
    void aGroupWhoseMembersOverlapIsRefusedSoNoSumCountsACountyTwice() {
        var e = assertThrows(IllegalStateException.class,
                () -> regions.requireDisjointMembers(new RegionGroup("X", "Baoding and Xiong'an", List.of("130600", "133100"), "")));
        assertTrue(e.getMessage().contains("130600 and 133100 both contain 130629"), e.getMessage());
        regions.requireDisjointMembers(new RegionGroup("Y", "Xiong'an and Zhuozhou", List.of("133100", "130681"), ""));
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
        assertEquals(List.of("110000", "120000", "130000"), regions.members("JJJ"));
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
